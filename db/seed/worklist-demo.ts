import type { Database } from "@/db/client";
import { adverseEvents, assessments, doseChanges, patients, treatmentCourses } from "@/db/schema";
import type { WorklistReason } from "@/lib/domain/worklist-reasons";
import { addDays } from "./dates";

// One synthetic patient per worklist reason, dated from "today", so a fresh start shows every reason.
// Scores are invented pain NRS values (whole numbers 0-10) for the demo only, never evidence.

type Demo = {
  reason: WorklistReason;
  code: string;
  drug: string;
  indication: string;
  targetDose: number;
  /** Days before today. */
  startedDaysAgo: number;
  /** [days after the start, dose] */
  doses: [number, number][];
  /** [days before today, pain NRS] */
  scores: [number, number][];
  severeEvent?: { daysAgo: number; event: string };
};

const DEMOS: Demo[] = [
  // Last assessment 60 days ago: no assessment in the last 4 weeks.
  {
    reason: "follow_up_overdue",
    code: "W01",
    drug: "low-dose naltrexone",
    indication: "fibromyalgia",
    targetDose: 4.5,
    startedDaysAgo: 120,
    doses: [[0, 4.5]],
    scores: [
      [123, 6],
      [100, 4],
      [60, 3],
    ],
  },
  // Only a score after the start.
  {
    reason: "no_baseline",
    code: "W02",
    drug: "memantine",
    indication: "fibromyalgia",
    targetDose: 20,
    startedDaysAgo: 20,
    doses: [
      [0, 5],
      [7, 10],
      [14, 15],
    ],
    scores: [[6, 6]],
  },
  // Week 12.9 of LDN for fibromyalgia (FINAL's time point is week 12) with no change in pain.
  {
    reason: "past_trial_timepoint",
    code: "W03",
    drug: "low-dose naltrexone",
    indication: "fibromyalgia",
    targetDose: 4.5,
    startedDaysAgo: 100,
    doses: [[0, 4.5]],
    scores: [
      [103, 6],
      [70, 6],
      [10, 6],
    ],
  },
  // Pain NRS 5 → 7 at the latest assessment.
  {
    reason: "worsening",
    code: "W04",
    drug: "memantine",
    indication: "neuropathic pain",
    targetDose: 20,
    startedDaysAgo: 60,
    doses: [
      [0, 5],
      [7, 10],
      [14, 15],
      [21, 20],
    ],
    scores: [
      [63, 5],
      [30, 5],
      [5, 7],
    ],
  },
  {
    reason: "severe_adverse_event",
    code: "W05",
    drug: "low-dose naltrexone",
    indication: "ME/CFS",
    targetDose: 4.5,
    startedDaysAgo: 50,
    doses: [[0, 4.5]],
    scores: [
      [53, 6],
      [7, 4],
    ],
    severeEvent: { daysAgo: 10, event: "fainting" },
  },
  // Memantine held at 10 mg/day eight weeks in, below the course's 20 mg/day target.
  {
    reason: "titration_behind",
    code: "W06",
    drug: "memantine",
    indication: "fibromyalgia",
    targetDose: 20,
    startedDaysAgo: 56,
    doses: [
      [0, 5],
      [7, 10],
    ],
    scores: [
      [59, 6],
      [7, 6],
    ],
  },
];

/** Adds the worklist's demo patients to one team; a patient whose code exists already is left as it is. */
export async function seedWorklistDemo(
  tx: Pick<Database, "insert">,
  team: { id: string; patientPrefix: string },
  enteredBy: string,
  today: string,
): Promise<number> {
  let created = 0;
  for (const demo of DEMOS) {
    const [patient] = await tx
      .insert(patients)
      .values({
        teamId: team.id,
        code: `${team.patientPrefix}-${demo.code}`,
        birthYear: 1970,
        sex: "female",
        conditions: [demo.indication],
        notes: `Demo patient for the worklist reason "${demo.reason}".`,
      })
      .onConflictDoNothing()
      .returning({ id: patients.id });
    if (!patient) continue;
    created++;
    const startDate = addDays(today, -demo.startedDaysAgo);
    const [course] = await tx
      .insert(treatmentCourses)
      .values({
        patientId: patient.id,
        drug: demo.drug,
        indication: demo.indication,
        targetDose: demo.targetDose,
        doseUnit: "mg/day",
        startDate,
      })
      .returning({ id: treatmentCourses.id });
    await tx
      .insert(doseChanges)
      .values(demo.doses.map(([day, dose]) => ({ courseId: course.id, changedOn: addDays(startDate, day), dose, doseUnit: "mg/day" })));
    await tx.insert(assessments).values(
      demo.scores.map(([daysAgo, total]) => {
        const takenOn = addDays(today, -daysAgo);
        return {
          patientId: patient.id,
          courseId: takenOn > startDate ? course.id : null,
          instrumentId: "pain_nrs_0_10" as const,
          takenOn,
          totalScore: total,
          enteredBy,
        };
      }),
    );
    if (demo.severeEvent) {
      await tx.insert(adverseEvents).values({
        courseId: course.id,
        occurredOn: addDays(today, -demo.severeEvent.daysAgo),
        event: demo.severeEvent.event,
        severity: "severe",
      });
    }
  }
  return created;
}
