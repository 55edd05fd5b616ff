"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/field";
import type { FormState } from "@/lib/actions/form-state";

export function ArchivePatientForm({
  action,
  archived,
  version,
}: {
  action: (s: FormState, f: FormData) => Promise<FormState>;
  archived: boolean;
  version: number;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction}>
      <FormMessage error={state.error} />
      <p className="muted">
        {archived
          ? "This patient is archived: hidden from the list, kept for the record."
          : "Archiving hides the patient from the list; the record is kept."}
      </p>
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="archive" value={archived ? "false" : "true"} />
      <button type="submit" className="secondary" disabled={pending}>
        {archived ? "Restore patient" : "Archive patient"}
      </button>
    </form>
  );
}
