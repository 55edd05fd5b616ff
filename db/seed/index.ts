import { inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { adverseEvents, assessments, doseChanges, patients, teamMemberships, teams, treatmentCourses, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { seedClinicCohort } from "./clinic-cohort";
import { isoDate } from "./dates";
import { DEMO_PASSWORD, DEMO_TEAMS, DEMO_USERS } from "./demo-accounts";
import { synthesiseScore } from "./item-answers";
import { loadStudies } from "./studies";
import { syntheticPatients } from "./synthetic-patients";
import { seedWorklistDemo } from "./worklist-demo";

type SeedSummary = { studies: number; patientsCreated: number; usersCreated: number };

/**
 * Demo teams, users and synthetic patients, plus the published studies. Running it again changes
 * nothing: rows are matched by their natural keys and only missing ones are added.
 */
export async function seedDatabase(db: Database, options: { today?: Date } = {}): Promise<SeedSummary> {
  const today = isoDate(options.today ?? new Date());
  const studyCount = await loadStudies(db);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return db.transaction(async (tx) => {
    await tx
      .insert(teams)
      .values(DEMO_TEAMS.map(({ slug, name }) => ({ slug, name })))
      .onConflictDoNothing({ target: teams.slug });
    const teamRows = await tx
      .select()
      .from(teams)
      .where(
        inArray(
          teams.slug,
          DEMO_TEAMS.map((t) => t.slug),
        ),
      );
    const teamId = (slug: string) => teamRows.find((t) => t.slug === slug)!.id;

    const createdUsers = await tx
      .insert(users)
      .values(DEMO_USERS.map(({ email, displayName }) => ({ email, displayName, passwordHash })))
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    const userRows = await tx
      .select()
      .from(users)
      .where(
        inArray(
          users.email,
          DEMO_USERS.map((u) => u.email),
        ),
      );
    const userId = (email: string) => userRows.find((u) => u.email === email)!.id;
    await tx
      .insert(teamMemberships)
      .values(DEMO_USERS.map((u) => ({ userId: userId(u.email), teamId: teamId(u.team), role: u.role })))
      .onConflictDoNothing();

    let patientsCreated = 0;
    for (const [teamIndex, team] of DEMO_TEAMS.entries()) {
      const enteredBy = userId(DEMO_USERS.find((u) => u.team === team.slug && u.role === "clinician")!.email);
      const planned = syntheticPatients(team.patientPrefix, team.patientCount, today, 20260101 + teamIndex);
      for (const [index, plan] of planned.entries()) {
        const [created] = await tx
          .insert(patients)
          .values({ teamId: teamId(team.slug), code: plan.code, birthYear: plan.birthYear, sex: plan.sex, conditions: plan.conditions })
          .onConflictDoNothing()
          .returning({ id: patients.id });
        if (!created) continue;
        patientsCreated++;
        const { doseSteps, adverseEvents: events, ...course } = plan.course;
        const [courseRow] = await tx
          .insert(treatmentCourses)
          .values({ ...course, patientId: created.id })
          .returning({ id: treatmentCourses.id });
        await tx.insert(doseChanges).values(doseSteps.map((step) => ({ ...step, doseUnit: course.doseUnit, courseId: courseRow.id })));
        if (events.length) await tx.insert(adverseEvents).values(events.map((e) => ({ ...e, courseId: courseRow.id })));
        await tx.insert(assessments).values(
          plan.assessments.map((a, n) => {
            const { total, itemResponses } = synthesiseScore(a.instrumentId, a.severity, index * 1000 + n);
            return {
              patientId: created.id,
              courseId: a.duringCourse ? courseRow.id : null,
              instrumentId: a.instrumentId,
              takenOn: a.takenOn,
              totalScore: total,
              itemResponses,
              enteredBy,
            };
          }),
        );
      }
    }
    patientsCreated += await seedClinicCohort(tx, teamId("demo-pain-clinic"), userId("clinician@yardstick.demo"), today);
    // Only the first demo team gets the worklist's demo patients; the other team shows an ordinary list.
    const [firstTeam] = DEMO_TEAMS;
    const firstClinician = userId(DEMO_USERS.find((u) => u.team === firstTeam.slug && u.role === "clinician")!.email);
    patientsCreated += await seedWorklistDemo(
      tx,
      { id: teamId(firstTeam.slug), patientPrefix: firstTeam.patientPrefix },
      firstClinician,
      today,
    );
    return { studies: studyCount, patientsCreated, usersCreated: createdUsers.length };
  });
}
