import { describe, expect, it } from "vitest";
import { correctionsOf } from "@/lib/history/corrections";
import { describeCorrection } from "@/lib/history/describe-correction";
import { fieldChanges, trackedValues } from "@/lib/history/record-values";

describe("what a correction changed", () => {
  it("lists only the fields that differ, with old and new values, in the tracked order", () => {
    const before = trackedValues("assessment", { takenOn: "2026-06-01", courseId: null, totalScore: 6, itemResponses: null, version: 1 });
    const after = trackedValues("assessment", { takenOn: "2026-06-02", courseId: null, totalScore: 5, itemResponses: null, version: 2 });
    expect(fieldChanges("assessment", before, after)).toEqual([
      { field: "takenOn", old: "2026-06-01", new: "2026-06-02" },
      { field: "totalScore", old: 6, new: 5 },
    ]);
  });

  it("treats item answers in another key order as the same answers", () => {
    const a = trackedValues("assessment", { takenOn: "2026-06-01", courseId: null, totalScore: 4, itemResponses: { q1: 1, q2: 3 } });
    const b = trackedValues("assessment", { takenOn: "2026-06-01", courseId: null, totalScore: 4, itemResponses: { q2: 3, q1: 1 } });
    expect(fieldChanges("assessment", a, b)).toEqual([]);
  });

  it("keeps dates as ISO text, so an archive reads back as it was stored", () => {
    const values = trackedValues("patient", {
      code: "P",
      birthYear: 1970,
      sex: "female",
      conditions: [],
      notes: null,
      archivedAt: new Date("2026-01-02T03:04:05Z"),
    });
    expect(values.archivedAt).toBe("2026-01-02T03:04:05.000Z");
  });
});

describe("the corrections of a record", () => {
  const v = (totalScore: number) => trackedValues("assessment", { takenOn: "2026-06-01", courseId: null, totalScore, itemResponses: null });

  it("compares each kept version with the one that replaced it, newest first", () => {
    const kept = [
      { version: 2, values: v(5), changedAt: new Date("2026-06-03T10:00:00Z"), changedByName: "Dr B" },
      { version: 1, values: v(6), changedAt: new Date("2026-06-02T09:30:00Z"), changedByName: "Dr A" },
    ];
    const corrections = correctionsOf("assessment", kept, v(4));
    expect(corrections.map((c) => [c.version, c.changedByName, c.changes])).toEqual([
      [2, "Dr B", [{ field: "totalScore", old: 5, new: 4 }]],
      [1, "Dr A", [{ field: "totalScore", old: 6, new: 5 }]],
    ]);
    expect(describeCorrection("assessment", corrections[0])).toBe("corrected on 2026-06-03 10:00 UTC by Dr B, was score 5");
  });

  it("names a course by its label, item answers without listing them, and an archive in words", () => {
    const changedAt = "2026-06-03T10:00:00.000Z";
    expect(
      describeCorrection(
        "assessment",
        {
          version: 1,
          changedAt,
          changedByName: "Dr B",
          changes: [
            { field: "courseId", old: "c1", new: null },
            { field: "itemResponses", old: { q1: 1 }, new: { q1: 2 } },
          ],
        },
        { c1: "memantine from 2026-05-01" },
      ),
    ).toBe("corrected on 2026-06-03 10:00 UTC by Dr B, was course memantine from 2026-05-01; other item answers");
    expect(
      describeCorrection("patient", {
        version: 3,
        changedAt,
        changedByName: "Dr B",
        changes: [{ field: "archivedAt", old: null, new: changedAt }],
      }),
    ).toBe("corrected on 2026-06-03 10:00 UTC by Dr B, was not archived");
    expect(
      describeCorrection("patient", {
        version: 1,
        changedAt,
        changedByName: "Dr B",
        changes: [{ field: "notes", old: "sleeps badly", new: "" }],
      }),
    ).toBe("corrected on 2026-06-03 10:00 UTC by Dr B, was notes “sleeps badly”");
  });
});
