import { alignAssessments, calendarDay, weeksSince } from "@/lib/comparison/align";
import { describe, expect, it } from "vitest";
import { dayAfterStart, START } from "./helpers";

describe("weeksSince", () => {
  it("is calendar days / 7, not rounded", () => {
    expect(weeksSince(START, dayAfterStart(84))).toBe(12);
    expect(weeksSince(START, dayAfterStart(10))).toBe(10 / 7);
    expect(weeksSince(START, dayAfterStart(-3))).toBe(-3 / 7);
  });
  it("uses the written date of an ISO date-time, whatever its offset", () => {
    expect(weeksSince(START, "2024-01-15T23:30:00-05:00")).toBe(2);
  });
  it("is null for a date that does not exist", () => {
    expect(weeksSince(START, "2024-02-30")).toBeNull();
    expect(calendarDay("15/01/2024")).toBeNull();
  });
});

describe("alignAssessments", () => {
  const assessments = [
    { takenAt: dayAfterStart(56), total: 6 },
    { takenAt: dayAfterStart(-10), total: 9 },
    { takenAt: START, total: 8 },
    { takenAt: dayAfterStart(84), total: 5 },
  ];

  it("takes the last assessment on or before the start date as baseline", () => {
    const aligned = alignAssessments(START, assessments);
    if (!aligned.ok) throw new Error(aligned.problem);
    expect(aligned.baseline).toEqual({ takenAt: START, total: 8, weeksSinceStart: 0 });
    expect(aligned.followUps.map((a) => a.total)).toEqual([6, 5]);
    expect(aligned.latest).toEqual({ takenAt: dayAfterStart(84), total: 5, weeksSinceStart: 12 });
  });

  it("uses an explicit baseline instead", () => {
    const aligned = alignAssessments(START, assessments, { takenAt: dayAfterStart(-10), total: 9 });
    if (!aligned.ok) throw new Error(aligned.problem);
    expect(aligned.baseline?.total).toBe(9);
    expect(aligned.followUps.map((a) => a.total)).toEqual([6, 5]);
  });

  it("counts follow-ups only after an explicit baseline taken after the start", () => {
    const aligned = alignAssessments(START, assessments, { takenAt: dayAfterStart(56), total: 6 });
    if (!aligned.ok) throw new Error(aligned.problem);
    expect(aligned.followUps.map((a) => a.total)).toEqual([5]);
  });

  it("has no baseline when every assessment is after the start", () => {
    const aligned = alignAssessments(START, [{ takenAt: dayAfterStart(7), total: 5 }]);
    expect(aligned).toMatchObject({ ok: true, baseline: null, latest: { total: 5 } });
  });

  it("has no follow-up when every assessment is on or before the start", () => {
    const aligned = alignAssessments(START, [{ takenAt: START, total: 5 }]);
    expect(aligned).toMatchObject({ ok: true, followUps: [], latest: null });
  });

  it("reports an unreadable date or score", () => {
    expect(alignAssessments("2024-13-01", [])).toMatchObject({ ok: false });
    expect(alignAssessments(START, [{ takenAt: "yesterday", total: 5 }])).toMatchObject({ ok: false });
    expect(alignAssessments(START, [{ takenAt: START, total: Number.NaN }])).toMatchObject({ ok: false });
  });
});
