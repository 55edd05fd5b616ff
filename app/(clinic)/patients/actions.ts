"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { argumentsAreMalformed, MALFORMED_REQUEST } from "@/lib/actions/action-arguments";
import { echoValues, runFormAction } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import { createPatient, setPatientArchived, updatePatient } from "@/lib/data/patient-writes";
import { patientSchema, versionSchema } from "@/lib/validation/patient";

function patientFields(formData: FormData) {
  const other = String(formData.get("otherConditions") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return patientSchema.parse({
    code: formData.get("code") ?? "",
    birthYear: formData.get("birthYear") ?? "",
    sex: formData.get("sex") ?? "",
    conditions: [...formData.getAll("conditions").map(String), ...other],
    notes: String(formData.get("notes") ?? ""),
  });
}

export async function createPatientAction(_state: FormState, formData: FormData): Promise<FormState> {
  if (argumentsAreMalformed({ formData })) return MALFORMED_REQUEST;
  let id: string | undefined;
  const state = await runFormAction(async (user) => {
    id = (await createPatient(user, patientFields(formData))).id;
  });
  if (!state.error && id) redirect(`/patients/${id}`);
  return { ...state, values: echoValues(formData) };
}

export async function updatePatientAction(patientId: string, _state: FormState, formData: FormData): Promise<FormState> {
  if (argumentsAreMalformed({ ids: [patientId], formData })) return MALFORMED_REQUEST;
  const state = await runFormAction(async (user) => {
    await updatePatient(user, patientId, versionSchema.parse(formData.get("version")), patientFields(formData));
  });
  if (!state.error) {
    revalidatePath(`/patients/${patientId}`);
    redirect(`/patients/${patientId}`);
  }
  return { ...state, values: echoValues(formData) };
}

export async function archivePatientAction(patientId: string, _state: FormState, formData: FormData): Promise<FormState> {
  if (argumentsAreMalformed({ ids: [patientId], formData })) return MALFORMED_REQUEST;
  const archive = formData.get("archive") === "true";
  const state = await runFormAction(async (user) => {
    await setPatientArchived(user, patientId, versionSchema.parse(formData.get("version")), archive);
  });
  if (!state.error) redirect(archive ? "/patients" : `/patients/${patientId}`);
  return state;
}
