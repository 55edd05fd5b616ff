import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { writeAudit } from "@/lib/data/audit";
import { currentRequestIp } from "@/lib/data/request-context";
import { verifyCredentials } from "./credentials";
import { clearAccountFailures, isSignInLocked, recordSignInFailure } from "./sign-in-throttle";

/** Too many failed attempts for this account or address; said the same way whether or not the email exists. */
export class SignInLocked extends CredentialsSignin {
  code = "locked";
}

export const SESSION_IDLE_SECONDS = 30 * 60;
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  pages: { signIn: "/login" },
  // A JWT that is re-issued while in use: it expires after SESSION_IDLE_SECONDS without a request.
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS, updateAge: 60 },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      authorize: async (credentials) => {
        const db = await getDb();
        const email = typeof credentials?.email === "string" ? credentials.email : "";
        const ip = await currentRequestIp();
        if (await isSignInLocked(db, email, ip)) throw new SignInLocked();
        const user = await verifyCredentials(db, email, credentials?.password);
        if (!user) {
          await recordSignInFailure(db, email, ip);
          await writeAudit(db, null, "sign_in_refused", "session", null);
          return null;
        }
        await clearAccountFailures(db, email);
        await writeAudit(db, { id: user.id }, "sign_in", "session", user.id);
        return user;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.signedInAt = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    session({ session, token }) {
      return {
        ...session,
        user: { ...session.user, id: String(token.uid ?? "") },
        signedInAt: Number(token.signedInAt ?? 0),
      };
    },
  },
});
