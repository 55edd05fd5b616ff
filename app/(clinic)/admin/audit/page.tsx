import type { Metadata } from "next";
import { AuditTrail } from "@/components/admin/audit-trail";
import { listTeamMembers } from "@/lib/data/admin-users";
import { requirePageUser } from "@/lib/data/session";

export const metadata: Metadata = { title: "Audit trail" };

export default async function AdminAuditPage() {
  const user = await requirePageUser("audit:read");
  const members = await listTeamMembers(user);
  return (
    <>
      <h1>Audit trail of {user.team.name}</h1>
      <AuditTrail members={members.map((m) => ({ id: m.id, label: `${m.displayName} (${m.email})` }))} />
    </>
  );
}
