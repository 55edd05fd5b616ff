// A cohort of low-dose naltrexone courses in fibromyalgia with pain NRS before the start and at or past
// week 12, so /clinic shows every panel beside the FINAL trial on a fresh start: responders and
// non-responders (one at exactly 30%, which is not "more than 30%"), one man and one baseline below 4/10
// (outside FINAL's enrolment), one without a week-12 score, one without a baseline, and adverse events.
// Synthetic patients only; seeding again changes nothing (patients are matched by team and code).
import type { Database } from "@/db/client";
import { adverseEvents, assessments, doseChanges, patients, treatmentCourses } from "@/db/schema";
import { addDays } from "./dates";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

type CohortPatient = {
  code: string;
  sex: "female" | "male";
  birthYear: number;
  /** Course start, in days before the seed's today. */
  startedDaysAgo: number;
  /** Pain NRS 0–10: [days from the course start, score]; a negative day is before the start. */
  scores: [day: number, score: number][];
  events: [day: number, event: string, severity: "mild" | "moderate"][];
};

const STARTED = 120;
const BASELINE_DAY = -3;
const standardCourse = (baseline: number, week4: number, week8: number, week12: number): [number, number][] => [
  [BASELINE_DAY, baseline],
  [28, week4],
  [56, week8],
  [86, week12],
];

const COHORT: CohortPatient[] = [
  {
    code: "YS-K01",
    sex: "female",
    birthYear: 1975,
    startedDaysAgo: STARTED,
    scores: standardCourse(7, 6, 5, 4),
    events: [[10, "vivid dreams", "mild"]],
  },
  {
    code: "YS-K02",
    sex: "female",
    birthYear: 1980,
    startedDaysAgo: STARTED,
    scores: standardCourse(8, 7, 6, 6),
    events: [[5, "headache", "mild"]],
  },
  {
    code: "YS-K03",
    sex: "female",
    birthYear: 1968,
    startedDaysAgo: STARTED,
    scores: standardCourse(6, 5, 4, 3),
    events: [[12, "vivid dreams", "mild"]],
  },
  {
    code: "YS-K04",
    sex: "female",
    birthYear: 1990,
    startedDaysAgo: STARTED,
    scores: standardCourse(7, 7, 7, 8),
    events: [
      [8, "vivid dreams", "moderate"],
      [20, "insomnia", "mild"],
    ],
  },
  {
    code: "YS-K05",
    sex: "female",
    birthYear: 1985,
    startedDaysAgo: STARTED,
    scores: standardCourse(9, 8, 6, 5),
    events: [[3, "nausea", "mild"]],
  },
  { code: "YS-K06", sex: "female", birthYear: 1972, startedDaysAgo: STARTED, scores: standardCourse(5, 5, 4, 4), events: [] },
  { code: "YS-K07", sex: "female", birthYear: 1978, startedDaysAgo: STARTED, scores: standardCourse(7, 6, 5, 5), events: [] },
  {
    code: "YS-K08",
    sex: "female",
    birthYear: 1966,
    startedDaysAgo: STARTED,
    scores: standardCourse(8, 6, 4, 3),
    events: [[15, "insomnia", "mild"]],
  },
  { code: "YS-K09", sex: "female", birthYear: 1983, startedDaysAgo: STARTED, scores: standardCourse(6, 6, 5, 5), events: [] },
  { code: "YS-K10", sex: "female", birthYear: 1970, startedDaysAgo: STARTED, scores: standardCourse(10, 9, 7, 7), events: [] },
  {
    code: "YS-K11",
    sex: "male",
    birthYear: 1976,
    startedDaysAgo: STARTED,
    scores: standardCourse(7, 5, 4, 4),
    events: [[6, "headache", "mild"]],
  },
  { code: "YS-K12", sex: "female", birthYear: 1979, startedDaysAgo: STARTED, scores: standardCourse(3, 3, 2, 2), events: [] },
  {
    code: "YS-K13",
    sex: "female",
    birthYear: 1988,
    startedDaysAgo: 45,
    scores: [
      [BASELINE_DAY, 7],
      [28, 6],
    ],
    events: [],
  },
  {
    code: "YS-K14",
    sex: "female",
    birthYear: 1992,
    startedDaysAgo: 100,
    scores: [
      [28, 6],
      [91, 5],
    ],
    events: [],
  },
];

/** The cohort's patient codes (the foundation test counts the seeded patients). */
export const CLINIC_COHORT_CODES = COHORT.map((p) => p.code);

/** Adds the cohort to the team; returns how many patients were new. */
export async function seedClinicCohort(tx: Transaction, teamId: string, enteredBy: string, today: string): Promise<number> {
  let created = 0;
  for (const plan of COHORT) {
    const [patient] = await tx
      .insert(patients)
      .values({ teamId, code: plan.code, birthYear: plan.birthYear, sex: plan.sex, conditions: ["fibromyalgia"] })
      .onConflictDoNothing()
      .returning({ id: patients.id });
    if (!patient) continue;
    created++;
    const startDate = addDays(today, -plan.startedDaysAgo);
    const [course] = await tx
      .insert(treatmentCourses)
      .values({
        patientId: patient.id,
        drug: "low-dose naltrexone",
        indication: "fibromyalgia",
        targetDose: 4.5,
        doseUnit: "mg/day",
        startDate,
      })
      .returning({ id: treatmentCourses.id });
    await tx.insert(doseChanges).values({ courseId: course.id, changedOn: startDate, dose: 4.5, doseUnit: "mg/day" });
    await tx.insert(assessments).values(
      plan.scores.map(([day, score]) => ({
        patientId: patient.id,
        courseId: day > 0 ? course.id : null,
        instrumentId: "pain_nrs_0_10" as const,
        takenOn: addDays(startDate, day),
        totalScore: score,
        enteredBy,
      })),
    );
    if (plan.events.length) {
      await tx
        .insert(adverseEvents)
        .values(
          plan.events.map(([day, event, severity]) => ({ courseId: course.id, occurredOn: addDays(startDate, day), event, severity })),
        );
    }
  }
  return created;
}
