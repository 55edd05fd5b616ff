import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AssessmentTable } from "@/components/patients/assessment-table";
import { score } from "../progress/fixtures";

const corrections = [
  { version: 2, changedAt: "2026-06-03T10:00:00.000Z", changedByName: "Dr B", changes: [{ field: "totalScore", old: 5, new: 4 }] },
  { version: 1, changedAt: "2026-06-02T09:30:00.000Z", changedByName: "Dr A", changes: [{ field: "totalScore", old: 6, new: 5 }] },
];

function text(html: string): string {
  return html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
}

describe("A corrected assessment in the patient's table", () => {
  const html = renderToStaticMarkup(
    createElement(AssessmentTable, { assessments: [score("pain_nrs_0_10", "2026-06-01", 4, { corrections })] }),
  );

  it("shows the current score and the latest correction with the score it replaced", () => {
    expect(text(html)).toContain("2026-06-01 Pain NRS 4");
    expect(text(html)).toContain("corrected on 2026-06-03 10:00 UTC by Dr B, was score 5");
  });

  it("keeps the earlier corrections behind a disclosure, so all three scores can be read", () => {
    expect(html).toMatch(
      /<details><summary>1 earlier correction<\/summary><ol reversed=""><li>corrected on 2026-06-02 09:30 UTC by Dr A, was score 6<\/li><\/ol><\/details>/,
    );
  });

  it("shows nothing extra for an assessment never corrected", () => {
    const plain = renderToStaticMarkup(createElement(AssessmentTable, { assessments: [score("pain_nrs_0_10", "2026-06-01", 4)] }));
    expect(plain).not.toMatch(/corrected/);
  });
});
