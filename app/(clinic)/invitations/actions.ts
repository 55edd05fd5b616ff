"use server";

import { revalidatePath } from "next/cache";
import { runFormAction } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import { answerInvitation } from "@/lib/data/invitations";

async function answer(invitationId: string, accept: boolean): Promise<FormState> {
  const state = await runFormAction(async (user) => {
    await answerInvitation(user, invitationId, accept);
  });
  if (state.error) return state;
  revalidatePath("/", "layout");
  return { ok: true, message: accept ? "Invitation accepted; choose the team in the header to work in it." : "Invitation declined." };
}

export async function acceptInvitationAction(invitationId: string, _state: FormState): Promise<FormState> {
  return answer(invitationId, true);
}

export async function declineInvitationAction(invitationId: string, _state: FormState): Promise<FormState> {
  return answer(invitationId, false);
}
