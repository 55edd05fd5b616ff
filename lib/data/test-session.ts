import "server-only";
// The one seam the integration tests use to call server actions as a given user: outside a Next.js
// request there are no cookies for next-auth to read. The user is still loaded from the (real) test
// database by getSessionUser, so deactivation and memberships apply as in the app. Only honoured
// under vitest (VITEST set and NODE_ENV "test"); `next build`/`next start` set NODE_ENV "production".
type SignedIn = { userId: string | null; teamId?: string };
let signedIn: SignedIn | undefined;

function underVitest(): boolean {
  return Boolean(process.env.VITEST) && process.env.NODE_ENV === "test";
}

/** Tests only: who is signed in for the following calls (null: nobody); undefined ends the override. */
export function signInForTests(who: SignedIn | undefined): void {
  if (!underVitest()) throw new Error("signInForTests is for the vitest integration tests only");
  signedIn = who;
}

/** The test's signed-in user, or undefined when no test has set one (always, in the app). */
export function testSessionOverride(): SignedIn | undefined {
  return underVitest() ? signedIn : undefined;
}
