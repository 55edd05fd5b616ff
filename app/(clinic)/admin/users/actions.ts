"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { argumentsAreMalformed, MALFORMED_REQUEST } from "@/lib/actions/action-arguments";
import { echoValues, runFormAction } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import { createdOrInvitedMessage } from "./created-or-invited-message";
import { createTeamUser, resetUserPassword, setMemberRole, setUserActive } from "@/lib/data/admin-users";

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");

/**
 * One answer whether or not the email already had an account (then it became an invitation), so the
 * form does not tell an admin who has an account elsewhere.
 */
export async function createUserAction(_state: FormState, formData: FormData): Promise<FormState> {
  if (argumentsAreMalformed({ formData })) return MALFORMED_REQUEST;
  const email = text(formData, "email").trim();
  const state = await runFormAction(async (user) => {
    await createTeamUser(user, {
      email,
      displayName: text(formData, "displayName"),
      role: text(formData, "role"),
      password: text(formData, "password"),
    });
  });
  if (state.error) return { ...state, values: echoValues(formData) };
  revalidatePath("/admin/users");
  return { ok: true, message: createdOrInvitedMessage(email) };
}

export async function changeRoleAction(memberId: string, _state: FormState, formData: FormData): Promise<FormState> {
  if (argumentsAreMalformed({ ids: [memberId], formData })) return MALFORMED_REQUEST;
  const role = text(formData, "role");
  let steppedDown = false;
  const state = await runFormAction(async (user) => {
    await setMemberRole(user, memberId, role);
    steppedDown = memberId === user.id && role !== "admin";
  });
  if (state.error) return state;
  // An admin who gave up the role can no longer see this page.
  if (steppedDown) redirect("/patients");
  revalidatePath("/admin/users");
  return { ok: true, message: "Role changed." };
}

export async function setActiveAction(memberId: string, active: boolean, _state: FormState): Promise<FormState> {
  if (argumentsAreMalformed({ ids: [memberId], flags: [active] })) return MALFORMED_REQUEST;
  const state = await runFormAction(async (user) => {
    await setUserActive(user, memberId, active);
  });
  if (state.error) return state;
  revalidatePath("/admin/users");
  return { ok: true, message: active ? "Account reactivated." : "Account deactivated; their sessions have ended." };
}

export async function resetPasswordAction(memberId: string, _state: FormState, formData: FormData): Promise<FormState> {
  if (argumentsAreMalformed({ ids: [memberId], formData })) return MALFORMED_REQUEST;
  const state = await runFormAction(async (user) => {
    await resetUserPassword(user, memberId, text(formData, "password"));
  });
  if (state.error) return state;
  revalidatePath("/admin/users");
  return { ok: true, message: "New password set." };
}
