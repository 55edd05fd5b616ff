import { existsSync, readFileSync } from "node:fs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ProgressView } from "@/components/progress/progress-view";
import { course, record, score } from "./fixtures";

// Server markup only: recharts 3 draws its svg after mounting in the browser, so these tests read
// the summary panel and the table, which are the chart's text equivalent.
function render(r: Parameters<typeof ProgressView>[0]["record"]): string {
  return renderToStaticMarkup(createElement(ProgressView, { record: r }));
}

const memantine = course({ id: "c-mem", drug: "memantine", startDate: "2025-01-10" });
const html = render(
  record(
    [memantine],
    [
      score("fiqr", "2025-01-03", 60),
      score("fiqr", "2025-03-10", 45),
      score("pain_nrs_0_10", "2025-01-03", 5),
      score("pain_nrs_0_10", "2025-03-10", 7),
    ],
  ),
);

describe("Progress view", () => {
  it("says so when there are no scores", () => {
    expect(render(record([memantine], []))).toBe('<p class="muted">No scores recorded yet.</p>');
  });

  it("has a section with a heading per instrument", () => {
    expect(html).toContain('<h3 id="progress-fiqr">FIQR</h3>');
    expect(html).toContain('<h3 id="progress-pain_nrs_0_10">Pain NRS</h3>');
  });

  it("shows an improvement with its category and source", () => {
    expect(html).toContain('<span class="trend-improving">Change from baseline: −15 points (−25%) — score fell: better</span>');
    expect(html).toMatch(/Meaningful improvement/);
    expect(html).toMatch(/Source: FIQ MCID \(Bennett/);
  });

  it("shows a worsening in words, as prominently as an improvement", () => {
    expect(html).toContain('<span class="trend-worsening">Change from baseline: +2 points (+40%) — score rose: worse</span>');
    expect(html).toMatch(/<p class="trend-worsening"><span aria-hidden="true">↑ <\/span>Worsened \(≥10% increase\)<\/p>/);
  });

  it("has a real table with a caption and the five columns", () => {
    expect(html).toContain("<caption>FIQR scores</caption>");
    for (const header of ["Date", "Score", "Change from baseline (points)", "Change from baseline (%)", "Note"]) {
      expect(html).toContain(`>${header}</th>`);
    }
    expect(html).toContain("<td>baseline</td>");
    expect(html).toContain("<td>memantine 20 mg/day started</td>");
    expect(html).toMatch(/−25%/);
  });
});

describe("Progress view, latest rows only (the patient page)", () => {
  const shortened = renderToStaticMarkup(
    createElement(ProgressView, {
      record: record([memantine], [score("fiqr", "2025-01-03", 60), score("fiqr", "2025-03-10", 45), score("fiqr", "2025-04-10", 42)]),
      latestRows: 2,
    }),
  );

  it("names the table by what it shows and keeps the newest rows", () => {
    expect(shortened).toContain("<caption>FIQR scores: latest 2 of 4 rows</caption>");
    expect(shortened).toContain("<td>2025-04-10</td>");
    expect(shortened).not.toContain("<td>2025-01-03</td>");
  });

  it("leaves out the Note column when none of the rows shown has a note, and says the baseline rule once", () => {
    // 4 rows: baseline (noted), the course start (noted), then two follow-ups without a note.
    expect(shortened).not.toContain(">Note</th>");
    expect(shortened.match(/<tr>/g)).toHaveLength(3); // the header row and the two rows shown
    expect(shortened.match(/on or before the course start date/g)).toHaveLength(1);
    // 60 → 42: −18 points, −30%.
    expect(shortened).toContain('<td>−18<span class="trend-improving"> (better)</span></td><td>−30%</td></tr>');
  });
});

describe("Progress view, IRLS: the response by points, the severity band beside it", () => {
  // Independent of the code under test: the threshold is read from the evidence file (9–11 points
  // matched "much improved"; the lower end is used) and the bands from the published table.
  const evidence = "/work/shared/evidence/instruments.json";
  const threshold = existsSync(evidence)
    ? Math.min(
        ...JSON.parse(readFileSync(evidence, "utf8"))
          .instruments.find((i: { id: string }) => i.id === "irls")
          .mcid.values_points.map(Math.abs),
      )
    : 9;
  const memantineForRls = course({ id: "c-rls", drug: "memantine", startDate: "2025-01-10", indication: "restless legs syndrome" });
  const irlsHtml = (baseline: number, latest: number) =>
    render(record([memantineForRls], [score("irls", "2025-01-03", baseline), score("irls", "2025-03-10", latest)]));

  it("10 → 11 crosses the mild/moderate edge: +1 point is no important change, severity mild → moderate", () => {
    const html = irlsHtml(10, 11);
    expect(11 - 10).toBeLessThan(threshold);
    expect(html).toContain("Change from baseline: +1 points (+10%) — score rose: worse");
    expect(html).toContain(
      `<p class="trend-stable"><span aria-hidden="true">→ </span>No important change (less than ${threshold} points either way)</p>`,
    );
    expect(html).toContain("Severity: mild → moderate");
    expect(html).not.toMatch(/Worsened/);
  });

  it("20 → 11 stays moderate: −9 points is a meaningful improvement (approximate), severity unchanged", () => {
    const html = irlsHtml(20, 11);
    expect(11 - 20).toBe(-threshold);
    expect(html).toContain("Change from baseline: −9 points (−45%) — score fell: better");
    expect(html).toMatch(
      /<p class="trend-improving"><span aria-hidden="true">↓ <\/span>Meaningful improvement \(fell 9 or more points; approximate threshold\)<\/p>/,
    );
    expect(html).toContain("Severity: moderate (same band)");
    expect(html).toMatch(/Source: Approximate MCID: a fall of 9–11 points .*authors and journal not verified/);
  });

  it("11 → 20: +9 points is worsening by the product's mirror rule, and says so", () => {
    const html = irlsHtml(11, 20);
    expect(html).toMatch(
      /<p class="trend-worsening"><span aria-hidden="true">↑ <\/span>Worsened \(rose 9 or more points; this product&#x27;s mirror of the improvement threshold\)<\/p>/,
    );
    expect(html).toContain("mirrored for worsening (product rule)");
  });
});
