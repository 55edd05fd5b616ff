"use server";

import { revalidatePath } from "next/cache";
import { argumentsAreMalformed, MALFORMED_REQUEST } from "@/lib/actions/action-arguments";
import { echoValues, runFormAction } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import { setFollowUpWeeks } from "@/lib/data/worklist";
import { followUpWeeksSchema } from "@/lib/validation/worklist";

export async function setFollowUpWeeksAction(_state: FormState, formData: FormData): Promise<FormState> {
  if (argumentsAreMalformed({ formData })) return MALFORMED_REQUEST;
  const state = await runFormAction(async (user) => {
    await setFollowUpWeeks(user, followUpWeeksSchema.parse({ followUpWeeks: formData.get("followUpWeeks") }));
  });
  if (state.error) return { ...state, values: echoValues(formData) };
  revalidatePath("/admin/settings");
  revalidatePath("/worklist");
  return { ok: true, message: "Saved. The worklist uses the new interval from now on." };
}
