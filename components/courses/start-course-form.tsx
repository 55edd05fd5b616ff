"use client";

import { useActionState, useState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import type { FormState } from "@/lib/actions/form-state";
import { DOSE_UNITS, DRUG_CHOICES } from "@/lib/domain/courses";

export function StartCourseForm({
  action,
  today,
  conditions,
}: {
  action: (s: FormState, f: FormData) => Promise<FormState>;
  today: string;
  conditions: string[];
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const [drug, setDrug] = useState(v.drug ?? DRUG_CHOICES[0]);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormMessage error={state.error} />
      <Field name="drug" label="Drug" error={drug === "other" ? undefined : e.drug}>
        {(p) => (
          <select {...p} value={drug} onChange={(event) => setDrug(event.target.value)}>
            {DRUG_CHOICES.map((d) => (
              <option key={d}>{d}</option>
            ))}
            <option value="other">another drug…</option>
          </select>
        )}
      </Field>
      {drug === "other" && (
        <Field name="otherDrug" label="Other drug" error={e.drug}>
          {(p) => <input {...p} defaultValue={v.otherDrug} required maxLength={100} />}
        </Field>
      )}
      <Field name="indication" label="Indication" error={e.indication}>
        {(p) => (
          <>
            <input {...p} list="indications" defaultValue={v.indication ?? conditions[0] ?? ""} required maxLength={100} />
            <datalist id="indications">
              {conditions.map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field name="targetDose" label="Target dose" error={e.targetDose} hint="e.g. 20 for memantine 20 mg/day, 4.5 for low-dose naltrexone">
        {(p) => <input {...p} inputMode="decimal" defaultValue={v.targetDose} required />}
      </Field>
      <Field
        name="startingDose"
        label="Starting dose (optional, if titrating)"
        error={e.startingDose}
        hint="e.g. 5 for memantine started at 5 mg/day"
      >
        {(p) => <input {...p} inputMode="decimal" defaultValue={v.startingDose} />}
      </Field>
      <Field name="doseUnit" label="Dose unit" error={e.doseUnit}>
        {(p) => (
          <select {...p} defaultValue={v.doseUnit ?? DOSE_UNITS[0]}>
            {DOSE_UNITS.map((u) => (
              <option key={u}>{u}</option>
            ))}
          </select>
        )}
      </Field>
      <Field name="startDate" label="Start date" error={e.startDate}>
        {(p) => <input {...p} type="date" max={today} defaultValue={v.startDate} required />}
      </Field>
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Start course"}
      </button>
    </form>
  );
}
