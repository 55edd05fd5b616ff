import type { AddressInfo } from "node:net";
import { and, eq, sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { startCourse, endCourse } from "@/lib/data/course-writes";
import {
  createSelfReportLink,
  endSelfReportSchedule,
  listSelfReportLinks,
  reissueSelfReportLink,
  revokeSelfReportLink,
} from "@/lib/data/self-report-links";
import { openSelfReportLink, SELF_REPORT_RATE_LIMIT, SelfReportRefusedError, submitSelfReport } from "@/lib/data/self-report-public";
import { runSelfReportSchedules } from "@/lib/data/self-report-schedules";
import type { SessionUser } from "@/lib/data/session-user";
import { listAuditEntries } from "@/lib/data/audit-queries";
import { getWorklist } from "@/lib/data/worklist";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { hashLinkToken, newLinkToken } from "@/lib/self-report/token";
import type { CreateLinkInput } from "@/lib/validation/self-report";
import { addMember, createPatient, createTeamWithUser } from "../support/fixtures";
import { expectLatestSummaryCurrent } from "../support/assessment-latest";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const DAY = 86_400_000;
const T0 = new Date("2026-09-01T09:00:00Z");
const dayPlus = (days: number) => new Date(T0.getTime() + days * DAY);

const once = (extra: Partial<CreateLinkInput> = {}): CreateLinkInput => ({
  instruments: ["fiqr", "pain_nrs_0_10"],
  validDays: 7,
  courseId: null,
  repeatWeeks: null,
  email: null,
  ...extra,
});

// FIQR answered by hand: function all 5 → 9×5/3 = 15; overall 7 and 8 → 15; symptoms 0…9 → 45/2 = 22.5. Total 52.5.
const FIQR_ANSWERS: Record<string, string> = {
  ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`fiqr.function_${i + 1}`, "5"])),
  "fiqr.overall_1": "7",
  "fiqr.overall_2": "8",
  ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`fiqr.symptoms_${i + 1}`, String(i)])),
};
const ANSWERS = { ...FIQR_ANSWERS, "pain_nrs_0_10.total": "6" };
const read = (answers: Record<string, string>) => (name: string) => answers[name];

/** The text of a message as a mail client shows it (nodemailer sends long lines quoted-printable). */
const decodeQuotedPrintable = (text: string) =>
  text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

