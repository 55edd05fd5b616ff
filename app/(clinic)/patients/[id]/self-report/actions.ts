"use server";

import { revalidatePath } from "next/cache";
import { argumentsAreMalformed, MALFORMED_REQUEST } from "@/lib/actions/action-arguments";
import { echoValues, runFormAction } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import { createSelfReportLink, endSelfReportSchedule, reissueSelfReportLink, revokeSelfReportLink } from "@/lib/data/self-report-links";
import { readCreateLinkForm } from "@/lib/validation/self-report";

/** A form's answer that also carries a new link's token: shown once, never stored in the browser's URL. */
export type LinkFormState = FormState & { link?: { token: string; expiresAt: string; email: "sent" | "not_asked" | "failed" } };

export async function createSelfReportLinkAction(patientId: string, _state: LinkFormState, formData: FormData): Promise<LinkFormState> {
  if (argumentsAreMalformed({ ids: [patientId], formData })) return MALFORMED_REQUEST;
  let link: LinkFormState["link"];
  const state = await runFormAction(async (user) => {
    const created = await createSelfReportLink(user, patientId, readCreateLinkForm(formData));
    link = { token: created.token, expiresAt: created.expiresAt.toISOString(), email: created.email };
  });
  if (state.error) return { ...state, values: echoValues(formData) };
  revalidatePath(`/patients/${patientId}`);
  return { ok: true, link };
}

export async function revokeSelfReportLinkAction(patientId: string, linkId: string, _state: FormState): Promise<FormState> {
  if (argumentsAreMalformed({ ids: [patientId, linkId] })) return MALFORMED_REQUEST;
  const state = await runFormAction((user) => revokeSelfReportLink(user, linkId));
  if (!state.error) revalidatePath(`/patients/${patientId}`);
  return state.error ? state : { ok: true, message: "Link revoked." };
}

export async function reissueSelfReportLinkAction(patientId: string, linkId: string, _state: LinkFormState): Promise<LinkFormState> {
  if (argumentsAreMalformed({ ids: [patientId, linkId] })) return MALFORMED_REQUEST;
  let link: LinkFormState["link"];
  const state = await runFormAction(async (user) => {
    const { token } = await reissueSelfReportLink(user, linkId);
    link = { token, expiresAt: "", email: "not_asked" };
  });
  return state.error ? state : { ok: true, link };
}

export async function endSelfReportScheduleAction(patientId: string, scheduleId: string, _state: FormState): Promise<FormState> {
  if (argumentsAreMalformed({ ids: [patientId, scheduleId] })) return MALFORMED_REQUEST;
  const state = await runFormAction((user) => endSelfReportSchedule(user, scheduleId));
  if (!state.error) revalidatePath(`/patients/${patientId}`);
  return state.error ? state : { ok: true, message: "Schedule stopped." };
}
