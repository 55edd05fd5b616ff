"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { argumentsAreMalformed, MALFORMED_REQUEST } from "@/lib/actions/action-arguments";
import { runFormAction } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import { switchActiveTeam } from "@/lib/data/active-team";

/** Makes another of the user's teams the active one; the patient list is where that team's work starts. */
export async function switchTeamAction(_state: FormState, formData: FormData): Promise<FormState> {
  if (argumentsAreMalformed({ formData })) return MALFORMED_REQUEST;
  const state = await runFormAction(async (user) => {
    await switchActiveTeam(user, String(formData.get("teamId") ?? ""));
  });
  if (state.error) return state;
  revalidatePath("/", "layout"); // the header and every cached page belong to the previous team
  redirect("/patients");
}
