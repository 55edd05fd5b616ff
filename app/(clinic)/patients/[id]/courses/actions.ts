"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { argumentsAreMalformed, MALFORMED_REQUEST } from "@/lib/actions/action-arguments";
import { echoValues, runFormAction } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import { chooseBaseline, endCourse, recordAdverseEvent, recordDoseChange, startCourse } from "@/lib/data/course-writes";
import { adverseEventSchema, doseChangeSchema, endCourseSchema, startCourseSchema } from "@/lib/validation/course";

const fields = (formData: FormData) =>
  Object.fromEntries([...formData.entries()].filter(([k, v]) => typeof v === "string" && !k.startsWith("$")));

export async function startCourseAction(patientId: string, _state: FormState, formData: FormData): Promise<FormState> {
  if (argumentsAreMalformed({ ids: [patientId], formData })) return MALFORMED_REQUEST;
  let courseId: string | undefined;
  const raw = fields(formData);
  const state = await runFormAction(async (user) => {
    const input = startCourseSchema.parse({
      ...raw,
      drug: raw.drug === "other" ? raw.otherDrug : raw.drug,
      startingDose: raw.startingDose || undefined,
    });
    courseId = (await startCourse(user, patientId, input)).id;
  });
  if (!state.error && courseId) redirect(`/patients/${patientId}/courses/${courseId}`);
  return { ...state, values: echoValues(formData) };
}

function courseAction(
  run: (
    user: Parameters<Parameters<typeof runFormAction>[0]>[0],
    courseId: string,
    raw: Record<string, FormDataEntryValue>,
  ) => Promise<void>,
  done: string,
) {
  return async (patientId: string, courseId: string, formData: FormData): Promise<FormState> => {
    if (argumentsAreMalformed({ ids: [patientId, courseId], formData })) return MALFORMED_REQUEST;
    const state = await runFormAction(async (user) => run(user, courseId, fields(formData)));
    if (state.error) return { ...state, values: echoValues(formData) };
    revalidatePath(`/patients/${patientId}/courses/${courseId}`);
    return { ok: true, message: done };
  };
}

const doseChange = courseAction((user, id, raw) => recordDoseChange(user, id, doseChangeSchema.parse(raw)), "Dose change recorded.");
const end = courseAction((user, id, raw) => endCourse(user, id, endCourseSchema.parse(raw)), "Course updated.");
const adverse = courseAction((user, id, raw) => recordAdverseEvent(user, id, adverseEventSchema.parse(raw)), "Side effect recorded.");
const baseline = courseAction((user, id, raw) => chooseBaseline(user, id, raw.assessmentId), "Baseline chosen.");

export async function doseChangeAction(patientId: string, courseId: string, _s: FormState, formData: FormData) {
  return doseChange(patientId, courseId, formData);
}
export async function endCourseAction(patientId: string, courseId: string, _s: FormState, formData: FormData) {
  return end(patientId, courseId, formData);
}
export async function adverseEventAction(patientId: string, courseId: string, _s: FormState, formData: FormData) {
  return adverse(patientId, courseId, formData);
}
export async function chooseBaselineAction(patientId: string, courseId: string, _s: FormState, formData: FormData) {
  return baseline(patientId, courseId, formData);
}
