import "server-only";
import { and, desc, eq, gt, gte, isNull, lte } from "drizzle-orm";
import { type Database, getDb } from "@/db/client";
import {
  adverseEvents,
  assessments,
  courseBaselines,
  patients,
  selfReportLinks,
  teams,
  treatmentCourses,
  worklistAcknowledgements,
} from "@/db/schema";
import type { WorklistReason } from "@/lib/domain/worklist-reasons";
import { isUuid, NotFoundError } from "@/lib/errors";
import { chronological } from "@/lib/progress/timeline";
import { linkStatus } from "@/lib/self-report/status";
import { addDaysTo } from "@/lib/worklist/dates";
import { EXPIRED_LINK_WINDOW_DAYS } from "@/lib/worklist/self-report-unanswered";
import { SEVERE_EVENT_WINDOW_DAYS } from "@/lib/worklist/severe-adverse-event";
import type { acknowledgeSchema, followUpWeeksSchema, WorklistFilters } from "@/lib/validation/worklist";
import type { WorklistCourse, WorklistItem, WorklistPatient } from "@/lib/worklist/types";
import { countsByReason, withoutAcknowledged, worklistItems } from "@/lib/worklist/worklist";
import type { z } from "zod";
import { writeAudit } from "./audit";
import { assertCan, type SessionUser } from "./session-user";
import { listStudies } from "./studies";
import { readCurrentDoses } from "./worklist-doses";
import { readWorklistScores } from "./worklist-scores";

export type WorklistEntry = WorklistItem & {
  /** Who entered the patient's latest assessment: the worklist's "clinician" (courses record no prescriber). */
  clinicianId: string | null;
};

export type Worklist = {
  today: string;
  followUpWeeks: number;
  /** Counts per reason of the items shown before the reason filter (so every count stays visible). */
  counts: Record<WorklistReason, number>;
  items: WorklistEntry[];
  drugs: string[];
  clinicians: { id: string; name: string }[];
};

/** One score as the worklist's rules and its clinician filter read it. */
export type WorklistScoreRow = {
  id: string;
  patientId: string;
  instrumentId: string;
  takenOn: string;
  totalScore: number;
  createdAt: Date;
  enteredBy: string;
  enteredByName: string;
};

/** How the worklist reads a team's scores (oldest first) and its active courses' doses. */
export type WorklistReaders = {
  scores: (db: Database, teamId: string) => Promise<WorklistScoreRow[]>;
  doses: (db: Database, teamId: string, today: string) => Promise<{ courseId: string; changedOn: string; dose: number }[]>;
};

/**
 * The active team's worklist: every rule of lib/worklist over the team's patients (not archived), minus
 * acknowledged items whose patient has had no new assessment since. Reads the team's courses, doses,
 * adverse events, baselines, acknowledgements and the scores and doses the rules need (worklist-scores.ts,
 * worklist-doses.ts) in one
 * query each, never per patient.
 */
export async function getWorklist(
  user: SessionUser,
  filters: WorklistFilters = {},
  options: { today?: string; now?: Date } = {},
): Promise<Worklist> {
  return readWorklist(user, filters, options, { scores: readWorklistScores, doses: readCurrentDoses });
}

