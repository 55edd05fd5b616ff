import { describe, expect, it } from "vitest";
import { addDaysTo } from "@/lib/worklist/dates";
import { followUpOverdue } from "@/lib/worklist/follow-up-overdue";
import { noBaseline } from "@/lib/worklist/no-baseline";
import { pastTrialTimepoint } from "@/lib/worklist/past-trial-timepoint";
import { severeAdverseEvents } from "@/lib/worklist/severe-adverse-event";
import { titrationBehind, titrationDeadline, titrationPeriod } from "@/lib/worklist/titration-behind";
import type { WorklistContext, WorklistCourse, WorklistPatient } from "@/lib/worklist/types";
import { countsByReason, withoutAcknowledged, worklistItems } from "@/lib/worklist/worklist";
import { worsening } from "@/lib/worklist/worsening";
import { study } from "../comparison/helpers";

const START = "2026-01-01";
const day = (n: number) => addDaysTo(START, n);
const final = study("bruun-2024-final");
const olivan = study("olivan-blazquez-2014");

function course(overrides: Partial<WorklistCourse> = {}): WorklistCourse {
  return {
    id: "c1",
    drug: "low-dose naltrexone",
    indication: "fibromyalgia",
    targetDose: 4.5,
    doseUnit: "mg/day",
    startDate: START,
    endDate: null,
    status: "active",
    chosenBaselines: {},
    doses: [{ changedOn: START, dose: 4.5 }],
    adverseEvents: [],
    ...overrides,
  };
}

let scoreId = 0;
const nrs = (takenOn: string, totalScore: number) => ({ id: `s${++scoreId}`, instrumentId: "pain_nrs_0_10", takenOn, totalScore });

function patient(courses: WorklistCourse[], scores: WorklistPatient["scores"]): WorklistPatient {
  return { patientId: "p1", code: "YS-001", courses, scores };
}

const context = (today: string, followUpWeeks = 4): WorklistContext => ({ today, followUpWeeks, studies: [final, olivan] });

describe("follow-up overdue", () => {
  const scores = [nrs(day(-3), 7), nrs(day(14), 6)];
  it("counts an assessment exactly N weeks ago as in time; one day more is overdue, since that day", () => {
    expect(followUpOverdue(patient([course()], scores), context(day(14 + 28)))).toEqual([]);
    const [item] = followUpOverdue(patient([course()], scores), context(day(14 + 29)));
    expect(item).toMatchObject({ reason: "follow_up_overdue", since: day(14 + 29), courseId: "c1" });
    expect(item.words).toBe(`No assessment in the last 4 weeks on low-dose naltrexone (last assessment on ${day(14)}).`);
  });
  it("uses the team's N", () => {
    expect(followUpOverdue(patient([course()], scores), context(day(14 + 14), 2))).toEqual([]);
    expect(followUpOverdue(patient([course()], scores), context(day(14 + 15), 2))).toHaveLength(1);
  });
  it("starts the clock at the course start when the last assessment is older, and ignores ended courses", () => {
    const late = course({ startDate: day(100) });
    expect(followUpOverdue(patient([late], scores), context(day(128)))).toEqual([]);
    expect(followUpOverdue(patient([late], scores), context(day(129)))[0].since).toBe(day(129));
    const ended = course({ status: "completed", endDate: day(84) });
    expect(followUpOverdue(patient([ended], scores), context(day(300)))).toEqual([]);
  });
});

describe("no baseline", () => {
  it("flags an active course with no score on or before its start, since the start", () => {
    expect(noBaseline(patient([course()], [nrs(day(1), 7)]))).toMatchObject([{ reason: "no_baseline", since: START }]);
    expect(noBaseline(patient([course()], []))).toHaveLength(1);
  });
  it("accepts a score on the start day, or a chosen baseline", () => {
    expect(noBaseline(patient([course()], [nrs(START, 7)]))).toEqual([]);
    const later = nrs(day(2), 7);
    expect(noBaseline(patient([course({ chosenBaselines: { pain_nrs_0_10: later.id } })], [later]))).toEqual([]);
  });
});

describe("past the trial's time point without meaningful improvement (FINAL: pain NRS, week 12)", () => {
  it("flags week 12 exactly with a 20% reduction (below IMMPACT's 30%), naming the study", () => {
    const [item] = pastTrialTimepoint(patient([course()], [nrs(START, 10), nrs(day(84), 8)]), context(day(90)));
    expect(item).toMatchObject({ reason: "past_trial_timepoint", since: day(84), studyName: "the FINAL trial" });
    expect(item.words).toContain("Past week 12, the time point of the FINAL trial");
    expect(item.words).toContain("Review whether to continue.");
  });
  it("does not flag a follow-up one day before week 12, or a 30% reduction exactly (the threshold met)", () => {
    expect(pastTrialTimepoint(patient([course()], [nrs(START, 10), nrs(day(83), 8)]), context(day(90)))).toEqual([]);
    expect(pastTrialTimepoint(patient([course()], [nrs(START, 10), nrs(day(84), 7)]), context(day(90)))).toEqual([]);
  });
  it("does not apply FINAL to memantine or to another condition", () => {
    const scores = [nrs(START, 10), nrs(day(90), 10)];
    expect(pastTrialTimepoint(patient([course({ drug: "memantine" })], scores), context(day(95)))).toEqual([]);
    expect(pastTrialTimepoint(patient([course({ indication: "ME/CFS" })], scores), context(day(95)))).toEqual([]);
  });
});

