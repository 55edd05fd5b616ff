import type { Metadata } from "next";
import { InvitationAnswerForm } from "@/components/invitations/invitation-answer-form";
import { listMyInvitations } from "@/lib/data/invitations";
import { requirePageUser } from "@/lib/data/session";
import { acceptInvitationAction, declineInvitationAction } from "./actions";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Invitations" };

const ANSWERED: Record<string, string> = {
  accepted: "Invitation accepted. Choose the team in the header to work in it.",
  declined: "Invitation declined.",
};

export default async function InvitationsPage({ searchParams }: { searchParams: Promise<{ answer?: string }> }) {
  const user = await requirePageUser();
  const invitations = await listMyInvitations(user);
  const answered = ANSWERED[(await searchParams).answer ?? ""];
  return (
    <>
      <h1>Invitations</h1>
      {answered && (
        <p role="status" className="notice">
          {answered}
        </p>
      )}
      {invitations.length === 0 ? (
        <p>You have no open invitations to join a team.</p>
      ) : (
        <TableScroll label="Open invitations">
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
        </TableScroll>
      )}
    </>
  );
}
