"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "@/components/forms/field";
import { ROLES } from "@/lib/domain/roles";
import type { FormAction } from "./types";

type MemberFormProps = { action: FormAction; memberName: string };

/** The row's own error or confirmation, with the field's message when there is one. */
function RowMessage({ state }: { state: Awaited<ReturnType<FormAction>> }) {
  const detail = Object.values(state.fieldErrors ?? {})[0];
  return <FormMessage error={detail ?? state.error} message={state.ok ? state.message : undefined} />;
}

export function RoleForm({ action, memberId, memberName, role }: MemberFormProps & { memberId: string; role: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  const id = `role-${memberId}`;
  return (
    <form action={formAction} aria-label={`Change the role of ${memberName}`}>
      <RowMessage state={state} />
      <label htmlFor={id} className="sr-only">
        Role of {memberName}
      </label>
      {/* Keyed by the saved role: React keeps an uncontrolled select's first default, and resets the form to it. */}
      <select key={role} id={id} name="role" defaultValue={role}>
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>{" "}
      <button type="submit" className="secondary" disabled={pending}>
        {pending ? "Saving…" : "Change role"}
      </button>
    </form>
  );
}

export function ActiveForm({ action, memberName, active }: MemberFormProps & { active: boolean }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction}>
      <RowMessage state={state} />
      <button type="submit" className="secondary" disabled={pending} aria-label={`${active ? "Deactivate" : "Reactivate"} ${memberName}`}>
        {active ? "Deactivate" : "Reactivate"}
      </button>
    </form>
  );
}

export function ResetPasswordForm({ action, memberId, memberName }: MemberFormProps & { memberId: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <details>
      <summary>Reset password</summary>
      <form action={formAction} className="stack" noValidate aria-label={`Reset the password of ${memberName}`}>
        <FormMessage error={state.fieldErrors ? undefined : state.error} message={state.ok ? state.message : undefined} />
        <Field
          name={`password-${memberId}`}
          label={`New password for ${memberName}`}
          hint="At least 12 characters; not a commonly used password."
          error={state.fieldErrors?.password}
        >
          {(p) => <input {...p} name="password" type="password" autoComplete="new-password" required minLength={12} />}
        </Field>
        <button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Set new password"}
        </button>
      </form>
    </details>
  );
}
