import Link from "next/link";
import type { ReactNode } from "react";
import { TeamQueryScope } from "@/components/teams/team-query-scope";
import { TeamSwitcher } from "@/components/teams/team-switcher";
import { can } from "@/lib/auth/can";
import { signOut } from "@/lib/auth/config";
import { listMyInvitations } from "@/lib/data/invitations";
import { requirePageUser } from "@/lib/data/session";
import { switchTeamAction } from "./team-actions";

async function signOutAction() {
  "use server";
  // Auth.js's signOut event revokes the server-side session (lib/auth/config.ts).
  await signOut({ redirectTo: "/login" });
}

export default async function ClinicLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  const invitations = await listMyInvitations(user);
  return (
    <>
      <header className="app-header">
        <Link href="/worklist" className="brand">
          Yardstick
        </Link>
        <nav aria-label="Main">
          <ul>
            <li>
              <Link href="/worklist">Worklist</Link>
            </li>
            <li>
              <Link href="/patients">Patients</Link>
            </li>
            <li>
              <Link href="/clinic">Clinic</Link>
            </li>
            <li>
              <Link href="/evidence">Evidence</Link>
            </li>
            {can(user, "patient:write") && (
              <li>
                <Link href="/import">Import</Link>
              </li>
            )}
            {can(user, "team:manage") && (
              <li>
                <Link href="/admin/users">Admin</Link>
              </li>
            )}
            {invitations.length > 0 && (
              <li>
                <Link href="/invitations">Invitations ({invitations.length})</Link>
              </li>
            )}
          </ul>
        </nav>
        <div>
          <span>{user.displayName} · </span>
          {user.teams.length > 1 ? (
            <TeamSwitcher teams={user.teams} activeTeamId={user.team.id} action={switchTeamAction} />
          ) : (
            <span>
              {user.team.name} ({user.team.role})
            </span>
          )}{" "}
          <form action={signOutAction} style={{ display: "inline" }}>
            <button type="submit" className="secondary">
              Sign out
            </button>
          </form>
        </div>
      </header>
      <main id="main">
        <TeamQueryScope key={user.team.id}>{children}</TeamQueryScope>
      </main>
    </>
  );
}
