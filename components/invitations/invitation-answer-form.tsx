"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/forms/field";
import type { FormAction } from "@/components/admin/types";

type Props = { teamName: string; accept: FormAction; decline: FormAction };

/** Accept or decline one invitation, with the answer shown next to it. */
export function InvitationAnswerForm({ teamName, accept, decline }: Props) {
  const [acceptState, acceptAction, accepting] = useActionState(accept, {});
  const [declineState, declineAction, declining] = useActionState(decline, {});
  // A successful answer moves to the page's confirmation; only refusals come back here.
  const error = acceptState.error ?? declineState.error;
  const busy = accepting || declining;
  return (
    <div>
      <FormMessage error={error} />
      <form action={acceptAction} style={{ display: "inline" }}>
        <button type="submit" disabled={busy} aria-label={`Accept the invitation to ${teamName}`}>
          Accept
        </button>
      </form>{" "}
      <form action={declineAction} style={{ display: "inline" }}>
        <button type="submit" className="secondary" disabled={busy} aria-label={`Decline the invitation to ${teamName}`}>
          Decline
        </button>
      </form>
    </div>
  );
}
