import { expect, test, type Locator, type Page } from "@playwright/test";
import { signInAs } from "./support/sign-in";

// The list once read "none" under Active treatment and Last assessment for every demo patient while
// every test passed. Here the browser reads the values in YS-001's row and checks them against the
// patient's own record page (its treatment courses and its assessments, read by another query).

async function signIn(page: Page) {
  await signInAs(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Patients" }).click();
  await expect(page.getByRole("heading", { name: "Patients of Demo Pain Clinic" })).toBeVisible();
}

async function columnTexts(table: Locator, column: number): Promise<string[]> {
  const rows = table.locator("tbody tr");
  const texts: string[] = [];
  for (let i = 0; i < (await rows.count()); i++) texts.push(((await rows.nth(i).locator("td").nth(column).textContent()) ?? "").trim());
  return texts;
}

test("YS-001's row shows its active drug and last assessment date, as its record says", async ({ page }) => {
  await signIn(page);
  const row = page.locator("tbody tr").filter({ has: page.getByRole("link", { name: "YS-001", exact: true }) });
  const cells = row.locator("td");
  const drugs = ((await cells.nth(2).textContent()) ?? "").trim();
  const lastAssessed = ((await cells.nth(3).textContent()) ?? "").trim();
  expect(drugs).toBe("memantine");
  expect(lastAssessed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await expect(cells.nth(4)).toContainText(/improving|stable|worsening/);

  await row.getByRole("link", { name: "YS-001" }).click();
  await expect(page.getByRole("heading", { name: "Patient YS-001" })).toBeVisible();
  const courses = page.getByRole("table", { name: "Treatment courses" });
  const courseDrugs = await columnTexts(courses, 0);
  const courseStatuses = await columnTexts(courses, 6);
  const activeDrugs = courseDrugs.filter((_, i) => courseStatuses[i].startsWith("active"));
  expect(activeDrugs.join(", ")).toBe(drugs);
  const assessmentDates = await columnTexts(page.getByRole("table", { name: /assessments$/ }), 0);
  expect(assessmentDates.length).toBeGreaterThan(1);
  expect([...assessmentDates].sort().at(-1)).toBe(lastAssessed);
});

test("sorting by last assessment orders the rows by the dates shown, both ways", async ({ page }) => {
  await signIn(page);
  const dates = async () => columnTexts(page.locator("table").first(), 3);
  const sortBy = async (value: string) => {
    const answered = page.waitForResponse((r) => r.url().endsWith("/api/patients/search") && r.ok());
    await page.getByLabel("Sort by").selectOption(value);
    await answered;
    await expect(page.getByText(/updating/)).toHaveCount(0);
  };

  await sortBy("last_assessment_desc");
  const newestFirst = await dates();
  expect(newestFirst.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
  expect(newestFirst).toEqual([...newestFirst].sort().reverse());

  await sortBy("last_assessment_asc");
  const oldestFirst = (await dates()).filter((d) => d !== "none");
  expect(oldestFirst.length).toBeGreaterThan(0);
  expect(oldestFirst).toEqual([...oldestFirst].sort());
  expect(oldestFirst[0] < newestFirst[0]).toBe(true);
});

test("next and previous page walk the list by cursor: every patient once, in code order", async ({ page }) => {
  await signIn(page);
  const total = Number(((await page.getByText(/^\d+ patients?$/).textContent()) ?? "").split(" ")[0]);
  const codes = async () => columnTexts(page.locator("table").first(), 0);
  const pager = page.getByRole("navigation", { name: "Pages" });
  const seen: string[] = [...(await codes())];
  const pages: string[][] = [[...seen]];
  while (await pager.getByRole("button", { name: "Next page" }).isEnabled()) {
    const answered = page.waitForResponse((r) => r.url().endsWith("/api/patients/search") && r.ok());
    await pager.getByRole("button", { name: "Next page" }).click();
    await answered;
    await expect(pager).toContainText(`Page ${pages.length + 1} of`);
    await expect(page.getByText(/updating/)).toHaveCount(0);
    pages.push(await codes());
    seen.push(...pages.at(-1)!);
  }
  expect(pages.length).toBeGreaterThan(1);
  expect(seen).toHaveLength(total);
  expect(new Set(seen).size).toBe(total);
  expect(seen).toEqual([...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  await pager.getByRole("button", { name: "Previous page" }).click();
  await expect(pager).toContainText(`Page ${pages.length - 1} of`);
  await expect.poll(codes).toEqual(pages.at(-2));
});
