"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import type { FormState } from "@/lib/actions/form-state";
import { SEXES } from "@/lib/domain/sexes";
import { KNOWN_CONDITIONS } from "@/lib/domain/conditions";

type PatientValues = { code: string; birthYear: number | ""; sex: string; conditions: string[]; notes: string | null; version?: number };

export function PatientForm({
  action,
  initial,
  submitLabel,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: PatientValues;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  const v = state.values;
  // React resets the form after each submit: show what was sent back, or the record's values.
  const chosen = new Set(v ? (v.conditions ?? "").split("|") : initial.conditions);
  const others = initial.conditions.filter((c) => !(KNOWN_CONDITIONS as readonly string[]).includes(c)).join(", ");
  return (
    <form action={formAction} className="stack" noValidate>
      <FormMessage error={state.error} />
      {initial.version !== undefined && <input type="hidden" name="version" value={initial.version} />}
      <Field
        name="code"
        label="Patient code"
        error={errors.code}
        hint="A pseudonymous code used in your clinic; never a name or record number."
      >
        {(p) => <input {...p} defaultValue={v?.code ?? initial.code} required maxLength={32} autoComplete="off" />}
      </Field>
      <Field name="birthYear" label="Birth year" error={errors.birthYear}>
        {(p) => <input {...p} inputMode="numeric" defaultValue={v?.birthYear ?? initial.birthYear} required />}
      </Field>
      <Field name="sex" label="Sex" error={errors.sex}>
        {(p) => (
          <select {...p} defaultValue={v?.sex ?? initial.sex} required>
            <option value="">Choose…</option>
            {SEXES.map((sex) => (
              <option key={sex} value={sex}>
                {sex}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="field">
        <legend>Conditions</legend>
        {KNOWN_CONDITIONS.map((condition) => (
          <label key={condition} style={{ fontWeight: "normal" }}>
            <input type="checkbox" name="conditions" value={condition} defaultChecked={chosen.has(condition)} /> {condition}
          </label>
        ))}
        {errors.conditions && <span className="field-error">{errors.conditions}</span>}
      </fieldset>
      <Field name="otherConditions" label="Other conditions" hint="Separate several with commas." error={errors["conditions.0"]}>
        {(p) => <input {...p} defaultValue={v?.otherConditions ?? others} />}
      </Field>
      <Field name="notes" label="Notes (optional)" error={errors.notes}>
        {(p) => <textarea {...p} rows={3} maxLength={2000} defaultValue={v?.notes ?? initial.notes ?? ""} />}
      </Field>
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </button>
    </form>
  );
}
