import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { writeAudit } from "@/lib/data/audit";
import { currentRequestIp } from "@/lib/data/request-context";
import { revokeSession } from "@/lib/data/sessions";
import { signInWithPassword } from "@/lib/data/sign-in";
import { SESSION_IDLE_SECONDS } from "./session-limits";

/** Too many failed attempts for this account or address; said the same way whether or not the email exists. */
class SignInLocked extends CredentialsSignin {
  code = "locked";
}

// The cookie is a JWT that carries only the server-side session's id and its user's id; whether the
// session is still open (not signed out, not idle, not too old) is decided from the sessions table
// on every request (lib/data/sessions.ts).
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  pages: { signIn: "/login" },
  logger: {
    // A refused sign-in is an expected answer, already in the audit trail: not an error with a stack
    // trace in the server log. Other errors are logged by name and message only, never their details.
    error(error) {
      const type = (error as { type?: string }).type ?? error.name;
      if (type === "CredentialsSignin") return;
      console.error(`[auth][error] ${type}: ${error.message}`);
    },
  },
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS, updateAge: 60 },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      authorize: async (credentials) => {
        const result = await signInWithPassword({
          email: credentials?.email,
          password: credentials?.password,
          ip: await currentRequestIp(),
        });
        if (result.outcome === "locked") throw new SignInLocked();
        if (result.outcome === "refused") return null;
        return { id: result.userId, email: result.email, name: result.displayName, sessionId: result.sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // At sign-in, keep only the ids (no name or email in the cookie); later calls pass the token on.
      if (user?.id) return { uid: user.id, sid: (user as { sessionId?: string }).sessionId };
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: String(token.uid ?? "") }, sessionId: String(token.sid ?? "") };
    },
  },
  events: {
    // Sign-out ends the server-side session, so a copy of the cookie is refused afterwards.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.sid !== "string" || typeof token.uid !== "string") return;
      const db = await getDb();
      await db.transaction(async (tx) => {
        const revoked = await revokeSession(tx, token.sid as string);
        if (revoked) await writeAudit(tx, { id: token.uid as string }, "sign_out", "session", null, revoked.activeTeamId ?? undefined);
      });
    },
  },
});
