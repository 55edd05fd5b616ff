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
