import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/data/session";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage() {
  if (await getSessionUser()) redirect("/worklist");
  return (
    <main id="main" className="login-panel">
      <h1>Sign in to Yardstick</h1>
      <p className="muted">For clinical teams tracking off-label treatment trials.</p>
      <LoginForm />
    </main>
  );
}
