"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { Field, FormMessage } from "./field";

type SimpleField =
  | { name: string; label: string; kind: "text" | "date" | "decimal"; hint?: string; defaultValue?: string; max?: string }
  | { name: string; label: string; kind: "select"; options: { value: string; label: string }[]; hint?: string; defaultValue?: string }
  | { name: string; kind: "hidden"; value: string };

/** A small form from a list of fields, with messages beside each field; for the course's side forms. */
export function SimpleForm({
  action,
  fields,
  submitLabel,
  title,
}: {
  action: (s: FormState, f: FormData) => Promise<FormState>;
  fields: SimpleField[];
  submitLabel: string;
  title: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="stack card" noValidate aria-label={title}>
      <h3>{title}</h3>
      <FormMessage error={state.error} message={state.ok ? state.message : undefined} />
      {fields.map((field) =>
        field.kind === "hidden" ? (
          <input key={field.name} type="hidden" name={field.name} value={field.value} />
        ) : (
          <Field key={field.name} name={`${title}-${field.name}`} label={field.label} hint={field.hint} error={errors[field.name]}>
            {({ name: _ignored, ...p }) =>
              field.kind === "select" ? (
                <select {...p} name={field.name} defaultValue={values[field.name] ?? field.defaultValue}>
                  {field.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...p}
                  name={field.name}
                  type={field.kind === "date" ? "date" : "text"}
                  inputMode={field.kind === "decimal" ? "decimal" : undefined}
                  max={field.kind === "date" ? field.max : undefined}
                  defaultValue={values[field.name] ?? field.defaultValue}
                />
              )
            }
          </Field>
        ),
      )}
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </button>
    </form>
  );
}
