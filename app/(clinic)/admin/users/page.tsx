import type { Metadata } from "next";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { MemberTable } from "@/components/admin/member-table";
import { listTeamMembers } from "@/lib/data/admin-users";
import { requirePageUser } from "@/lib/data/session";
import { changeRoleAction, createUserAction, resetPasswordAction, setActiveAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage() {
  const user = await requirePageUser("team:manage");
  const members = await listTeamMembers(user);
  return (
    <>
      <h1>Users of {user.team.name}</h1>
      <MemberTable
        members={members.map((member) => ({
          ...member,
          isYou: member.id === user.id,
          changeRole: changeRoleAction.bind(null, member.id),
          setActive: setActiveAction.bind(null, member.id, !member.active),
          resetPassword: resetPasswordAction.bind(null, member.id),
        }))}
      />
      <h2>Add a user</h2>
      <CreateUserForm action={createUserAction} />
    </>
  );
}
