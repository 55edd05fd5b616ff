import "server-only";
import { auditLog } from "@/db/schema";
import type { FieldChange } from "@/lib/history/tracked-fields";
import type { Database } from "@/db/client";
import type { SessionUser } from "./session-user";
import { currentRequestIp } from "./request-context";

export type AuditAction =
  | "read"
  | "create"
  | "update"
  | "delete"
  | "archive"
  | "export"
  | "import"
  | "sign_in"
  | "sign_in_refused"
  | "sign_in_locked"
  | "sign_out"
  | "switch_team"
  | "invite"
  | "accept"
  | "decline"
  | "acknowledge"
  | "import"
  | "revoke"
  | "submit"
  | "send"
  | "check";

/**
 * Writes one audit row; call it with the transaction that makes the change, so both land or neither.
 * `changes` lists what an update changed (field, old, new); it stays in the database.
 */
export async function writeAudit(
  db: Pick<Database, "insert">,
  user: { id: string; team?: Pick<SessionUser["team"], "id"> } | null,
  action: AuditAction,
  recordType: string,
  recordId: string | null,
  teamId?: string,
  changes?: FieldChange[],
): Promise<void> {
  await db.insert(auditLog).values({
    userId: user?.id ?? null,
    teamId: teamId ?? user?.team?.id ?? null,
    action,
    recordType,
    recordId,
    ip: await currentRequestIp(),
    changes: changes ?? null,
  });
}