describe(`Self-report links (${testDatabaseKind()})`, () => {
  let database: TestDatabase;
  let clinician: SessionUser;
  let viewer: SessionUser;
  let otherTeam: SessionUser;
  let patientId: string;
  let courseId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const team = await createTeamWithUser(database.db, "clinician");
    clinician = team.sessionUser;
    viewer = await addMember(database.db, team.team.id, "viewer");
    otherTeam = (await createTeamWithUser(database.db, "clinician")).sessionUser;
    patientId = (await createPatient(database.db, team.team.id, "SR-1")).id;
    courseId = (
      await startCourse(clinician, patientId, {
        drug: "memantine",
        indication: "fibromyalgia",
        targetDose: 20,
        doseUnit: "mg/day",
        startDate: "2026-08-01",
      })
    ).id;
  });
  beforeEach(async () => {
    await database.db.delete(schema.rateLimits);
  });
  afterAll(async () => database?.dispose());

  it("creates a link whose token is stored only as its SHA-256, and lists it as waiting", async () => {
    const link = await createSelfReportLink(clinician, patientId, once(), { now: T0 });
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.expiresAt.toISOString()).toBe("2026-09-08T09:00:00.000Z");
    const [row] = await database.db.select().from(schema.selfReportLinks).where(eq(schema.selfReportLinks.id, link.id));
    expect(row.tokenHash).toBe(hashLinkToken(link.token));
    const everything = JSON.stringify(rowsOf(await database.db.execute(sql`select * from self_report_links`)));
    expect(everything).not.toContain(link.token);
    const { links } = await listSelfReportLinks(clinician, patientId, { now: dayPlus(1) });
    expect(links.find((l) => l.id === link.id)).toMatchObject({ status: "waiting", instruments: ["fiqr", "pain_nrs_0_10"] });
    expect(await openSelfReportLink(link.token, { now: dayPlus(1), ip: "192.0.2.1" })).toEqual({ instruments: ["fiqr", "pain_nrs_0_10"] });
  });

  it("stores the answers scored by the published rules, marked self-reported with the time, audited without a user; a second submission is refused", async () => {
    const link = await createSelfReportLink(clinician, patientId, once({ courseId }), { now: T0 });
    const submittedAt = dayPlus(2);
    const { assessmentIds } = await submitSelfReport(link.token, read(ANSWERS), { now: submittedAt, ip: "192.0.2.2" });
    expect(assessmentIds).toHaveLength(2);
    const stored = await database.db.select().from(schema.assessments).where(eq(schema.assessments.selfReportLinkId, link.id));
    const fiqr = stored.find((a) => a.instrumentId === "fiqr")!;
    const nrs = stored.find((a) => a.instrumentId === "pain_nrs_0_10")!;
    expect(fiqr).toMatchObject({ totalScore: 52.5, source: "self_report", takenOn: "2026-09-03", courseId, enteredBy: clinician.id });
    expect(fiqr.createdAt.toISOString()).toBe(submittedAt.toISOString());
    expect(fiqr.itemResponses).toMatchObject({ function_1: 5, overall_2: 8, symptoms_10: 9 });
    expect(nrs).toMatchObject({ totalScore: 6, source: "self_report" });

    const audit = await database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.recordType, "self_report_link"), eq(schema.auditLog.recordId, link.id)));
    expect(audit.map((a) => [a.action, a.userId])).toEqual([
      ["create", clinician.id],
      ["submit", null],
    ]);
    expect(audit[1].teamId).toBe(clinician.team.id);
    const created = await database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.recordType, "assessment"), eq(schema.auditLog.recordId, fiqr.id)));
    expect(created).toMatchObject([{ action: "create", userId: null, teamId: clinician.team.id }]);

    await expect(submitSelfReport(link.token, read(ANSWERS), { now: dayPlus(2), ip: "192.0.2.2" })).rejects.toThrow(SelfReportRefusedError);
    await expect(openSelfReportLink(link.token, { now: dayPlus(2), ip: "192.0.2.2" })).rejects.toThrow(SelfReportRefusedError);
    expect(await database.db.select().from(schema.assessments).where(eq(schema.assessments.selfReportLinkId, link.id))).toHaveLength(2);
    const { links } = await listSelfReportLinks(clinician, patientId, { now: dayPlus(3) });
    expect(links.find((l) => l.id === link.id)?.status).toBe("answered");

    // The admin's audit trail, filtered to the patient, shows the link and the self-reported scores.
    const admin = await addMember(database.db, clinician.team.id, "admin");
    const { rows } = await listAuditEntries(admin, { patientCode: "SR-1" });
    const mine = rows.filter((r) => r.recordId === link.id || assessmentIds.includes(r.recordId ?? ""));
    expect(mine.map((r) => `${r.action} ${r.recordType} ${r.userEmail ?? "no user"}`).sort()).toEqual(
      [
        `create self_report_link ${clinician.email}`,
        "submit self_report_link no user",
        "create assessment no user",
        "create assessment no user",
      ].sort(),
    );
  });

  it("refuses two simultaneous submissions of one link but one", async () => {
    const link = await createSelfReportLink(clinician, patientId, once({ instruments: ["pain_nrs_0_10"] }), { now: T0 });
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => submitSelfReport(link.token, read({ "pain_nrs_0_10.total": "3" }), { now: dayPlus(1), ip: "192.0.2.3" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason instanceof SelfReportRefusedError),
    ).toBe(true);
    expect(await database.db.select().from(schema.assessments).where(eq(schema.assessments.selfReportLinkId, link.id))).toHaveLength(1);
  });

  it("answers that cannot be scored are refused per question and leave the link open", async () => {
    const link = await createSelfReportLink(clinician, patientId, once({ instruments: ["irls", "pgic"] }), { now: T0 });
    const error = await submitSelfReport(link.token, read({ "irls.item_1": "2", "pgic.total": "9" }), {
      now: dayPlus(1),
      ip: "192.0.2.4",
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(expect.arrayContaining(["irls.item_2", "pgic.total"]));
    expect((error as ValidationError).fieldErrors["pgic.total"]).toBe("PGIC must be a whole number from 1 to 7.");
    expect(await openSelfReportLink(link.token, { now: dayPlus(1), ip: "192.0.2.4" })).toEqual({ instruments: ["irls", "pgic"] });
  });

  it("refuses an expired, a revoked, a forged and a malformed token alike", async () => {
    const expired = await createSelfReportLink(clinician, patientId, once({ validDays: 3 }), { now: T0 });
    const revoked = await createSelfReportLink(clinician, patientId, once(), { now: T0 });
    await revokeSelfReportLink(clinician, revoked.id, { now: dayPlus(1) });
    const options = { now: dayPlus(3), ip: "192.0.2.5" };
    for (const token of [expired.token, revoked.token, newLinkToken(), "not-a-token", `${expired.token}x`, undefined]) {
      await expect(openSelfReportLink(token, options)).rejects.toThrow(SelfReportRefusedError);
      await expect(submitSelfReport(token, read(ANSWERS), options)).rejects.toThrow(SelfReportRefusedError);
    }
    // One millisecond before its expiry the same link still opens.
    await expect(openSelfReportLink(expired.token, { now: new Date(dayPlus(3).getTime() - 1), ip: "192.0.2.5" })).resolves.toBeTruthy();
    const { links } = await listSelfReportLinks(clinician, patientId, { now: dayPlus(3) });
    expect(links.find((l) => l.id === expired.id)?.status).toBe("expired");
    expect(links.find((l) => l.id === revoked.id)?.status).toBe("revoked");
    const audit = await database.db.select().from(schema.auditLog).where(eq(schema.auditLog.recordId, revoked.id));
    expect(audit.map((a) => a.action)).toEqual(["create", "revoke"]);
  });

  it("a new URL replaces the old one, which then refuses", async () => {
    const link = await createSelfReportLink(clinician, patientId, once(), { now: T0 });
    const { token } = await reissueSelfReportLink(clinician, link.id, { now: dayPlus(1) });
    await expect(openSelfReportLink(link.token, { now: dayPlus(1), ip: "192.0.2.6" })).rejects.toThrow(SelfReportRefusedError);
    await expect(openSelfReportLink(token, { now: dayPlus(1), ip: "192.0.2.6" })).resolves.toBeTruthy();
  });

  it("limits requests per client address in the database, whatever the token", async () => {
    const link = await createSelfReportLink(clinician, patientId, once(), { now: T0 });
    for (let i = 0; i < SELF_REPORT_RATE_LIMIT; i++) await openSelfReportLink(link.token, { now: dayPlus(1), ip: "198.51.100.7" });
    await expect(openSelfReportLink(link.token, { now: dayPlus(1), ip: "198.51.100.7" })).rejects.toThrow(SelfReportRefusedError);
    await expect(submitSelfReport(link.token, read(ANSWERS), { now: dayPlus(1), ip: "198.51.100.7" })).rejects.toThrow(
      SelfReportRefusedError,
    );
    // Another address is not affected, and the valid link was not spent by the refused submission.
    await expect(openSelfReportLink(link.token, { now: dayPlus(1), ip: "198.51.100.8" })).resolves.toBeTruthy();
    const [count] = rowsOf<{ hits: number }>(
      await database.db.execute(sql`select hits from rate_limits where key = 'self-report:ip:198.51.100.7'`),
    );
    expect(Number(count.hits)).toBe(SELF_REPORT_RATE_LIMIT + 2);
  });

  it("keeps links to the team: another team's member gets not found, a viewer may not create or revoke", async () => {
    const link = await createSelfReportLink(clinician, patientId, once(), { now: T0 });
    await expect(createSelfReportLink(otherTeam, patientId, once())).rejects.toThrow(NotFoundError);
    await expect(listSelfReportLinks(otherTeam, patientId)).rejects.toThrow(NotFoundError);
    await expect(revokeSelfReportLink(otherTeam, link.id)).rejects.toThrow(NotFoundError);
    await expect(reissueSelfReportLink(otherTeam, link.id)).rejects.toThrow(NotFoundError);
    await expect(createSelfReportLink(viewer, patientId, once())).rejects.toThrow(ForbiddenError);
    await expect(revokeSelfReportLink(viewer, link.id)).rejects.toThrow(ForbiddenError);
    expect((await listSelfReportLinks(viewer, patientId)).links.length).toBeGreaterThan(0);
    await expect(createSelfReportLink(clinician, patientId, once({ courseId: "00000000-0000-4000-8000-000000000000" }))).rejects.toThrow(
      ValidationError,
    );
  });

  it("shows a link sent and not answered on the worklist, until it is answered", async () => {
    const [other] = await database.db
      .insert(schema.patients)
      .values({ teamId: clinician.team.id, code: "SR-WL", birthYear: 1980, sex: "male" })
      .returning();
    const link = await createSelfReportLink(clinician, other.id, once({ instruments: ["pgic"] }), { now: T0 });
    const before = await getWorklist(clinician, {}, { now: dayPlus(1) });
    const item = before.items.find((i) => i.code === "SR-WL" && i.reason === "self_report_unanswered");
    expect(item).toMatchObject({ since: "2026-09-01", courseId: null, drug: null });
    expect(item?.words).toBe("Self-report link (PGIC) sent on 2026-09-01, not answered yet; it works until 2026-09-08.");
    const expired = await getWorklist(clinician, {}, { now: dayPlus(10) });
    expect(expired.items.find((i) => i.code === "SR-WL")?.words).toBe(
      "Self-report link (PGIC) sent on 2026-09-01 expired on 2026-09-08 without an answer.",
    );
    await submitSelfReport(link.token, read({ "pgic.total": "2" }), { now: dayPlus(1), ip: "192.0.2.9" });
    const answered = await getWorklist(clinician, {}, { now: dayPlus(1) });
    expect(answered.items.some((i) => i.code === "SR-WL")).toBe(false);
  });

  describe("schedules", () => {
    it("create the next link when the previous one is closed and the interval has passed, once, and stop with the course", async () => {
      const [patient] = await database.db
        .insert(schema.patients)
        .values({ teamId: clinician.team.id, code: "SR-SCH", birthYear: 1970, sex: "female" })
        .returning();
      const course = await startCourse(clinician, patient.id, {
        drug: "low-dose naltrexone",
        indication: "fibromyalgia",
        targetDose: 4.5,
        doseUnit: "mg/day",
        startDate: "2026-08-15",
      });
      const first = await createSelfReportLink(clinician, patient.id, once({ courseId: course.id, repeatWeeks: 2 }), { now: T0 });
      const linksOf = () =>
        database.db
          .select()
          .from(schema.selfReportLinks)
          .where(eq(schema.selfReportLinks.patientId, patient.id))
          .orderBy(schema.selfReportLinks.scheduleSequence);
      expect((await linksOf()).map((l) => l.scheduleSequence)).toEqual([1]);

      await submitSelfReport(first.token, read(ANSWERS), { now: dayPlus(1), ip: "192.0.2.10" });
      expect(await runSelfReportSchedules({ now: dayPlus(13) })).toMatchObject({ created: 0 });
      expect(await runSelfReportSchedules({ now: dayPlus(14) })).toMatchObject({ created: 1 });
      expect(await runSelfReportSchedules({ now: dayPlus(14) })).toMatchObject({ created: 0 });
      const [, second] = await linksOf();
      expect(second).toMatchObject({
        scheduleSequence: 2,
        courseId: course.id,
        instruments: ["fiqr", "pain_nrs_0_10"],
        createdBy: clinician.id,
      });
      expect(second.expiresAt.toISOString()).toBe(dayPlus(21).toISOString());
      const audit = await database.db.select().from(schema.auditLog).where(eq(schema.auditLog.recordId, second.id));
      expect(audit).toMatchObject([{ action: "create", userId: null, teamId: clinician.team.id }]);

      // Unanswered, it expires on day 21; the third is due on day 28, made once even by two runs at the same time.
      const runs = await Promise.all([runSelfReportSchedules({ now: dayPlus(28) }), runSelfReportSchedules({ now: dayPlus(28) })]);
      expect(runs[0].created + runs[1].created).toBe(1);
      expect((await linksOf()).map((l) => l.scheduleSequence)).toEqual([1, 2, 3]);

      const [courseRow] = await database.db.select().from(schema.treatmentCourses).where(eq(schema.treatmentCourses.id, course.id));
      await endCourse(clinician, course.id, {
        status: "completed",
        endDate: "2026-10-01",
        stopReason: "planned end",
        version: courseRow.version,
      });
      expect(await runSelfReportSchedules({ now: dayPlus(60) })).toMatchObject({ created: 0, ended: 1 });
      const [schedule] = await database.db
        .select()
        .from(schema.selfReportSchedules)
        .where(eq(schema.selfReportSchedules.patientId, patient.id));
      expect(schedule.endedAt).not.toBeNull();
    });
  });

  describe("e-mail through SMTP_URL", () => {
    let server: SMTPServer;
    const received: { to: string[]; body: string }[] = [];

    beforeAll(async () => {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS"],
        logger: false,
        onData(stream, session, callback) {
          let body = "";
          stream.on("data", (chunk: Buffer) => {
            body += chunk.toString("utf8");
          });
          stream.on("end", () => {
            received.push({ to: session.envelope.rcptTo.map((r) => r.address), body: decodeQuotedPrintable(body) });
            callback();
          });
        },
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
      process.env.YARDSTICK_PUBLIC_URL = "https://yardstick.example.test";
    });
    afterEach(() => {
      received.length = 0;
    });
    afterAll(async () => {
      delete process.env.SMTP_URL;
      delete process.env.YARDSTICK_PUBLIC_URL;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it("sends the link to a real SMTP server, records when, and keeps no address", async () => {
      const link = await createSelfReportLink(clinician, patientId, once({ email: "patient.sr1@example.org" }));
      expect(link.email).toBe("sent");
      expect(received).toHaveLength(1);
      expect(received[0].to).toEqual(["patient.sr1@example.org"]);
      expect(received[0].body).toContain(`https://yardstick.example.test/r/${link.token}`);
      expect(received[0].body).not.toContain("SR-1");
      const [row] = await database.db.select().from(schema.selfReportLinks).where(eq(schema.selfReportLinks.id, link.id));
      expect(row.emailedAt).not.toBeNull();
      const dump = JSON.stringify([
        rowsOf(await database.db.execute(sql`select * from self_report_links`)),
        rowsOf(await database.db.execute(sql`select * from self_report_schedules`)),
        rowsOf(await database.db.execute(sql`select * from audit_log`)),
      ]);
      expect(dump).not.toContain("patient.sr1@example.org");
      const audit = await database.db.select().from(schema.auditLog).where(eq(schema.auditLog.recordId, link.id));
      expect(audit.map((a) => a.action)).toEqual(["create", "send"]);
    });

    it("a schedule keeps the address only while it runs, to e-mail its next links", async () => {
      const [patient] = await database.db
        .insert(schema.patients)
        .values({ teamId: clinician.team.id, code: "SR-MAIL", birthYear: 1970, sex: "female" })
        .returning();
      const course = await startCourse(clinician, patient.id, {
        drug: "memantine",
        indication: "fibromyalgia",
        targetDose: 20,
        doseUnit: "mg/day",
        startDate: "2026-08-15",
      });
      await createSelfReportLink(clinician, patient.id, once({ courseId: course.id, repeatWeeks: 1, email: "sched@example.org" }), {
        now: T0,
      });
      expect(received).toHaveLength(1);
      expect(await runSelfReportSchedules({ now: dayPlus(7) })).toMatchObject({ created: 1, emailed: 1 });
      expect(received.map((m) => m.to[0])).toEqual(["sched@example.org", "sched@example.org"]);
      const [schedule] = await database.db
        .select()
        .from(schema.selfReportSchedules)
        .where(eq(schema.selfReportSchedules.patientId, patient.id));
      expect(schedule.email).toBe("sched@example.org");
      await endSelfReportSchedule(clinician, schedule.id);
      const [ended] = await database.db.select().from(schema.selfReportSchedules).where(eq(schema.selfReportSchedules.id, schedule.id));
      expect(ended).toMatchObject({ email: null });
      expect(ended.endedAt).not.toBeNull();
    });
  });

  it("without SMTP_URL an address is refused with a message saying to copy the link", async () => {
    const error = await createSelfReportLink(clinician, patientId, once({ email: "x@example.org" })).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.email).toMatch(/no SMTP_URL/);
  });

  it("leaves the worklist's stored latest scores (assessment_latest) equal to a recomputation after the self-reports above", async () => {
    await expectLatestSummaryCurrent(database.db);
  });
});
