"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { argumentsAreMalformed, MALFORMED_REQUEST } from "@/lib/actions/action-arguments";
import { echoValues, runFormAction } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import { acknowledgeWorklistItem } from "@/lib/data/worklist";
import { acknowledgeSchema, worklistFiltersSchema } from "@/lib/validation/worklist";

/** The worklist's URL with the filters the form was sent from (re-read, never echoed as given) and the confirmation flag. */
function backToWorklist(filtersQuery: FormDataEntryValue | null): string {
  const given = new URLSearchParams(typeof filtersQuery === "string" ? filtersQuery : "");
  const filters = worklistFiltersSchema.parse(
    Object.fromEntries(["reason", "drug", "clinician"].map((k) => [k, given.get(k) || undefined])),
  );
  const query = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string"));
  query.set("acknowledged", "1");
  return `/worklist?${query}`;
}

export async function acknowledgeWorklistAction(patientId: string, _state: FormState, formData: FormData): Promise<FormState> {
  if (argumentsAreMalformed({ ids: [patientId], formData })) return MALFORMED_REQUEST;
  const state = await runFormAction(async (user) => {
    await acknowledgeWorklistItem(user, patientId, acknowledgeSchema.parse({ reason: formData.get("reason"), note: formData.get("note") }));
  });
  if (state.error) return { ...state, values: echoValues(formData) };
  revalidatePath("/worklist");
  // The acknowledged item leaves the list (and its form with it), so the page says what happened.
  redirect(backToWorklist(formData.get("filters")));
}