/** getWorklist with its scores and doses read by `readers` (tests compare the reduced reads with reading everything). */
export async function readWorklist(
  user: SessionUser,
  filters: WorklistFilters,
  options: { today?: string; now?: Date },
  readers: WorklistReaders,
): Promise<Worklist> {
  assertCan(user, "patient:read");
  const db = await getDb();
  const teamId = user.team.id;
  const inTeam = and(eq(patients.teamId, teamId), isNull(patients.archivedAt));
  const now = options.now ?? new Date();
  // Today as a UTC calendar date, as the seed and the date fields use.
  const today = options.today ?? now.toISOString().slice(0, 10);
  const activeInTeam = and(inTeam, eq(treatmentCourses.status, "active"));
  const [[team], patientRows, courseRows, doseRows, eventRows, choiceRows, scoreRows, ackRows, studies, linkRows] = await Promise.all([
    db.select({ followUpWeeks: teams.followUpWeeks }).from(teams).where(eq(teams.id, teamId)),
    db.select({ id: patients.id, code: patients.code }).from(patients).where(inTeam),
    db
      .select({
        id: treatmentCourses.id,
        patientId: treatmentCourses.patientId,
        drug: treatmentCourses.drug,
        indication: treatmentCourses.indication,
        targetDose: treatmentCourses.targetDose,
        doseUnit: treatmentCourses.doseUnit,
        startDate: treatmentCourses.startDate,
        endDate: treatmentCourses.endDate,
        status: treatmentCourses.status,
      })
      .from(treatmentCourses)
      .innerJoin(patients, eq(patients.id, treatmentCourses.patientId))
      .where(inTeam),
    readers.doses(db, teamId, today),
    // Only severe_adverse_event reads events: severe ones of the last 30 days (any course).
    db
      .select({
        courseId: adverseEvents.courseId,
        occurredOn: adverseEvents.occurredOn,
        event: adverseEvents.event,
        severity: adverseEvents.severity,
      })
      .from(adverseEvents)
      .innerJoin(treatmentCourses, eq(treatmentCourses.id, adverseEvents.courseId))
      .innerJoin(patients, eq(patients.id, treatmentCourses.patientId))
      .where(
        and(
          inTeam,
          eq(adverseEvents.severity, "severe"),
          lte(adverseEvents.occurredOn, today),
          gte(adverseEvents.occurredOn, addDaysTo(today, -SEVERE_EVENT_WINDOW_DAYS)),
        ),
      ),
    // Timelines (baselines) are worked out for active courses only.
    db
      .select({
        courseId: courseBaselines.courseId,
        instrumentId: courseBaselines.instrumentId,
        assessmentId: courseBaselines.assessmentId,
      })
      .from(courseBaselines)
      .innerJoin(treatmentCourses, eq(treatmentCourses.id, courseBaselines.courseId))
      .innerJoin(patients, eq(patients.id, treatmentCourses.patientId))
      .where(activeInTeam),
    readers.scores(db, teamId),
    db
      .select({
        patientId: worklistAcknowledgements.patientId,
        reason: worklistAcknowledgements.reason,
        latestAssessmentId: worklistAcknowledgements.latestAssessmentId,
      })
      .from(worklistAcknowledgements)
      .where(eq(worklistAcknowledgements.teamId, teamId)),
    listStudies(user),
    // Links neither answered nor revoked that have not been expired for long (the partial index covers it).
    db
      .select({
        id: selfReportLinks.id,
        patientId: selfReportLinks.patientId,
        courseId: selfReportLinks.courseId,
        instruments: selfReportLinks.instruments,
        createdAt: selfReportLinks.createdAt,
        expiresAt: selfReportLinks.expiresAt,
        usedAt: selfReportLinks.usedAt,
        revokedAt: selfReportLinks.revokedAt,
      })
      .from(selfReportLinks)
      .where(
        and(
          eq(selfReportLinks.teamId, teamId),
          isNull(selfReportLinks.usedAt),
          isNull(selfReportLinks.revokedAt),
          gt(selfReportLinks.expiresAt, new Date(now.getTime() - (EXPIRED_LINK_WINDOW_DAYS + 1) * 86_400_000)),
        ),
      ),
  ]);
  if (!team) throw new NotFoundError("Team");

  const group = <R, K extends keyof R>(rows: readonly R[], key: K) => {
    const map = new Map<R[K], R[]>();
    // Appends in place: copying each group on every row was quadratic in a patient's number of scores.
    for (const row of rows) {
      const list = map.get(row[key]);
      if (list) list.push(row);
      else map.set(row[key], [row]);
    }
    return map;
  };
  const dosesOf = group(doseRows, "courseId");
  const eventsOf = group(eventRows, "courseId");
  const choicesOf = group(choiceRows, "courseId");
  const coursesOf = group(courseRows, "patientId");
  const scoresOf = group(scoreRows, "patientId");
  const linksOf = group(linkRows, "patientId");

  const plain: WorklistPatient[] = patientRows.map((p) => ({
    patientId: p.id,
    code: p.code,
    scores: scoresOf.get(p.id) ?? [],
    unansweredLinks: (linksOf.get(p.id) ?? []).map((link) => ({
      id: link.id,
      sentOn: link.createdAt.toISOString().slice(0, 10),
      expiresOn: link.expiresAt.toISOString().slice(0, 10),
      status: linkStatus(link, now) === "waiting" ? ("waiting" as const) : ("expired" as const),
      instruments: link.instruments,
      courseId: link.courseId,
    })),
    courses: (coursesOf.get(p.id) ?? []).map(
      (c): WorklistCourse => ({
        ...c,
        chosenBaselines: Object.fromEntries((choicesOf.get(c.id) ?? []).map((b) => [b.instrumentId, b.assessmentId])),
        doses: dosesOf.get(c.id) ?? [],
        adverseEvents: eventsOf.get(c.id) ?? [],
      }),
    ),
  }));
  const latestOf = new Map(
    plain.map((p) => [p.patientId, (chronological(p.scores).at(-1) as (typeof scoreRows)[number] | undefined) ?? null]),
  );

  const context = { today, followUpWeeks: team.followUpWeeks, studies: studies.map((s) => s.study) };
  const open = withoutAcknowledged(worklistItems(plain, context), ackRows, (patientId) => latestOf.get(patientId)?.id ?? null);
  const entries: WorklistEntry[] = open.map((item) => ({ ...item, clinicianId: latestOf.get(item.patientId)?.enteredBy ?? null }));

  const clinicians = new Map<string, string>();
  for (const latest of latestOf.values()) if (latest) clinicians.set(latest.enteredBy, latest.enteredByName);
  const filtered = entries.filter(
    (e) =>
      (!filters.drug || e.drug?.toLowerCase() === filters.drug.toLowerCase()) &&
      (!filters.clinician || e.clinicianId === filters.clinician),
  );
  return {
    today,
    followUpWeeks: team.followUpWeeks,
    counts: countsByReason(filtered),
    items: filters.reason ? filtered.filter((e) => e.reason === filters.reason) : filtered,
    drugs: [...new Set(courseRows.map((c) => c.drug))].sort(),
    clinicians: [...clinicians].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/**
 * Acknowledges one reason for one patient with a note, recording the patient's latest assessment so the
 * item returns once a newer one arrives. Another team's patient is NotFound. Audited in the same transaction.
 */
export async function acknowledgeWorklistItem(
  user: SessionUser,
  patientId: unknown,
  input: z.infer<typeof acknowledgeSchema>,
): Promise<{ id: string }> {
  assertCan(user, "patient:write");
  if (!isUuid(patientId)) throw new NotFoundError("Patient");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [patient] = await tx
      .select({ id: patients.id })
      .from(patients)
      .where(and(eq(patients.id, patientId), eq(patients.teamId, user.team.id), isNull(patients.archivedAt)));
    if (!patient) throw new NotFoundError("Patient");
    const [latest] = await tx
      .select({ id: assessments.id, takenOn: assessments.takenOn })
      .from(assessments)
      .where(eq(assessments.patientId, patient.id))
      .orderBy(desc(assessments.takenOn), desc(assessments.createdAt))
      .limit(1);
    const [row] = await tx
      .insert(worklistAcknowledgements)
      .values({
        teamId: user.team.id,
        patientId: patient.id,
        reason: input.reason,
        note: input.note,
        acknowledgedBy: user.id,
        latestAssessmentId: latest?.id ?? null,
        latestAssessmentOn: latest?.takenOn ?? null,
      })
      .returning({ id: worklistAcknowledgements.id });
    await writeAudit(tx, user, "acknowledge", "worklist_acknowledgement", row.id, user.team.id);
    return row;
  });
}

