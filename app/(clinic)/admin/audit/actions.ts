"use server";

import { revalidatePath } from "next/cache";
import { argumentsAreMalformed, MALFORMED_REQUEST } from "@/lib/actions/action-arguments";
import { runFormAction } from "@/lib/actions/form-action";
import type { FormState } from "@/lib/actions/form-state";
import { checkWholeChainNow } from "@/lib/data/audit-chain-state";

/** "Check the whole chain now" (admins): walks the audit chain, records the outcome, and says what it found. */
export async function checkAuditChainAction(_state: FormState, formData: FormData): Promise<FormState> {
  if (argumentsAreMalformed({ formData })) return MALFORMED_REQUEST;
  let ran = false;
  const state = await runFormAction(async (user) => {
    const check = await checkWholeChainNow(user);
    ran = check !== null;
    if (!check) return { error: "A full check is running already; its outcome shows here when it ends. Reload in a moment." };
    const links = `${check.rowsChecked.toLocaleString("en")} link${check.rowsChecked === 1 ? "" : "s"}`;
    if (check.broken) {
      return {
        error: `Checked: the audit trail has been altered. The first row that does not match is audit row ${check.broken.auditId ?? "unknown"}.`,
      };
    }
    return { ok: true, message: `Checked: intact, ${links} match their seal.` };
  });
  if (ran) revalidatePath("/admin/audit");
  return state;
}
