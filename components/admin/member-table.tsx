import { ActiveForm, ResetPasswordForm, RoleForm } from "./member-forms";
import type { MemberRow } from "./types";
import { TableScroll } from "@/components/ui/table-scroll";

/** The team's members, each with the admin's controls for their role, account and password. */
export function MemberTable({ members }: { members: MemberRow[] }) {
  return (
    <TableScroll label="Members of this team">
      <table>
        <caption>Members of this team</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Account</th>
            <th scope="col">Password</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                {m.displayName}
                {m.isYou && <span className="muted"> (you)</span>}
              </th>
              <td>{m.email}</td>
              <td>
                <RoleForm action={m.changeRole} memberId={m.id} memberName={m.displayName} role={m.role} />
              </td>
              <td>
                {m.active ? "Active" : <strong>Deactivated</strong>}
                {!m.isYou && <ActiveForm action={m.setActive} memberName={m.displayName} active={m.active} />}
              </td>
              <td>
                <ResetPasswordForm action={m.resetPassword} memberId={m.id} memberName={m.displayName} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
