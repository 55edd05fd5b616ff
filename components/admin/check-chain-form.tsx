"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/field";
import type { FormAction } from "./types";

/** The admin's "Check the whole chain now" button, with what the check found. */
export function CheckChainForm({ action }: { action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} aria-label="Check the whole audit chain">
      <FormMessage error={state.error} message={state.ok ? state.message : undefined} />
      <button type="submit" className="secondary" disabled={pending}>
        {pending ? "Checking the whole chain…" : "Check the whole chain now"}
      </button>
    </form>
  );
}
