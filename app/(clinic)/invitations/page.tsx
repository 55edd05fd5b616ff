import type { Metadata } from "next";
import { InvitationAnswerForm } from "@/components/invitations/invitation-answer-form";
import { listMyInvitations } from "@/lib/data/invitations";
import { requirePageUser } from "@/lib/data/session";
import { acceptInvitationAction, declineInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Invitations" };

export default async function InvitationsPage() {
  const user = await requirePageUser();
  const invitations = await listMyInvitations(user);
  return (
    <>
      <h1>Invitations</h1>
      {invitations.length === 0 ? (
        <p>You have no open invitations to join a team.</p>
      ) : (
        <table>
          <caption>Teams that invited {user.email}</caption>
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col">Role</th>
              <th scope="col">Invited by</th>
              <th scope="col">Open until</th>
              <th scope="col">Answer</th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((invitation) => (
              <tr key={invitation.id}>
                <td>{invitation.teamName}</td>
                <td>{invitation.role}</td>
                <td>{invitation.invitedBy ?? "—"}</td>
                <td>{invitation.expiresAt.slice(0, 10)}</td>
                <td>
                  <InvitationAnswerForm
                    teamName={invitation.teamName}
                    accept={acceptInvitationAction.bind(null, invitation.id)}
                    decline={declineInvitationAction.bind(null, invitation.id)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
