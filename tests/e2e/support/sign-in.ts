import type { Page } from "@playwright/test";

/** The demo accounts' password (db/seed/demo-accounts.ts). */
export const DEMO_PASSWORD = "yardstick-demo-2026";

/** Signs in through the form as a demo account and waits for the worklist, the signed-in home page. */
export async function signInAs(page: Page, email = "clinician@yardstick.demo", password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/worklist$/);
}
