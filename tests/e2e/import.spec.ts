import { expect, type Page, test } from "@playwright/test";
import { signInAs } from "./support/sign-in";

const FIQR_KEYS = [
  ...Array.from({ length: 9 }, (_, i) => `function_${i + 1}`),
  "overall_1",
  "overall_2",
  ...Array.from({ length: 10 }, (_, i) => `symptoms_${i + 1}`),
];

async function upload(page: Page, name: string, text: string) {
  await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
  await page.getByRole("button", { name: "Import" }).click();
}

test("a clinician imports patients, a course, assessments and side effects, sees the progress and finds the records on the patient page", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const code = `IMP-${Date.now().toString(36).toUpperCase()}`;
  await signInAs(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: /^Import into/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Assessments (totals or item answers) template (CSV)" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Side effects template (CSV)" })).toHaveAttribute(
    "href",
    "/api/import/template/adverse_events",
  );

  await upload(page, "patients.csv", `code;birth_year;sex;conditions\r\n${code};1971;female;fibromyalgia\r\n`);
  const status = page.getByRole("region", { name: "Import status" });
  await expect(status).toContainText("Imported: 1 patients rows read, 1 added, 0 already present.");

  await upload(
    page,
    "courses.csv",
    `patient_code,drug,indication,target_dose,dose_unit,start_date,change_on,change_dose\r\n${code},memantine,fibromyalgia,20,mg/day,2025-01-06,2025-01-06,5\r\n${code},memantine,fibromyalgia,20,mg/day,2025-01-06,2025-01-20,10\r\n`,
  );
  await expect(status).toContainText("Imported: 2 courses rows read, 2 added");

  // Pain NRS as a total; a FIQR as item answers, every answer 5: 9×5/3 + 2×5 + 10×5/2 = 15 + 10 + 25 = 50.
  const header = [
    "patient_code",
    "instrument",
    "taken_on",
    "total",
    "course_drug",
    "course_start_date",
    ...FIQR_KEYS.map((k) => `fiqr_${k}`),
  ];
  const nrs = [code, "pain_nrs_0_10", "2025-01-06", "7", "", "", ...FIQR_KEYS.map(() => "")];
  const fiqr = [code, "fiqr", "2025-02-03", "", "memantine", "2025-01-06", ...FIQR_KEYS.map(() => "5")];
  // Every text the status region shows is recorded: the progress line comes and goes faster than a poll.
  await status.evaluate((region) => {
    const seen: string[] = [];
    (window as unknown as { statusSeen: string[] }).statusSeen = seen;
    new MutationObserver(() => seen.push(region.textContent ?? "")).observe(region, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  await upload(page, "assessments.csv", [header, nrs, fiqr].map((r) => r.join(",")).join("\r\n"));
  await expect(status).toContainText("Imported: 2 assessments rows read, 2 added");
  const seen = await page.evaluate(() => (window as unknown as { statusSeen: string[] }).statusSeen);
  expect(seen.some((text) => /^Checking/.test(text))).toBe(true);

  // The same file again adds nothing.
  await upload(page, "assessments.csv", [header, nrs, fiqr].map((r) => r.join(",")).join("\r\n"));
  await expect(status).toContainText("Imported: 2 assessments rows read, 0 added, 2 already present.");

  // Side effects of the course, the kind chosen on the page; a text starting with "=" is kept as text.
  const sideEffects = `patient_code,course_drug,course_start_date,occurred_on,event,severity,notes\r\n${code},memantine,2025-01-06,2025-01-21,dizziness,mild,'=after the step up\r\n`;
  await page.getByLabel("Kind").selectOption({ label: "Side effects" });
  await upload(page, "side-effects.csv", sideEffects);
  await expect(status).toContainText("Imported: 1 side effects rows read, 1 added, 0 already present.");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Patients" }).click();
  await page.getByLabel("Search by code").fill(code);
  await page.getByRole("link", { name: code }).click();
  await expect(page.getByRole("heading", { name: `Patient ${code}` })).toBeVisible();
  const table = page.getByRole("table", { name: "All assessments" });
  await expect(table.getByRole("row", { name: /2025-02-03 FIQR 50/ })).toBeVisible();
  await expect(table.getByRole("row", { name: /2025-01-06 Pain NRS 7/ })).toBeVisible();
  await expect(page.getByText("memantine").first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "2025-01-21: dizziness (mild)" })).toBeVisible();

  // The patient page's side-effects download is the file that was imported, in the same format.
  const link = page.getByRole("link", { name: "side effects", exact: true });
  const exported = await (await page.request.get((await link.getAttribute("href")) ?? "")).text();
  expect(exported).toBe(sideEffects);

  // The patient list offers the same download for the patients it finds.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Patients" }).click();
  await expect(page.getByRole("form", { name: "Download the patients found" }).getByRole("button", { name: "Side effects" })).toBeVisible();
});

test("a file with a bad row is refused whole, and the page lists the row with its column, value and reason", async ({ page }) => {
  await signInAs(page);
  await page.goto("/import");
  const code = `BAD-${Date.now().toString(36).toUpperCase()}`;
  await upload(page, "bad.csv", `code,birth_year,sex\r\n${code}-1,1975,female\r\n${code}-2,1875,female\r\n`);
  const status = page.getByRole("region", { name: "Import status" });
  await expect(status).toContainText("The file was refused and nothing was imported: 1 problem.");
  const report = page.getByRole("table");
  await expect(report.getByRole("row", { name: "3 birth_year 1875 Birth year must be 1900 or later." })).toBeVisible();
  const download = page.getByRole("link", { name: "Download the problem report (CSV)" });
  expect(decodeURIComponent((await download.getAttribute("href")) ?? "")).toContain("3,birth_year,1875,Birth year must be 1900 or later.");

  // Nothing of the file was imported: the good row's patient is not in the list.
  await page.goto("/patients");
  await page.getByLabel("Search by code").fill(code);
  await expect(page.getByText("0 patients")).toBeVisible();
});

test("a viewer has no Import link and the page is not found", async ({ page }) => {
  await signInAs(page, "viewer@yardstick.demo");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" })).toHaveCount(0);
  const response = await page.goto("/import");
  expect(response?.status()).toBe(404);
});
