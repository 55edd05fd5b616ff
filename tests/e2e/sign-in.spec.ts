import { expect, test } from "@playwright/test";

const CLINICIAN = { email: "clinician@yardstick.demo", password: "yardstick-demo-2026" };

test.describe("A clinician signs in and reads a patient's record", () => {
  test("signed-out visitors are sent to the sign-in page", async ({ page }) => {
    await page.goto("/patients");
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("heading", { name: "Sign in to Yardstick" })).toBeVisible();
  });

  test("a wrong password is refused with a message that does not say whether the email exists", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(CLINICIAN.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#sign-in-error")).toHaveText("Email or password is incorrect, or the account is not active.");
    await expect(page).toHaveURL(/\/login$/);
  });

  test("sign in, search the list, open a patient, sign out", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(CLINICIAN.email);
    await page.getByLabel("Password").fill(CLINICIAN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // The worklist is the signed-in home page; the patient list is one link away.
    await expect(page.getByRole("heading", { name: "Worklist of Demo Pain Clinic" })).toBeVisible();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Patients" }).click();
    await expect(page.getByRole("heading", { name: "Patients of Demo Pain Clinic" })).toBeVisible();
    await expect(page.getByText(/^\d+ patients/)).toBeVisible();
    await expect(page.getByRole("link", { name: "YS-001" })).toBeVisible();
    // The other team's patients (NS-...) never appear.
    await expect(page.getByRole("link", { name: /^NS-/ })).toHaveCount(0);

    await page.getByLabel("Search by code").fill("YS-007");
    await expect(page.getByText("1 patient", { exact: true })).toBeVisible();
    await page.getByRole("link", { name: "YS-007" }).click();
    await expect(page.getByRole("heading", { name: "Patient YS-007" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Treatment courses" })).toBeVisible();
    await expect(page.getByRole("link", { name: "memantine" }).first()).toBeVisible();
    expect(page.url()).not.toContain("YS-007");

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/patients");
    await expect(page).toHaveURL(/\/login$/);
  });
});
