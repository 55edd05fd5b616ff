import { expect, type Page } from "@playwright/test";

/**
 * On a patient page, creates a self-report link for the given questionnaires through the form and
 * returns its URL's path (shown once in the form's answer).
 */
export async function createLinkOnPatientPage(page: Page, instruments: string[] = ["Revised Fibromyalgia Impact Questionnaire (FIQR)"]) {
  const form = page.getByRole("form", { name: "Create a self-report link" });
  for (const box of await form.getByRole("checkbox").all()) await box.uncheck();
  for (const name of instruments) await form.getByRole("checkbox", { name }).check();
  await form.getByRole("button", { name: "Create link" }).click();
  const field = form.getByLabel(/Link for the patient/);
  await expect(field).toHaveValue(/^https?:\/\/[^/]+\/r\/[A-Za-z0-9_-]{43}$/);
  return new URL(await field.inputValue()).pathname;
}
