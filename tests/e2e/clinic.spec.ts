import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in";

// The server holds its embedded database, so the page's summary figures are checked against the
// per-patient table it prints (worked out again here, with this file's own Wilson formula) and
// against the demo cohort's known scores (db/seed/clinic-cohort.ts). The SQL itself is checked
// against an independent computation in tests/integration/clinic-caseload.test.ts.

const Z = 1.959963984540054;
function wilson(successes: number, trials: number): [number, number] {
  const p = successes / trials;
  const denominator = 1 + (Z * Z) / trials;
  const centre = (p + (Z * Z) / (2 * trials)) / denominator;
  const half = (Z / denominator) * Math.sqrt((p * (1 - p)) / trials + (Z * Z) / (4 * trials * trials));
  return [successes === 0 ? 0 : centre - half, successes === trials ? 1 : centre + half];
}
const asPercent = (x: number) => `${Number((x * 100).toFixed(1))}%`;

test.describe("Caseload against the trials", () => {
  test.beforeEach(async ({ page }) => signInAs(page));

  test("the FINAL panel's counts, responder rate and Wilson CI agree with the table beneath the chart", async ({ page }) => {
    await page.goto("/clinic");
    await expect(page.getByRole("heading", { level: 1, name: /caseload against the trials/ })).toBeVisible();
    const panel = page.getByRole("region", { name: /beside the FINAL trial/ });
    await expect(panel).toBeVisible();
    await expect(panel.getByRole("img", { name: /^Waterfall of \d+ patients/ })).toBeVisible();

    const table = panel.getByRole("table", { name: /Patients with a follow-up at or after week 12/ });
    const rows = await table
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("th, td")].map((cell) => cell.textContent?.trim() ?? "")));
    // The demo cohort's first patient: NRS 7 before the start, 4 at day 86 (week 12.3).
    expect(rows.find((r) => r[0] === "YS-K01")).toEqual(["YS-K01", "7", "4 (week 12.3)", "-3", "42.9%", "yes", "no"]);
    expect(rows.find((r) => r[0] === "YS-K10")?.slice(4, 6)).toEqual(["30%", "no"]);
    expect(rows.find((r) => r[0] === "YS-K11")?.[6]).toBe("sex not enrolled");

    const figure = (name: string) => panel.locator(`[data-figure="${name}"]`);
    await expect(figure("with-follow-up")).toHaveText(String(rows.length));
    const compared = rows.filter((r) => r[6] === "no");
    await expect(figure("outside")).toHaveText(String(rows.length - compared.length));
    const judged = compared.filter((r) => r[5] === "yes" || r[5] === "no");
    const responders = judged.filter((r) => r[5] === "yes").length;
    await expect(figure("responders")).toHaveText(`${responders} of ${judged.length}`);
    await expect(figure("responder-rate")).toHaveText(asPercent(responders / judged.length));
    const [low, high] = wilson(responders, judged.length);
    await expect(figure("responder-ci")).toHaveText(`${asPercent(low)} to ${asPercent(high)} (Wilson)`);
    const changes = compared.map((r) => Number(r[3]));
    const mean = changes.reduce((a, b) => a + b, 0) / changes.length;
    await expect(figure("mean-change")).toHaveText(String(Number(mean.toFixed(2))));

    // The trial's published arms beside them, from the evidence file.
    await expect(panel.getByRole("cell", { name: "45%" })).toBeVisible();
    await expect(panel.getByRole("cell", { name: "28%" })).toBeVisible();
    await expect(panel.getByRole("cell", { name: "-1.7 to -0.8" })).toBeVisible();
    await expect(panel.getByText(/uncontrolled clinic cohort, not a trial arm/)).toBeVisible();
  });

  test("filters live in the URL: a memantine view has no FINAL panel", async ({ page }) => {
    await page.goto("/clinic?drug=memantine");
    await expect(page.getByRole("heading", { level: 1, name: /caseload against the trials/ })).toBeVisible();
    await expect(page.getByRole("region", { name: /beside the FINAL trial/ })).toHaveCount(0);
  });
});
