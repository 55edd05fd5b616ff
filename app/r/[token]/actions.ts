"use server";

import { argumentsAreMalformed, MALFORMED_REQUEST } from "@/lib/actions/action-arguments";
import type { FormState } from "@/lib/actions/form-state";
import { SelfReportRefusedError, submitSelfReport } from "@/lib/data/self-report-public";
import { ValidationError } from "@/lib/errors";
import { SELF_REPORT_REFUSAL } from "@/lib/self-report/refusal";

/**
 * The patient's submission, without an account: the token is the only credential. Every refusal is the
 * same plain sentence; answers that cannot be scored come back per question, and the link stays open.
 */
export async function submitSelfReportAction(token: string, _state: FormState, formData: FormData): Promise<FormState> {
  if (argumentsAreMalformed({ ids: [token], formData })) return MALFORMED_REQUEST;
  try {
    await submitSelfReport(token, (name) => formData.get(name));
    return { ok: true, message: "Thank you. Your answers have reached your clinic. You can close this page." };
  } catch (error) {
    if (error instanceof SelfReportRefusedError) return { error: SELF_REPORT_REFUSAL };
    if (error instanceof ValidationError)
      return { error: "Some answers need another look; nothing was sent yet.", fieldErrors: error.fieldErrors };
    console.error("Unexpected error in a self-report submission:", error instanceof Error ? error.name : typeof error);
    return { error: "Something went wrong; nothing was sent. Try again in a moment." };
  }
}
