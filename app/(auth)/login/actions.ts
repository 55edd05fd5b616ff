"use server";

import { AuthError } from "next-auth";
import { argumentsAreMalformed, MALFORMED_REQUEST } from "@/lib/actions/action-arguments";
import { signIn } from "@/lib/auth/config";
import { LOCK_MINUTES } from "@/lib/auth/sign-in-throttle";

export type SignInState = { error?: string; email?: string };

// One message for every refusal, so the form never tells whether an email has an account.
const REFUSED = "Email or password is incorrect, or the account is not active.";

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  if (argumentsAreMalformed({ formData })) return { error: MALFORMED_REQUEST.error };
  const email = String(formData.get("email") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  if (!email || !password) return { error: "Enter your email and password.", email };
  try {
    await signIn("credentials", { email, password, redirectTo: "/worklist" });
    return {};
  } catch (error) {
    // A successful sign-in ends in a redirect, which Next.js carries as a thrown value.
    if (error instanceof AuthError) {
      const locked = (error as { code?: string }).code === "locked";
      return { error: locked ? `Too many sign-in attempts. Wait ${LOCK_MINUTES} minutes and try again.` : REFUSED, email };
    }
    throw error;
  }
}