describe("worsening", () => {
  it("flags a latest follow-up worsened by at least IMMPACT's 10% (mirrored: 6 to 7), and not an unchanged one", () => {
    const [item] = worsening(patient([course()], [nrs(START, 6), nrs(day(20), 7)]));
    expect(item).toMatchObject({ reason: "worsening", since: day(20) });
    expect(item.words).toContain("Pain NRS 7 from 6");
    expect(worsening(patient([course()], [nrs(START, 6), nrs(day(20), 6)]))).toEqual([]);
  });
  it("reads only the latest follow-up", () => {
    expect(worsening(patient([course()], [nrs(START, 5), nrs(day(20), 7), nrs(day(40), 3)]))).toEqual([]);
  });
});

describe("severe adverse event in the last 30 days", () => {
  const withEvent = (occurredOn: string, severity: "severe" | "moderate" = "severe") =>
    patient([course({ adverseEvents: [{ occurredOn, event: "syncope", severity }] })], []);
  it("includes day 30 and not day 31; only severe ones", () => {
    expect(severeAdverseEvents(withEvent(day(0)), context(day(30)))).toMatchObject([{ since: day(0), reason: "severe_adverse_event" }]);
    expect(severeAdverseEvents(withEvent(day(0)), context(day(31)))).toEqual([]);
    expect(severeAdverseEvents(withEvent(day(0), "moderate"), context(day(1)))).toEqual([]);
  });
});

describe("titration behind plan", () => {
  it("reads the period from the studies' dose text", () => {
    expect(final.dose).toBe("6 mg/day, titrated over the first 4 weeks");
    expect(titrationPeriod(final.dose)).toEqual({ amount: 4, unit: "week" });
    expect(olivan.dose).toBe("20 mg/day after 1 month of titration");
    expect(titrationPeriod(olivan.dose)).toEqual({ amount: 1, unit: "month" });
    expect(titrationPeriod("4.5 mg/day")).toBeNull();
  });
  it("ends one calendar month after the start for memantine (clamped to the month's end)", () => {
    expect(titrationDeadline("2026-01-31", { amount: 1, unit: "month" })).toBe("2026-02-28");
    expect(titrationDeadline(START, { amount: 4, unit: "week" })).toBe(day(28));
  });
  const memantine = (doses: WorklistCourse["doses"]) =>
    patient([course({ drug: "memantine", targetDose: 20, doses, indication: "fibromyalgia" })], []);
  it("flags memantine below its target the day after the month, not on the month's last day", () => {
    const stuck = memantine([
      { changedOn: START, dose: 5 },
      { changedOn: day(7), dose: 10 },
    ]);
    expect(titrationBehind(stuck, context("2026-02-01"))).toEqual([]);
    const [item] = titrationBehind(stuck, context("2026-02-02"));
    expect(item).toMatchObject({ reason: "titration_behind", since: "2026-02-02", studyName: "Olivan-Blázquez 2014" });
    expect(item.words).toContain("memantine at 10 mg/day, below the target 20 mg/day");
  });
  it("does not flag a course at its target", () => {
    expect(titrationBehind(memantine([{ changedOn: day(21), dose: 20 }]), context(day(60)))).toEqual([]);
  });
});

describe("combined worklist and acknowledgements", () => {
  const p = patient([course()], [nrs(START, 5), nrs(day(84), 6)]);
  const items = worklistItems([p], context(day(84 + 29)));
  it("lists each reason that applies, counted", () => {
    expect(items.map((i) => i.reason)).toEqual(["follow_up_overdue", "past_trial_timepoint", "worsening"]);
    expect(countsByReason(items)).toMatchObject({ follow_up_overdue: 1, past_trial_timepoint: 1, worsening: 1, no_baseline: 0 });
  });
  it("hides an acknowledged item until the patient's latest assessment changes", () => {
    const latestId = p.scores[1].id;
    const acks = [{ patientId: "p1", reason: "worsening" as const, latestAssessmentId: latestId }];
    expect(withoutAcknowledged(items, acks, () => latestId).map((i) => i.reason)).toEqual(["follow_up_overdue", "past_trial_timepoint"]);
    expect(withoutAcknowledged(items, acks, () => "a-newer-assessment")).toHaveLength(3);
  });
});
