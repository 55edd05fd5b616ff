"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { argumentsAreMalformed, MALFORMED_REQUEST } from "@/lib/actions/action-arguments";
import { echoValues, runFormAction } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import { recordAssessment, updateAssessment } from "@/lib/data/assessment-writes";
import { assessmentEnvelopeSchema } from "@/lib/validation/assessment";
import { versionSchema } from "@/lib/validation/patient";

const ITEM_PREFIX = "item.";

function answers(formData: FormData) {
  const items: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) if (key.startsWith(ITEM_PREFIX)) items[key.slice(ITEM_PREFIX.length)] = value;
  return { items, total: formData.get("total") ?? undefined };
}

function envelope(formData: FormData) {
  return assessmentEnvelopeSchema.parse({
    instrumentId: formData.get("instrumentId") ?? "",
    takenOn: formData.get("takenOn") ?? "",
    courseId: String(formData.get("courseId") ?? ""),
  });
}

/** Item keys from the instrument come back as `item.<key>`, the names of the form's fields. */
function withItemFieldNames(state: FormState): FormState {
  if (!state.fieldErrors) return state;
  const known = new Set(["instrumentId", "takenOn", "courseId", "total", "version"]);
  return {
    ...state,
    fieldErrors: Object.fromEntries(Object.entries(state.fieldErrors).map(([k, v]) => [known.has(k) ? k : `${ITEM_PREFIX}${k}`, v])),
  };
}

export async function recordAssessmentAction(patientId: string, _state: FormState, formData: FormData): Promise<FormState> {
  if (argumentsAreMalformed({ ids: [patientId], formData })) return MALFORMED_REQUEST;
  const state = await runFormAction(async (user) => {
    await recordAssessment(user, patientId, { ...envelope(formData), ...answers(formData) });
  });
  if (!state.error) {
    revalidatePath(`/patients/${patientId}`);
    redirect(`/patients/${patientId}`);
  }
  return { ...withItemFieldNames(state), values: echoValues(formData) };
}

export async function updateAssessmentAction(
  patientId: string,
  assessmentId: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  if (argumentsAreMalformed({ ids: [patientId, assessmentId], formData })) return MALFORMED_REQUEST;
  const state = await runFormAction(async (user) => {
    const { takenOn, courseId } = envelope(formData);
    await updateAssessment(user, assessmentId, versionSchema.parse(formData.get("version")), { takenOn, courseId, ...answers(formData) });
  });
  if (!state.error) {
    revalidatePath(`/patients/${patientId}`);
    redirect(`/patients/${patientId}`);
  }
  return { ...withItemFieldNames(state), values: echoValues(formData) };
}
