import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in";

function daysAgo(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

const CLINICIAN = { email: "clinician@yardstick.demo", password: "yardstick-demo-2026" };

test.describe("A clinician reads the published evidence", () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, CLINICIAN.email, CLINICIAN.password);
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

  test("labels the probably-identified pilot wherever it is named, and shows no evidence level from an unverified study's own text", async ({
    page,
  }) => {
    await page.goto("/evidence");
    const table = page.getByRole("table");
    await expect(table.getByRole("row").filter({ hasText: "fayed-2014" }).getByRole("cell", { name: "not verified" })).toBeVisible();
    await expect(table).not.toContainText("25 patients");
    const pilotRow = table.getByRole("row").filter({ hasText: "memantine-fm-open-pilot" });
    await expect(pilotRow).toContainText("Fayed 2019 (identification probable)");
    await pilotRow.getByRole("link", { name: "Fayed 2019" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Fayed 2019 (identification probable)" })).toBeVisible();
    await expect(page).toHaveTitle(/Fayed 2019 \(identification probable\)/);
  });

  test("a man of 75 or 76 with baseline pain NRS 3 on LDN is told plainly that FINAL enrolled people unlike him, with no responder verdict", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const code = `E2E-ELIG-${Date.now().toString(36).toUpperCase()}`;
    const birthYear = new Date(daysAgo(84)).getUTCFullYear() - 76;
    await page.goto("/patients");
    await page.getByRole("link", { name: "Add patient" }).click();
    await page.getByLabel("Patient code").fill(code);
    await page.getByLabel("Birth year").fill(String(birthYear));
    await page.getByLabel("Sex").selectOption("male");
    await page.getByLabel("fibromyalgia").check();
    await page.getByRole("button", { name: "Add patient" }).click();
    await expect(page.getByRole("heading", { name: `Patient ${code}` })).toBeVisible();

    await page.getByRole("link", { name: "Record an assessment" }).click();
    await page.getByLabel("Instrument").selectOption("pain_nrs_0_10");
    await page.getByLabel("Date taken").fill(daysAgo(84));
    await page.getByLabel(/^Pain NRS/).fill("3");
    await page.getByRole("button", { name: "Save assessment" }).click();
    await expect(page.getByRole("heading", { name: `Patient ${code}` })).toBeVisible();

    await page.getByRole("link", { name: "Start a treatment course" }).click();
    await page.getByLabel("Drug", { exact: true }).selectOption("low-dose naltrexone");
    await page.getByLabel("Target dose").fill("4.5");
    await page.getByLabel("Start date").fill(daysAgo(84));
    await page.getByRole("button", { name: "Start course" }).click();
    await expect(page.getByRole("heading", { name: "low-dose naltrexone for fibromyalgia" })).toBeVisible();
    await page.getByRole("link", { name: `← Patient ${code}` }).click();

    await page.getByRole("link", { name: "Record an assessment" }).click();
    await page.getByLabel("Instrument").selectOption("pain_nrs_0_10");
    await page.getByLabel("Date taken").fill(daysAgo(0));
    await page.getByLabel("During treatment course").selectOption({ index: 1 });
    await page.getByLabel(/^Pain NRS/).fill("1");
    await page.getByRole("button", { name: "Save assessment" }).click();
    await expect(page.getByRole("heading", { name: `Patient ${code}` })).toBeVisible();

    const final = page.getByRole("article").filter({ has: page.getByRole("heading", { name: "FINAL trial" }) });
    const applicability = final.getByRole("group", { name: "Does the FINAL trial apply to this patient?" });
    await expect(applicability).toContainText("This patient falls outside who the FINAL trial enrolled");
    await expect(applicability).toContainText("The FINAL trial enrolled only women; this patient is recorded as male.");
    await expect(applicability).toContainText("The FINAL trial enrolled ages 18–64; this patient was 75 or 76 at the course start");
    await expect(applicability).toContainText(
      "The FINAL trial enrolled only patients with a baseline pain NRS of at least 4/10; this patient's baseline was 3.",
    );
    // 3 -> 1 is a 67% fall, a responder by FINAL's >30% rule if it applied; below the trial's minimum it does not.
    await expect(final).toContainText("Not applicable: the patient's baseline is below the FINAL trial's minimum");
    await expect(final).not.toContainText(/is a responder|is not a responder/);
  });

  test("an unknown study is not found", async ({ page }) => {
    const response = await page.goto("/evidence/no-such-study");
    expect(response?.status()).toBe(404);
  });
});
