import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in";

// The demo data (db/seed/worklist-demo.ts) puts one patient under each reason; the counts at the top
// must match the items listed under each reason, and an acknowledged item must leave the list.
const REASONS = [
  ["Follow-up overdue", "YS-W01"],
  ["No baseline", "YS-W02"],
  ["Past the trial's time point without meaningful improvement", "YS-W03"],
  ["Worsening", "YS-W04"],
  ["Severe adverse event", "YS-W05"],
  ["Titration behind plan", "YS-W06"],
] as const;

test("the worklist is the home page, counts each reason, and lists the items counted", async ({ page }) => {
  await signInAs(page);
  await expect(page.getByRole("heading", { name: "Worklist of Demo Pain Clinic", level: 1 })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const name of ["Worklist", "Patients", "Clinic", "Evidence"])
    await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();

  for (const [label, code] of REASONS) {
    await page.goto("/worklist");
    const countLink = page
      .getByRole("list", { name: "Items per reason" })
      .getByRole("link", { name: new RegExp(`^\\d+ ${label.replace(/[()']/g, ".")}$`) });
    const count = Number((await countLink.locator("strong").textContent()) ?? "NaN");
    expect(count).toBeGreaterThan(0);
    await countLink.click();
    await expect(page).toHaveURL(/\/worklist\?reason=/);
    await expect(page.locator("ul.worklist > li")).toHaveCount(count);
    await expect(page.getByRole("heading", { name: `${code} · ${label}` })).toBeVisible();
  }
});

test("a clinician acknowledges an item with a note, and it leaves the list", async ({ page }) => {
  await signInAs(page);
  await page.goto("/worklist?reason=severe_adverse_event");
  const card = page.locator("ul.worklist > li").filter({ has: page.getByRole("link", { name: "YS-W05", exact: true }) });
  await expect(card).toContainText("Severe adverse event on low-dose naltrexone: fainting");
  await card.locator("summary", { hasText: "Acknowledge" }).click();
  await card.getByLabel("Note").fill("Seen in clinic; dose held for a week.");
  await card.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByRole("status")).toContainText("Acknowledged.");
  await page.reload();
  await expect(page.getByRole("link", { name: "YS-W05", exact: true })).toHaveCount(0);
});
