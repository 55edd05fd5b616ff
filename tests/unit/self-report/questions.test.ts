import { describe, expect, it } from "vitest";
import { SELF_REPORT_INSTRUMENTS } from "@/lib/domain/self-report";
import { getInstrument } from "@/lib/instruments";
import { answersByInstrument, selfReportQuestionnaires } from "@/lib/self-report/questions";

describe("The questions a patient answers from a link", () => {
  it("ask every item of FIQR (21) and IRLS (10), and one question for pain NRS and PGIC, in the instrument's ranges", () => {
    const [fiqr, nrs, irls, pgic] = selfReportQuestionnaires(SELF_REPORT_INSTRUMENTS);
    expect(fiqr.questions.map((q) => q.key)).toEqual(getInstrument("fiqr")!.items.map((i) => i.key));
    expect(irls.questions.map((q) => q.key)).toEqual(getInstrument("irls")!.items.map((i) => i.key));
    expect(nrs.questions).toMatchObject([{ name: "pain_nrs_0_10.total", min: 0, max: 10 }]);
    expect(pgic.questions).toMatchObject([{ name: "pgic.total", min: 1, max: 7 }]);
    expect(pgic.questions[0].optionLabels).toHaveLength(7);
    expect(fiqr.questions.every((q) => q.min === 0 && q.max === 10)).toBe(true);
  });

  it("read the form's answers into each scorer's shape, and the scorer gives the published total", () => {
    const form: Record<string, string> = { "pain_nrs_0_10.total": "6" };
    for (const q of selfReportQuestionnaires(["fiqr"])[0].questions) form[q.name] = q.key.startsWith("function") ? "3" : "4";
    const answers = answersByInstrument(["fiqr", "pain_nrs_0_10"], (name) => form[name]);
    // function 9×3/3 = 9, overall 2×4 = 8, symptoms 10×4/2 = 20: 37
    expect(getInstrument("fiqr")!.score(answers.fiqr)).toMatchObject({ ok: true, total: 37 });
    expect(getInstrument("pain_nrs_0_10")!.score(answers.pain_nrs_0_10)).toMatchObject({ ok: true, total: 6 });
  });
});
