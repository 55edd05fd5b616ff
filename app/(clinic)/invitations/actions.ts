"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { argumentsAreMalformed, MALFORMED_REQUEST } from "@/lib/actions/action-arguments";
import { runFormAction } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import { answerInvitation } from "@/lib/data/invitations";

async function answer(invitationId: string, accept: boolean): Promise<FormState> {
  if (argumentsAreMalformed({ ids: [invitationId] })) return MALFORMED_REQUEST;
  const state = await runFormAction(async (user) => {
    await answerInvitation(user, invitationId, accept);
  });
  if (state.error) return state;
  // The answered invitation leaves the list (and the header gains the team), so the page says what happened.
  revalidatePath("/", "layout");
  redirect(`/invitations?answer=${accept ? "accepted" : "declined"}`);
}

export async function acceptInvitationAction(invitationId: string, _state: FormState): Promise<FormState> {
  return answer(invitationId, true);
}

export async function declineInvitationAction(invitationId: string, _state: FormState): Promise<FormState> {
  return answer(invitationId, false);
}
