import { expect, test } from "@playwright/test";
import { SELF_REPORT_REFUSAL } from "../../lib/self-report/refusal";
import { signInAs } from "./support/sign-in";
import { createLinkOnPatientPage } from "./support/self-report";

// FIQR answered by hand: function items all 5 → 9×5/3 = 15; overall 7 and 8 → 15; symptoms 0…9 → 45/2 = 22.5.
// Total 15 + 15 + 22.5 = 52.5 (Bennett et al. 2009 scoring, worked independently of lib/instruments).
const ANSWERS = [...Array(9).fill(5), 7, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
const EXPECTED_TOTAL = "52.5";

test("a patient answers the FIQR from a link on a phone, the clinician sees the self-reported score, and the link then refuses", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const phone = { viewport: { width: 390, height: 844 } };
  const clinicianContext = await browser.newContext(phone);
  const clinician = await clinicianContext.newPage();
  const code = `SR-${Date.now().toString(36).toUpperCase()}`;
  await signInAs(clinician);
  await clinician.goto("/patients/new");
  await clinician.getByLabel("Patient code").fill(code);
  await clinician.getByLabel("Birth year").fill("1971");
  await clinician.getByLabel("Sex").selectOption("female");
  await clinician.getByLabel("fibromyalgia").check();
  await clinician.getByRole("button", { name: "Add patient" }).click();
  await expect(clinician.getByRole("heading", { name: `Patient ${code}` })).toBeVisible();
  const patientUrl = clinician.url();

  const path = await createLinkOnPatientPage(clinician);
  await expect(clinician.getByRole("table", { name: "Self-report links" }).getByRole("row").nth(1)).toContainText("waiting");

  // A fresh context: no cookies, no session, a phone's width.
  const patientContext = await browser.newContext(phone);
  expect(await patientContext.cookies()).toEqual([]);
  const patient = await patientContext.newPage();
  const response = await patient.goto(path);
  expect(response?.status()).toBe(200);
  await expect(patient.getByRole("heading", { name: "Questionnaire", level: 1 })).toBeVisible();
  // Nothing about the patient anywhere in the document (its scripts and data included), no app navigation.
  expect(await patient.content()).not.toContain(code);
  expect(await patient.locator("body").textContent()).not.toMatch(/Sign in|Worklist|Sign out/);

  const started = Date.now();
  for (const [index, value] of ANSWERS.entries()) {
    await expect(patient.getByRole("heading", { level: 2 })).toHaveText(`Fibromyalgia questionnaire (FIQR): question ${index + 1} of 21`);
    await patient.getByRole("radio", { name: String(value), exact: true }).check();
    await patient.getByRole("button", { name: index === ANSWERS.length - 1 ? "Review" : "Next" }).click();
  }
  console.log(`figures: 21 FIQR questions answered in ${Date.now() - started} ms`);
  // The review step: nothing is sent until the patient presses "Send answers".
  await expect(patient.getByRole("heading", { name: "Check and send" })).toBeVisible();
  await expect(patient.getByRole("button", { name: "Send answers" })).toBeVisible();
  await expect(patient.getByRole("status")).toHaveText(`FIQR score so far: ${EXPECTED_TOTAL} of 100 (21 of 21 answered).`);
  const width = await patient.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await patient.getByRole("button", { name: "Send answers" }).click();
  await expect(patient.getByRole("status")).toContainText("Thank you");

  await clinician.goto(patientUrl);
  const row = clinician.getByRole("table", { name: "All assessments" }).getByRole("row").filter({ hasText: "self-reported" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("FIQR");
  await expect(row.getByRole("cell").nth(2)).toHaveText(`${EXPECTED_TOTAL} / 100`);
  await expect(clinician.getByRole("table", { name: "Self-report links" }).getByRole("row").nth(1)).toContainText("answered");

  // The same link again, and a forged one: the same plain refusal with the same status.
  const again = await patient.goto(path);
  expect(again?.status()).toBe(404);
  await expect(patient.getByText(SELF_REPORT_REFUSAL)).toBeVisible();
  const againText = await patient.locator("main").textContent();
  const forged = await patient.goto(`/r/${"x".repeat(43)}`);
  expect(forged?.status()).toBe(404);
  expect(await patient.locator("main").textContent()).toBe(againText);

  await patientContext.close();
  await clinicianContext.close();
});
