import Link from "next/link";
import type { ReactNode } from "react";
import { signOut } from "@/lib/auth/config";
import { requirePageUser } from "@/lib/data/session";

async function signOutAction() {
  "use server";
  await signOut({ redirectTo: "/login" });
}

export default async function ClinicLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  return (
    <>
      <header className="app-header">
        <Link href="/patients" className="brand">
          Yardstick
        </Link>
        <nav aria-label="Main">
          <ul>
            <li>
              <Link href="/patients">Patients</Link>
            </li>
            <li>
              <Link href="/evidence">Evidence</Link>
            </li>
            {user.team.role === "admin" && (
              <li>
                <Link href="/admin/users">Admin</Link>
              </li>
            )}
          </ul>
        </nav>
        <div>
          <span>
            {user.displayName} · {user.team.name} ({user.team.role})
          </span>{" "}
          <form action={signOutAction} style={{ display: "inline" }}>
            <button type="submit" className="secondary">
              Sign out
            </button>
          </form>
        </div>
      </header>
      <main id="main">{children}</main>
    </>
  );
}
