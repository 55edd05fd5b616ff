import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assessments, patients, selfReportLinks, treatmentCourses } from "@/db/schema";
import type { SelfReportInstrumentId } from "@/lib/domain/self-report";
import { ValidationError } from "@/lib/errors";
import { getInstrument } from "@/lib/instruments";
import { answersByInstrument } from "@/lib/self-report/questions";
import { linkIsOpen } from "@/lib/self-report/status";
import { hashLinkToken, isWellFormedToken } from "@/lib/self-report/token";
import { clinicalDateProblem } from "@/lib/validation/dates";
import { writeAudit } from "./audit";
import { claimRateLimit } from "./rate-limit";
import { currentRequestIp } from "./request-context";

// The public route's limit per client address: page views and submissions together. A patient needs
// two or three requests; guessing a 256-bit token is hopeless anyway, so this only caps load and noise.
export const SELF_REPORT_RATE_LIMIT = 30;
export const SELF_REPORT_RATE_WINDOW_SECONDS = 600;

/** Any reason a link cannot be used; the caller answers them all with the same plain refusal. */
export class SelfReportRefusedError extends Error {
  constructor() {
    super("Self-report link refused");
    this.name = "SelfReportRefusedError";
  }
}

type PublicOptions = { now?: Date; ip?: string | null };

async function withinRateLimit(options: PublicOptions): Promise<boolean> {
  const ip = options.ip !== undefined ? options.ip : await currentRequestIp();
  // Without a known address every such request shares one bucket (documented in the README).
  return claimRateLimit(await getDb(), `self-report:ip:${ip ?? "unknown"}`, SELF_REPORT_RATE_LIMIT, SELF_REPORT_RATE_WINDOW_SECONDS);
}

/** What the public page may show for a token: only the instruments to answer. Refuses otherwise. */
export async function openSelfReportLink(token: unknown, options: PublicOptions = {}): Promise<{ instruments: SelfReportInstrumentId[] }> {
  if (!(await withinRateLimit(options))) throw new SelfReportRefusedError();
  if (!isWellFormedToken(token)) throw new SelfReportRefusedError();
  const now = options.now ?? new Date();
  const db = await getDb();
  const [link] = await db
    .select({
      instruments: selfReportLinks.instruments,
      usedAt: selfReportLinks.usedAt,
      revokedAt: selfReportLinks.revokedAt,
      expiresAt: selfReportLinks.expiresAt,
      archivedAt: patients.archivedAt,
    })
    .from(selfReportLinks)
    .innerJoin(patients, eq(patients.id, selfReportLinks.patientId))
    .where(eq(selfReportLinks.tokenHash, hashLinkToken(token)))
    .limit(1);
  if (!link || link.archivedAt || !linkIsOpen(link, now)) throw new SelfReportRefusedError();
  return { instruments: link.instruments as SelfReportInstrumentId[] };
}

/**
 * Stores the patient's answers, scored on the server with each instrument's published rule, as
 * self-reported assessments dated today (UTC), and closes the link — all in one transaction with the
 * audit rows (no user; the link's id). The link row is locked first, so a second submission, even a
 * simultaneous one, finds it used and is refused. Answers that cannot be scored are a ValidationError
 * naming each field (`<instrument>.<item>`), and leave the link open.
 */
export async function submitSelfReport(
  token: unknown,
  read: (name: string) => unknown,
  options: PublicOptions = {},
): Promise<{ assessmentIds: string[] }> {
  if (!(await withinRateLimit(options))) throw new SelfReportRefusedError();
  if (!isWellFormedToken(token)) throw new SelfReportRefusedError();
  const now = options.now ?? new Date();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ link: selfReportLinks, birthYear: patients.birthYear, archivedAt: patients.archivedAt })
      .from(selfReportLinks)
      .innerJoin(patients, eq(patients.id, selfReportLinks.patientId))
      .where(eq(selfReportLinks.tokenHash, hashLinkToken(token)))
      .limit(1)
      .for("update", { of: selfReportLinks });
    if (!row || row.archivedAt || !linkIsOpen(row.link, now)) throw new SelfReportRefusedError();
    const { link } = row;
    const instruments = link.instruments as SelfReportInstrumentId[];
    const answers = answersByInstrument(instruments, read);
    const fieldErrors: Record<string, string> = {};
    const scored = instruments.map((id) => {
      const instrument = getInstrument(id)!;
      const result = instrument.score(answers[id]);
      if (!result.ok) {
        for (const error of result.errors) fieldErrors[`${id}.${error.field}`] = error.message;
        return null;
      }
      return { id, total: result.total, itemResponses: instrument.entry === "items" ? (result.itemResponses ?? null) : null };
    });
    if (Object.keys(fieldErrors).length > 0) throw new ValidationError(fieldErrors);
    const takenOn = now.toISOString().slice(0, 10);
    const problem = clinicalDateProblem(takenOn, row.birthYear, "Date taken");
    if (problem) throw new SelfReportRefusedError();
    // The course the link was sent for, if it is still this patient's.
    const [course] = link.courseId
      ? await tx
          .select({ id: treatmentCourses.id })
          .from(treatmentCourses)
          .where(and(eq(treatmentCourses.id, link.courseId), eq(treatmentCourses.patientId, link.patientId)))
      : [];
    const ids: string[] = [];
    for (const score of scored) {
      if (!score) continue;
      const [assessment] = await tx
        .insert(assessments)
        .values({
          patientId: link.patientId,
          courseId: course?.id ?? null,
          instrumentId: score.id,
          takenOn,
          totalScore: score.total,
          itemResponses: score.itemResponses,
          enteredBy: link.createdBy,
          source: "self_report",
          selfReportLinkId: link.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: assessments.id });
      ids.push(assessment.id);
      await writeAudit(tx, null, "create", "assessment", assessment.id, link.teamId);
    }
    await tx.update(selfReportLinks).set({ usedAt: now }).where(eq(selfReportLinks.id, link.id));
    await writeAudit(tx, null, "submit", "self_report_link", link.id, link.teamId);
    return { assessmentIds: ids };
  });
}
