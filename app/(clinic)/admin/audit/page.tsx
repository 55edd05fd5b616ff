import type { Metadata } from "next";
import { AuditChainStatus } from "@/components/admin/audit-chain-status";
import { AuditTrail } from "@/components/admin/audit-trail";
import { CheckChainForm } from "@/components/admin/check-chain-form";
import { listTeamMembers } from "@/lib/data/admin-users";
import { auditChainState } from "@/lib/data/audit-chain-state";
import { requirePageUser } from "@/lib/data/session";
import { checkAuditChainAction } from "./actions";

export const metadata: Metadata = { title: "Audit trail" };

export default async function AdminAuditPage() {
  const user = await requirePageUser("audit:read");
  const [members, chain] = await Promise.all([listTeamMembers(user), auditChainState(user)]);
  return (
    <>
      <h1>Audit trail of {user.team.name}</h1>
      <AuditChainStatus state={chain} checkNow={<CheckChainForm action={checkAuditChainAction} />} />
      <AuditTrail members={members.map((m) => ({ id: m.id, label: `${m.displayName} (${m.email})` }))} />
    </>
  );
}
