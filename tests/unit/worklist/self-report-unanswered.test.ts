import { describe, expect, it } from "vitest";
import { selfReportUnanswered } from "@/lib/worklist/self-report-unanswered";
import type { WorklistPatient } from "@/lib/worklist/types";

const context = { today: "2026-11-20", followUpWeeks: 4, studies: [] };
const patient = (links: WorklistPatient["unansweredLinks"]): WorklistPatient => ({
  patientId: "p1",
  code: "YS-X",
  scores: [],
  courses: [
    {
      id: "c1",
      drug: "memantine",
      indication: "fibromyalgia",
      targetDose: 20,
      doseUnit: "mg/day",
      startDate: "2026-10-01",
      endDate: null,
      status: "active",
      chosenBaselines: {},
      doses: [],
      adverseEvents: [],
    },
  ],
  unansweredLinks: links,
});
const link = (extra: Partial<NonNullable<WorklistPatient["unansweredLinks"]>[number]>) => ({
  id: "l1",
  sentOn: "2026-11-15",
  expiresOn: "2026-11-22",
  status: "waiting" as const,
  instruments: ["fiqr", "pgic"],
  courseId: "c1",
  ...extra,
});

describe("Worklist: self-report link not answered", () => {
  it("lists a waiting link since the day it was sent, with its course", () => {
    expect(selfReportUnanswered(patient([link({})]), context)).toEqual([
      {
        patientId: "p1",
        code: "YS-X",
        courseId: "c1",
        drug: "memantine",
        reason: "self_report_unanswered",
        words: "Self-report link (FIQR, PGIC) sent on 2026-11-15, not answered yet; it works until 2026-11-22.",
        since: "2026-11-15",
      },
    ]);
  });

  it("keeps an expired link 14 days after its expiry, then drops it", () => {
    const expired = (expiresOn: string) => link({ status: "expired", sentOn: "2026-10-30", expiresOn, courseId: null });
    expect(selfReportUnanswered(patient([expired("2026-11-06")]), context)).toMatchObject([
      { courseId: null, drug: null, words: "Self-report link (FIQR, PGIC) sent on 2026-10-30 expired on 2026-11-06 without an answer." },
    ]);
    expect(selfReportUnanswered(patient([expired("2026-11-05")]), context)).toEqual([]);
  });

  it("lists nothing for a patient without links", () => {
    expect(selfReportUnanswered(patient(undefined), context)).toEqual([]);
  });
});
