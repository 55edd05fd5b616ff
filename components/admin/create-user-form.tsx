"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import { DEFAULT_NEW_MEMBER_ROLE, ROLES } from "@/lib/domain/roles";
import type { FormAction } from "./types";

export function CreateUserForm({ action }: { action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  // React resets the form after each submit: a refused form shows what was sent (never the password).
  const v = state.values ?? {};
  return (
    <form action={formAction} className="stack card" noValidate aria-label="Add a user">
      <FormMessage error={state.error} message={state.ok ? state.message : undefined} />
      <Field
        name="email"
        label="Email"
        error={errors.email}
        hint="If this email already has an account, that person is invited and joins your team once they accept."
      >
        {(p) => <input {...p} type="email" defaultValue={v.email ?? ""} required maxLength={320} autoComplete="off" />}
      </Field>
      <Field name="displayName" label="Name" error={errors.displayName}>
        {(p) => <input {...p} defaultValue={v.displayName ?? ""} required maxLength={100} autoComplete="off" />}
      </Field>
      <Field
        name="role"
        label="Role"
        error={errors.role}
        hint="Viewers read records; clinicians also record them; admins also manage users and read the audit trail."
      >
        {(p) => (
          <select {...p} defaultValue={v.role ?? DEFAULT_NEW_MEMBER_ROLE}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        name="password"
        label="First password"
        error={errors.password}
        hint="At least 12 characters; not a commonly used password. An existing account keeps its own password."
      >
        {(p) => <input {...p} type="password" autoComplete="new-password" />}
      </Field>
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Add user"}
      </button>
    </form>
  );
}
