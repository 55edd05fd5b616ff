import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in";

test.describe("Sessions end on the server", () => {
  test("a copy of the session cookie taken before sign-out no longer opens the patient list", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, "viewer@yardstick.demo");
    const cookies = await context.cookies();
    expect(cookies.some((c) => c.name.includes("session-token"))).toBe(true);
    const copy = await browser.newContext();
    await copy.addCookies(cookies);
    const replay = await copy.newPage();
    // The copy works while the session is open...
    await replay.goto("/patients");
    await expect(replay.getByRole("heading", { name: "Patients of Demo Pain Clinic" })).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    // ...and not after its owner signed out, though the cookie itself has not expired.
    await replay.goto("/patients");
    await expect(replay).toHaveURL(/\/login$/);
    const api = await copy.request.post("/api/patients/search", { data: {} });
    expect(api.status()).toBe(401);
    await context.close();
    await copy.close();
  });
});

test.describe("A clinician invited to a second team chooses which team to work in", () => {
  test("invite, accept after signing in, switch teams in the header", async ({ browser }) => {
    const adminPage = await (await browser.newContext()).newPage();
    await signInAs(adminPage, "admin@yardstick.demo");
    await adminPage.goto("/admin/users");
    const form = adminPage.getByRole("form", { name: "Add a user" });
    await form.getByLabel("Email", { exact: true }).fill("clinician@northside.demo");
    await form.getByLabel("Name", { exact: true }).fill("Northside clinician");
    await form.getByLabel("Role", { exact: true }).selectOption("clinician");
    await form.getByLabel("First password").fill("plum-orchard-lantern-42");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(adminPage.getByText(/^Done for clinician@northside\.demo\./)).toBeVisible();
    // Not a member until they accept.
    await expect(adminPage.getByRole("cell", { name: "clinician@northside.demo" })).toHaveCount(0);

    const page = await (await browser.newContext()).newPage();
    await signInAs(page, "clinician@northside.demo");
    await expect(page.getByRole("heading", { name: "Worklist of Northside Sleep Clinic" })).toBeVisible();
    await page.getByRole("link", { name: "Invitations (1)" }).click();
    await page.getByRole("button", { name: "Accept the invitation to Demo Pain Clinic" }).click();
    await expect(page.getByRole("status")).toHaveText(/Invitation accepted/);
    await expect(page.getByText("You have no open invitations to join a team.")).toBeVisible();

    await page.goto("/patients");
    await page.getByRole("combobox", { name: "Active team" }).selectOption({ label: "Demo Pain Clinic (clinician)" });
    await page.getByRole("button", { name: "Switch team" }).click();
    await expect(page.getByRole("heading", { name: "Patients of Demo Pain Clinic" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Active team" }).locator("option:checked")).toHaveText("Demo Pain Clinic (clinician)");
    await expect(page.getByRole("link", { name: "YS-001" })).toBeVisible();
    await expect(page.getByRole("link", { name: /^NS-/ })).toHaveCount(0);

    await page.getByRole("combobox", { name: "Active team" }).selectOption({ label: "Northside Sleep Clinic (clinician)" });
    await page.getByRole("button", { name: "Switch team" }).click();
    await expect(page.getByRole("heading", { name: "Patients of Northside Sleep Clinic" })).toBeVisible();
    await expect(page.getByRole("link", { name: "YS-001" })).toHaveCount(0);
  });
});
