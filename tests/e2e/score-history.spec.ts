import { expect, type Locator, test } from "@playwright/test";
import { signInAs } from "./support/sign-in";

// The patient page shows each patient's latest scores and leaves the full history to the score history
// page (issue 12: the full tables were most of the page's HTML). Both are checked against the patient's
// assessments CSV, which another query writes: the latest rows shown, and every row one link away.

async function rowTexts(table: Locator, columns: number[]): Promise<string[][]> {
  const rows = table.locator("tbody tr");
  const texts: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const cells = rows.nth(i).locator("td");
    texts.push(await Promise.all(columns.map(async (c) => ((await cells.nth(c).textContent()) ?? "").trim())));
  }
  return texts;
}

/** "43.67 / 100" → "43.67": the score as a number with two decimals, as the CSV's exact figure rounds. */
const score = (text: string) => Number(text.split("/")[0].trim()).toFixed(2);

test("the patient page shows the latest 10 assessments and the history page all of them, as the record says", async ({ page }) => {
  await signInAs(page);
  const found = await (await page.request.post("/api/patients/search", { data: { code: "YS-001" } })).json();
  const patient = found.rows.find((r: { code: string }) => r.code === "YS-001") as { id: string };
  const csv = await (await page.request.get(`/api/patients/${patient.id}/export?kind=assessments`)).text();
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  const columns = header.split(",");
  const records = lines.map((line) => line.split(","));
  const at = (name: string) => columns.indexOf(name);
  // Newest first, as the tables list them: date, then score (the CSV has no entry time to break ties).
  const expected = records
    .map((r) => [r[at("taken_on")], Number(r[at("total")]).toFixed(2)])
    .sort((a, b) => b[0].localeCompare(a[0]) || a[1].localeCompare(b[1]));
  expect(expected.length).toBeGreaterThan(10);

  await page.goto(`/patients/${patient.id}`);
  const latest = page.getByRole("table", { name: `Latest 10 of ${expected.length} assessments` });
  const shown = (await rowTexts(latest, [0, 2])).map(([date, total]) => [date, score(total)]);
  expect(shown).toHaveLength(10);
  const byDateThenScore = (a: string[], b: string[]) => b[0].localeCompare(a[0]) || a[1].localeCompare(b[1]);
  expect([...shown].sort(byDateThenScore)).toEqual(expected.slice(0, 10));

  // Each instrument's table shows its latest rows; its newest score is the newest of that instrument.
  const fiqr = page.getByRole("table", { name: /^FIQR scores: latest 5 of \d+ rows$/ });
  await expect(fiqr.locator("tbody tr")).toHaveCount(5);

  // The full history, by keyboard.
  await page.getByRole("link", { name: "Full score history" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Score history of patient YS-001" })).toBeVisible();
  const all = (await rowTexts(page.getByRole("table", { name: "All assessments" }), [0, 2])).map(([date, total]) => [date, score(total)]);
  expect([...all].sort(byDateThenScore)).toEqual(expected);
  // The full FIQR table ends with the same rows the patient page showed.
  const fullFiqr = page.getByRole("table", { name: "FIQR scores", exact: true });
  const fullRows = await rowTexts(fullFiqr, [0, 1]);
  expect(fullRows.length).toBeGreaterThan(5);
  await page.goBack();
  expect(await rowTexts(fiqr, [0, 1])).toEqual(fullRows.slice(-5));
});
