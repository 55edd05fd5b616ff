import { expect, test } from "@playwright/test";

const CLINICIAN = { email: "clinician@yardstick.demo", password: "yardstick-demo-2026" };

test.describe("A clinician reads the published evidence", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(CLINICIAN.email);
    await page.getByLabel("Password").fill(CLINICIAN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: /^Patients of / })).toBeVisible();
  });

  test("opens the FINAL trial from the evidence library and sees its figures and DOI", async ({ page }) => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Evidence" }).click();
    await expect(page.getByRole("heading", { name: "Evidence library" })).toBeVisible();
    await expect(page).toHaveTitle(/Evidence library/);
    const table = page.getByRole("table");
    await expect(table.getByRole("columnheader", { name: "Verification" })).toBeVisible();

    await table.getByRole("link", { name: "FINAL trial" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "FINAL trial" })).toBeVisible();
    await expect(page).toHaveTitle(/FINAL trial/);
    const armResults = page.getByRole("table", { name: /Results by arm: Pain intensity/ });
    await expect(armResults.getByRole("cell", { name: /^[−-]1\.3$/ })).toBeVisible();
    await expect(armResults.getByRole("cell", { name: "-1.7 to -0.8" })).toBeVisible();
    const doi = page.getByRole("link", { name: "10.1016/S2665-9913(23)00278-3" });
    await expect(doi).toBeVisible();
    await expect(doi).toHaveAttribute("href", "https://doi.org/10.1016/S2665-9913(23)00278-3");
    await expect(page.getByText("LDN was not superior to placebo for pain.")).toBeVisible();
  });

  test("shows the memantine restless-legs claims as unverified, with no numbers for the claim", async ({ page }) => {
    await page.goto("/evidence");
    await page.getByRole("link", { name: "memantine-rls-claims" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "memantine-rls-claims" })).toBeVisible();
    await expect(page.getByText("Unverified", { exact: true }).first()).toBeVisible();
    const claim = page.getByRole("listitem").filter({ hasText: "RLS symptoms and sleep quality" });
    await expect(claim).toContainText("unverified claim");
    await expect(claim).toContainText("significant reduction vs placebo");
    await expect(claim).not.toContainText(/\d/);
  });

  test("an unknown study is not found", async ({ page }) => {
    const response = await page.goto("/evidence/no-such-study");
    expect(response?.status()).toBe(404);
  });
});