/** The active team's follow-up interval for "follow-up overdue"; admins only, audited with the old and new value. */
export async function setFollowUpWeeks(user: SessionUser, input: z.infer<typeof followUpWeeksSchema>): Promise<void> {
  assertCan(user, "team:manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [team] = await tx.select({ followUpWeeks: teams.followUpWeeks }).from(teams).where(eq(teams.id, user.team.id)).for("update");
    if (!team) throw new NotFoundError("Team");
    if (team.followUpWeeks === input.followUpWeeks) return;
    await tx.update(teams).set({ followUpWeeks: input.followUpWeeks, updatedAt: new Date() }).where(eq(teams.id, user.team.id));
    await writeAudit(tx, user, "update", "team", user.team.id, user.team.id, [
      { field: "followUpWeeks", old: team.followUpWeeks, new: input.followUpWeeks },
    ]);
  });
}

/** The active team's follow-up interval, for the admin form. */
export async function getFollowUpWeeks(user: SessionUser): Promise<number> {
  assertCan(user, "team:manage");
  const db = await getDb();
  const [team] = await db.select({ followUpWeeks: teams.followUpWeeks }).from(teams).where(eq(teams.id, user.team.id));
  if (!team) throw new NotFoundError("Team");
  return team.followUpWeeks;
}
