import type { Database } from "@/db/client";
import { assessments, courseBaselines, treatmentCourses } from "@/db/schema";

type InstrumentId = (typeof assessments.$inferInsert)["instrumentId"];

/** A treatment course written directly (the course actions are tested elsewhere). */
export async function createCourse(
  db: Database,
  patientId: string,
  course: {
    drug: string;
    indication: string;
    startDate: string;
    targetDose?: number;
    doseUnit?: string;
    endDate?: string;
    status?: "active" | "stopped" | "completed";
  },
) {
  const [row] = await db
    .insert(treatmentCourses)
    .values({
      patientId,
      drug: course.drug,
      indication: course.indication,
      targetDose: course.targetDose ?? 4.5,
      doseUnit: course.doseUnit ?? "mg/day",
      startDate: course.startDate,
      endDate: course.endDate ?? null,
      status: course.status ?? (course.endDate ? "completed" : "active"),
    })
    .returning();
  return row;
}

export async function addScore(
  db: Database,
  patientId: string,
  enteredBy: string,
  instrumentId: InstrumentId,
  takenOn: string,
  totalScore: number,
) {
  const [row] = await db.insert(assessments).values({ patientId, enteredBy, instrumentId, takenOn, totalScore }).returning();
  return row;
}

export async function chooseBaseline(db: Database, courseId: string, instrumentId: InstrumentId, assessmentId: string) {
  await db.insert(courseBaselines).values({ courseId, instrumentId, assessmentId });
}
