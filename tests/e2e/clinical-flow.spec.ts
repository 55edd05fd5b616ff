import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support/sign-in";

function daysAgo(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

async function fillFiqr(page: Page, value: string) {
  const inputs = page.locator('input[name^="item."]');
  await expect(inputs).toHaveCount(21);
  for (let i = 0; i < 21; i++) await inputs.nth(i).fill(value);
}

test("a clinician adds a patient, starts memantine, enters a baseline and a follow-up FIQR, and reads the change", async ({ page }) => {
  test.setTimeout(120_000);
  const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
  await signInAs(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Patients" }).click();

  await page.getByRole("link", { name: "Add patient" }).click();
  await page.getByLabel("Patient code").fill(code);
  await page.getByLabel("Birth year").fill("1972");
  await page.getByLabel("Sex").selectOption("female");
  await page.getByLabel("fibromyalgia").check();
  await page.getByRole("button", { name: "Add patient" }).click();
  await expect(page.getByRole("heading", { name: `Patient ${code}` })).toBeVisible();

  // Baseline FIQR, item by item, with one out-of-range answer first.
  await page.getByRole("link", { name: "Record an assessment" }).click();
  await page.getByLabel("Instrument").selectOption("fiqr");
  await page.getByLabel("Date taken").fill(daysAgo(30));
  await fillFiqr(page, "6");
  // function 9×6/3 = 18, overall 2×6 = 12, symptoms 10×6/2 = 30: 60
  await expect(page.getByRole("status")).toContainText("FIQR score: 60 of 100");
  await page.locator('input[name="item.function_3"]').fill("11");
  await page.getByRole("button", { name: "Save assessment" }).click();
  await expect(page.locator(".field-error").first()).toContainText("0 to 10");
  await page.locator('input[name="item.function_3"]').fill("6");
  await page.getByRole("button", { name: "Save assessment" }).click();
  await expect(page.getByRole("heading", { name: `Patient ${code}` })).toBeVisible();

  await page.getByRole("link", { name: "Start a treatment course" }).click();
  await page.getByLabel("Drug", { exact: true }).selectOption("memantine");
  await page.getByLabel("Target dose").fill("20");
  await page.getByLabel("Starting dose (optional, if titrating)").fill("5");
  await page.getByLabel("Start date").fill(daysAgo(28));
  await page.getByRole("button", { name: "Start course" }).click();
  await expect(page.getByRole("heading", { name: "memantine for fibromyalgia" })).toBeVisible();
  await page.getByRole("link", { name: `← Patient ${code}` }).click();

  await page.getByRole("link", { name: "Record an assessment" }).click();
  await page.getByLabel("Instrument").selectOption("fiqr");
  await page.getByLabel("Date taken").fill(daysAgo(0));
  await page.getByLabel("During treatment course").selectOption({ index: 1 });
  await fillFiqr(page, "3");
  await expect(page.getByRole("status")).toContainText("FIQR score: 30 of 100");
  await page.getByRole("button", { name: "Save assessment" }).click();
  await expect(page.getByRole("heading", { name: `Patient ${code}` })).toBeVisible();

  // 60 → 30: −30 points, −50%.
  const table = page.getByRole("table", { name: "FIQR scores" });
  const followUp = table.getByRole("row").filter({ hasText: daysAgo(0) });
  await expect(followUp).toContainText("−30");
  await expect(followUp).toContainText("−50");
  await expect(page.getByText(/Change from baseline: −30 points \(−50%\)/)).toBeVisible();

  // Correct the follow-up (every answer 4, not 3): the 30 it replaces stays on the record.
  await page.getByRole("link", { name: `Correct FIQR of ${daysAgo(0)}` }).click();
  await fillFiqr(page, "4");
  // function 9×4/3 = 12, overall 2×4 = 8, symptoms 10×4/2 = 20: 40
  await expect(page.getByRole("status")).toContainText("FIQR score: 40 of 100");
  await page.getByRole("button", { name: "Save correction" }).click();
  await expect(page.getByRole("heading", { name: `Patient ${code}` })).toBeVisible();
  const corrected = page
    .getByRole("table", { name: "All assessments" })
    .getByRole("row")
    .filter({ hasText: daysAgo(0) });
  await expect(corrected).toContainText("40");
  await expect(corrected).toContainText(
    /corrected on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC by Dr Dana Clinician, was score 30; other item answers/,
  );
  // 60 → 40: −20 points.
  await expect(page.getByText(/Change from baseline: −20 points/)).toBeVisible();
});
