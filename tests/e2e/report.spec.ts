import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS } from "../../db/seed/demo-accounts";
import { signInAs } from "./support/sign-in";

type EvidenceFile = { studies: { id: string; citation: string }[] };

/**
 * Text as a reader sees it: ligatures split (ﬁ → fi), every run of spaces, line and page breaks one
 * space, and no hyphens, because pdftotext joins a line ending in a hyphen to the next without it
 * ("2026-07-" / "29" reads "202607-29"). Applied to both sides of a comparison.
 */
function normalise(text: string): string {
  return text.normalize("NFKC").replaceAll("-", "").replace(/\s+/g, " ").trim();
}

function citationOf(studyId: string): string {
  const evidence = JSON.parse(readFileSync("db/seed/data/studies.json", "utf8")) as EvidenceFile;
  const study = evidence.studies.find((s) => s.id === studyId);
  if (!study) throw new Error(`study ${studyId} is not in db/seed/data/studies.json`);
  return study.citation;
}

async function printToText(page: Page, format: "A4" | "Letter", path: string): Promise<{ text: string; info: string }> {
  writeFileSync(path, await page.pdf({ format }));
  return {
    text: normalise(execFileSync("pdftotext", ["-enc", "UTF-8", path, "-"], { encoding: "utf8" })),
    info: execFileSync("pdfinfo", [path], { encoding: "utf8" }),
  };
}

test("a clinician prints a patient's report to PDF, on A4 and on Letter, with the latest score and every compared study's citation", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const clinician = DEMO_USERS.find((u) => u.email === "clinician@yardstick.demo")!;
  await signInAs(page, clinician.email);

  // YS-013 is a seeded patient on low-dose naltrexone for fibromyalgia, so the FINAL trial is among the comparisons.
  const found = await (await page.request.post("/api/patients/search", { data: { code: "YS-013" } })).json();
  const patient = found.rows[0] as { id: string; code: string };
  expect(patient.code).toBe("YS-013");

  // What the record page shows: the newest assessment (its table lists newest first) and the studies it is compared with.
  await page.goto(`/patients/${patient.id}`);
  const newest = page
    .getByRole("table", { name: /assessments$/ })
    .locator("tbody tr")
    .first()
    .locator("td");
  const cell = async (index: number) => ((await newest.nth(index).textContent()) ?? "").trim();
  const takenOn = await cell(0);
  const instrument = await cell(1);
  const [score, max] = (await cell(2)).split("/").map((part) => part.trim());
  const studyIds = await page
    .getByRole("region", { name: "Compared with the trials" })
    .locator('a[href^="/evidence/"]')
    .evaluateAll((links) => [...new Set(links.map((a) => (a.getAttribute("href") ?? "").replace("/evidence/", "")))]);
  expect(studyIds).toContain("bruun-2024-final");

  await page.getByRole("link", { name: "Printable report" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Patient report: ${patient.code}` })).toBeVisible();
  // The charts are drawn in the browser: print only once every one of them is on the page.
  const charts = page.locator("svg.recharts-surface");
  await expect(charts.first()).toBeVisible();
  await expect(page.locator(".recharts-line-curve").first()).toBeAttached();

  for (const format of ["A4", "Letter"] as const) {
    const { text, info } = await printToText(page, format, testInfo.outputPath(`report-${format}.pdf`));
    expect(info).toMatch(format === "A4" ? /Page size:.* pts \(A4\)/ : /Page size:.* pts \(letter\)/);
    expect(text).toContain(normalise(`Patient report: ${patient.code}`));
    expect(text).toContain(`Printed by ${clinician.displayName}`);
    expect(text).toContain(normalise(`Latest ${instrument}: ${score} of ${max} on ${takenOn}`));
    for (const id of studyIds) expect(text, `citation of ${id}`).toContain(normalise(citationOf(id)));
    // The navigation and buttons stay on screen.
    expect(text).not.toContain("Sign out");
  }
});
