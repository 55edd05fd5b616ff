import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in";

// The app seals its audit trail in the background (AUDIT_SEAL_INTERVAL_MS, default 5 s): an admin sees
// the rows their own visits wrote become sealed, and the check intact. The values themselves are
// compared with independent queries in tests/integration/audit-chain.test.ts.
test("the admin audit page shows the trail sealed by the running app, and intact", async ({ page }) => {
  await signInAs(page, "admin@yardstick.demo");
  await page.goto("/admin/audit");
  const check = page.getByRole("region", { name: "Tamper check" });
  await expect(check.getByTestId("audit-chain-verdict")).toHaveText(/^Intact: every sealed row \(\d[\d,]* rows?\) matches its seal\.$/);

  // The sign-in and this visit wrote audit rows; reload until the sealer has chained them.
  await expect(async () => {
    await page.reload();
    await expect(check.getByTestId("audit-chain-sealed")).toHaveText(/^audit row \d+, sealed \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
  }).toPass({ timeout: 30_000 });
  await expect(check.getByTestId("audit-chain-pending")).toHaveText(/^\d+ rows?$/);
  await expect(check.getByTestId("audit-chain-verdict")).toContainText("Intact");
});
