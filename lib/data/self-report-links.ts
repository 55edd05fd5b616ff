import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { type Database, getDb } from "@/db/client";
import { selfReportLinks, selfReportSchedules, treatmentCourses, users } from "@/db/schema";
import type { LinkStatus, SelfReportInstrumentId } from "@/lib/domain/self-report";
import { emailConfigured, sendSelfReportEmail } from "@/lib/email/self-report-mail";
import { isUuid, NotFoundError, ValidationError } from "@/lib/errors";
import { publicOrigin, selfReportPath } from "@/lib/http/public-url";
import { linkExpiry, linkStatus } from "@/lib/self-report/status";
import { hashLinkToken, newLinkToken } from "@/lib/self-report/token";
import type { CreateLinkInput } from "@/lib/validation/self-report";
import { writeAudit } from "./audit";
import { findPatientForUser } from "./patients";
import { assertCan, type SessionUser } from "./session-user";
import { writablePatient } from "./write-access";

export type CreatedLink = {
  id: string;
  /** The token, returned once: the database keeps only its hash. */
  token: string;
  expiresAt: Date;
  /** "sent", "not asked", or why it was not sent (the link works anyway). */
  email: "sent" | "not_asked" | "failed";
};

async function requestHeaders(): Promise<{ get(name: string): string | null } | null> {
  try {
    const { headers } = await import("next/headers");
    return (await headers()) as unknown as Headers;
  } catch {
    return null;
  }
}

/**
 * E-mails a link after its transaction has committed (an SMTP server must never hold a database lock),
 * then records when. The address is used for this send only and not stored on the link.
 */
export async function emailLink(linkId: string, teamId: string, to: string, token: string, expiresAt: Date): Promise<boolean> {
  const origin = publicOrigin(await requestHeaders());
  if (!origin) return false;
  try {
    await sendSelfReportEmail(to, `${origin}${selfReportPath(token)}`, expiresAt);
  } catch (error) {
    console.error("Self-report e-mail not sent:", error instanceof Error ? error.name : typeof error);
    return false;
  }
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(selfReportLinks).set({ emailedAt: new Date() }).where(eq(selfReportLinks.id, linkId));
    await writeAudit(tx, null, "send", "self_report_link", linkId, teamId);
  });
  return true;
}

/**
 * Creates a link for the patient (and, with `repeatWeeks`, a schedule that makes the next ones), in one
 * transaction with its audit rows. The token is returned once, to show or e-mail.
 */
export async function createSelfReportLink(
  user: SessionUser,
  patientId: unknown,
  input: CreateLinkInput,
  options: { now?: Date } = {},
): Promise<CreatedLink> {
  if (input.email && !emailConfigured())
    throw new ValidationError({ email: "E-mail is not set up on this server (no SMTP_URL): leave it empty and copy the link." });
  const now = options.now ?? new Date();
  const token = newLinkToken();
  const expiresAt = linkExpiry(now, input.validDays);
  const db = await getDb();
  const created = await db.transaction(async (tx) => {
    const patient = await writablePatient(tx, user, patientId);
    if (patient.archivedAt)
      throw new ValidationError({ instruments: "This patient is archived: restore the record before sending a link." });
    if (input.courseId) {
      const [course] = await tx
        .select({ id: treatmentCourses.id, status: treatmentCourses.status })
        .from(treatmentCourses)
        .where(and(eq(treatmentCourses.id, input.courseId), eq(treatmentCourses.patientId, patient.id)));
      if (!course) throw new ValidationError({ courseId: "Choose one of this patient's courses." });
      if (input.repeatWeeks !== null && course.status !== "active")
        throw new ValidationError({ courseId: "A repeating link follows an active course: this course has ended." });
    }
    let scheduleId: string | null = null;
    if (input.repeatWeeks !== null && input.courseId) {
      const [schedule] = await tx
        .insert(selfReportSchedules)
        .values({
          teamId: patient.teamId,
          patientId: patient.id,
          courseId: input.courseId,
          instruments: input.instruments,
          intervalWeeks: input.repeatWeeks,
          validDays: input.validDays,
          email: input.email,
          createdBy: user.id,
          createdAt: now,
        })
        .returning({ id: selfReportSchedules.id });
      scheduleId = schedule.id;
      await writeAudit(tx, user, "create", "self_report_schedule", schedule.id, patient.teamId);
    }
    const [link] = await tx
      .insert(selfReportLinks)
      .values({
        teamId: patient.teamId,
        patientId: patient.id,
        courseId: input.courseId,
        scheduleId,
        scheduleSequence: scheduleId ? 1 : null,
        instruments: input.instruments,
        tokenHash: hashLinkToken(token),
        expiresAt,
        createdBy: user.id,
        createdAt: now,
      })
      .returning({ id: selfReportLinks.id });
    await writeAudit(tx, user, "create", "self_report_link", link.id, patient.teamId);
    return { id: link.id, teamId: patient.teamId };
  });
  const email = input.email
    ? (await emailLink(created.id, created.teamId, input.email, token, expiresAt))
      ? "sent"
      : "failed"
    : "not_asked";
  return { id: created.id, token, expiresAt, email };
}

export type SelfReportLinkView = {
  id: string;
  instruments: SelfReportInstrumentId[];
  status: LinkStatus;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  emailedAt: Date | null;
  scheduled: boolean;
  createdByName: string;
};

export type SelfReportScheduleView = {
  id: string;
  courseId: string;
  instruments: SelfReportInstrumentId[];
  intervalWeeks: number;
  validDays: number;
  emails: boolean;
  createdAt: Date;
};

