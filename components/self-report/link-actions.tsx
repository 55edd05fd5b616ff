"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/actions/form-state";
import type { LinkFormState } from "@/app/(clinic)/patients/[id]/self-report/actions";
import { LinkUrl } from "./link-url";

/** One button that runs a bound action and shows its answer (Revoke, Stop schedule). */
export function ActionButton({
  action,
  label,
  confirmLabel,
}: {
  action: (s: FormState) => Promise<FormState>;
  label: string;
  confirmLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} style={{ display: "inline" }} aria-label={confirmLabel}>
      <button type="submit" className="secondary" disabled={pending} aria-label={confirmLabel}>
        {label}
      </button>
      {state.error && (
        <span role="alert" className="field-error">
          {state.error}
        </span>
      )}
      {state.ok && state.message && <span role="status">{state.message}</span>}
    </form>
  );
}

/** "New URL" for a waiting link: the old URL stops working, the new one is shown once. */
export function ReissueButton({ action, label }: { action: (s: LinkFormState) => Promise<LinkFormState>; label: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} aria-label={label}>
      <button type="submit" className="secondary" disabled={pending} aria-label={label}>
        New URL
      </button>
      {state.error && (
        <span role="alert" className="field-error">
          {state.error}
        </span>
      )}
      {state.link && <LinkUrl token={state.link.token} note="The earlier URL of this link no longer works." />}
    </form>
  );
}
