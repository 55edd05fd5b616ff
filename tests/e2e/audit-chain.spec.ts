import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in";

// The app seals its audit trail in the background (AUDIT_SEAL_INTERVAL_MS, default 5 s): an admin sees
// the rows their own visits wrote become sealed. The page reports the last recorded full check and
// checks only the links sealed since; the button walks the whole chain and records the outcome. The
// values themselves are compared with independent queries in tests/integration/audit-chain-checks.test.ts.
test("the admin audit page shows the trail sealed by the running app, and the button checks the whole chain", async ({ page }) => {
  await signInAs(page, "admin@yardstick.demo");
  await page.goto("/admin/audit");
  const check = page.getByRole("region", { name: "Tamper check" });
  await expect(check.getByTestId("audit-chain-verdict")).toHaveText(
    /^(Intact at the last full check|Not checked in full yet|Nothing sealed yet)/,
  );

  // The sign-in and this visit wrote audit rows; reload until the sealer has chained them.
  await expect(async () => {
    await page.reload();
    await expect(check.getByTestId("audit-chain-sealed")).toHaveText(
      /^audit row \d+ \(chain link [\d,]+\), sealed \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/,
    );
  }).toPass({ timeout: 30_000 });
  await expect(check.getByTestId("audit-chain-pending")).toHaveText(/^[\d,]+ rows?$/);

  // The server's own first check runs 5 s after start; should the click meet it still walking, the
  // button says a check is running already, and pressing again gets this visit's own check.
  await expect(async () => {
    await check.getByRole("button", { name: "Check the whole chain now" }).click();
    await expect(check.getByRole("status")).toHaveText(/^Checked: intact, [\d,]+ links? match their seal\.$/, { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  await expect(check.getByTestId("audit-chain-last-check")).toHaveText(
    /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC, [\d,]+ rows? matched, intact through chain link [\d,]+; by an admin in [\d,]+ ms$/,
  );
  await expect(check.getByTestId("audit-chain-verdict")).toHaveText(
    /^Intact at the last full check \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\): every sealed row then \([\d,]+ rows?\) matched its seal\.$/,
  );
  await expect(check.getByTestId("audit-chain-since")).toHaveText(
    /^(none|[\d,]+ links?, all checked on this visit: they match their seal)$/,
  );
});