/** The patient's links (newest first) with their status at `now`, and the schedules still running. */
export async function listSelfReportLinks(
  user: SessionUser,
  patientId: unknown,
  options: { now?: Date } = {},
): Promise<{ links: SelfReportLinkView[]; schedules: SelfReportScheduleView[] }> {
  const patient = await findPatientForUser(user, patientId);
  const now = options.now ?? new Date();
  const db = await getDb();
  const [links, schedules] = await Promise.all([
    db
      .select({
        id: selfReportLinks.id,
        instruments: selfReportLinks.instruments,
        createdAt: selfReportLinks.createdAt,
        expiresAt: selfReportLinks.expiresAt,
        usedAt: selfReportLinks.usedAt,
        revokedAt: selfReportLinks.revokedAt,
        emailedAt: selfReportLinks.emailedAt,
        scheduleId: selfReportLinks.scheduleId,
        createdByName: users.displayName,
      })
      .from(selfReportLinks)
      .innerJoin(users, eq(users.id, selfReportLinks.createdBy))
      .where(and(eq(selfReportLinks.patientId, patient.id), eq(selfReportLinks.teamId, user.team.id)))
      .orderBy(desc(selfReportLinks.createdAt)),
    db
      .select()
      .from(selfReportSchedules)
      .where(
        and(
          eq(selfReportSchedules.patientId, patient.id),
          eq(selfReportSchedules.teamId, user.team.id),
          sql`${selfReportSchedules.endedAt} is null`,
        ),
      )
      .orderBy(desc(selfReportSchedules.createdAt)),
  ]);
  return {
    links: links.map(({ scheduleId, instruments, ...link }) => ({
      ...link,
      instruments: instruments as SelfReportInstrumentId[],
      status: linkStatus(link, now),
      scheduled: scheduleId !== null,
    })),
    schedules: schedules.map((s) => ({
      id: s.id,
      courseId: s.courseId,
      instruments: s.instruments as SelfReportInstrumentId[],
      intervalWeeks: s.intervalWeeks,
      validDays: s.validDays,
      emails: s.email !== null,
      createdAt: s.createdAt,
    })),
  };
}

/** A link of the user's active team, locked for a change; another team's is not found. */
async function lockedLink(tx: Pick<Database, "select">, user: SessionUser, linkId: unknown) {
  if (!isUuid(linkId)) throw new NotFoundError("Self-report link");
  const [link] = await tx
    .select()
    .from(selfReportLinks)
    .where(and(eq(selfReportLinks.id, linkId), eq(selfReportLinks.teamId, user.team.id)))
    .for("update");
  if (!link) throw new NotFoundError("Self-report link");
  assertCan(user, "patient:write");
  return link;
}

/** Revokes a link that has not been answered; the patient then gets the plain refusal. Audited. */
export async function revokeSelfReportLink(user: SessionUser, linkId: unknown, options: { now?: Date } = {}): Promise<void> {
  const now = options.now ?? new Date();
  const db = await getDb();
  await db.transaction(async (tx) => {
    const link = await lockedLink(tx, user, linkId);
    if (link.usedAt) throw new ValidationError({ link: "This link was already answered: there is nothing to revoke." });
    if (link.revokedAt) return;
    await tx.update(selfReportLinks).set({ revokedAt: now, revokedBy: user.id }).where(eq(selfReportLinks.id, link.id));
    await writeAudit(tx, user, "revoke", "self_report_link", link.id, link.teamId);
  });
}

/**
 * A fresh URL for a link still waiting (the patient lost it, or the schedule made it without an e-mail
 * address): a new token replaces the old, which stops working. The new token is returned once.
 */
export async function reissueSelfReportLink(user: SessionUser, linkId: unknown, options: { now?: Date } = {}): Promise<{ token: string }> {
  const now = options.now ?? new Date();
  const token = newLinkToken();
  const db = await getDb();
  await db.transaction(async (tx) => {
    const link = await lockedLink(tx, user, linkId);
    if (linkStatus(link, now) !== "waiting")
      throw new ValidationError({ link: "Only a link that is still waiting can get a new URL: create a new link instead." });
    await tx
      .update(selfReportLinks)
      .set({ tokenHash: hashLinkToken(token) })
      .where(eq(selfReportLinks.id, link.id));
    await writeAudit(tx, user, "update", "self_report_link", link.id, link.teamId, [{ field: "token", old: "replaced", new: "new" }]);
  });
  return { token };
}

/** Stops a schedule: no further links; its e-mail address is erased. Links already sent stay valid. */
export async function endSelfReportSchedule(user: SessionUser, scheduleId: unknown, options: { now?: Date } = {}): Promise<void> {
  if (!isUuid(scheduleId)) throw new NotFoundError("Self-report schedule");
  const now = options.now ?? new Date();
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [schedule] = await tx
      .select({ id: selfReportSchedules.id, endedAt: selfReportSchedules.endedAt, teamId: selfReportSchedules.teamId })
      .from(selfReportSchedules)
      .where(and(eq(selfReportSchedules.id, scheduleId), eq(selfReportSchedules.teamId, user.team.id)))
      .for("update");
    if (!schedule) throw new NotFoundError("Self-report schedule");
    assertCan(user, "patient:write");
    if (schedule.endedAt) return;
    await tx.update(selfReportSchedules).set({ endedAt: now, email: null }).where(eq(selfReportSchedules.id, schedule.id));
    await writeAudit(tx, user, "revoke", "self_report_schedule", schedule.id, schedule.teamId);
  });
}
