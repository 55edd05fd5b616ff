import "server-only";
import { desc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { selfReportLinks, selfReportSchedules, treatmentCourses } from "@/db/schema";
import { emailConfigured } from "@/lib/email/self-report-mail";
import { linkExpiry, nextScheduledLinkDue } from "@/lib/self-report/status";
import { hashLinkToken, newLinkToken } from "@/lib/self-report/token";
import { writeAudit } from "./audit";
import { emailLink } from "./self-report-links";

const SCHEDULES_PER_RUN = 200;

export type ScheduleRun = { created: number; ended: number; emailed: number };

/**
 * Makes the next link of every running schedule that is due: the previous link is answered, expired or
 * revoked and `intervalWeeks` have passed since it was sent. A schedule whose course has ended is ended
 * (and its e-mail address erased). Safe to run often and from several app servers at once: each
 * schedule row is taken with FOR UPDATE SKIP LOCKED, and (schedule, sequence) is unique, so the same
 * next link is never made twice. Runs without a user (the audit rows have none) from the server's timer.
 */
export async function runSelfReportSchedules(options: { now?: Date } = {}): Promise<ScheduleRun> {
  const now = options.now ?? new Date();
  const db = await getDb();
  const toEmail: { linkId: string; teamId: string; email: string; token: string; expiresAt: Date }[] = [];
  const result = await db.transaction(async (tx) => {
    const running = await tx
      .select({ schedule: selfReportSchedules, courseStatus: treatmentCourses.status })
      .from(selfReportSchedules)
      .innerJoin(treatmentCourses, eq(treatmentCourses.id, selfReportSchedules.courseId))
      .where(isNull(selfReportSchedules.endedAt))
      .orderBy(selfReportSchedules.createdAt)
      .limit(SCHEDULES_PER_RUN)
      .for("update", { of: selfReportSchedules, skipLocked: true });
    let created = 0;
    let ended = 0;
    for (const { schedule, courseStatus } of running) {
      if (courseStatus !== "active") {
        await tx.update(selfReportSchedules).set({ endedAt: now, email: null }).where(eq(selfReportSchedules.id, schedule.id));
        await writeAudit(tx, null, "update", "self_report_schedule", schedule.id, schedule.teamId, [
          { field: "endedAt", old: null, new: "the course ended" },
        ]);
        ended++;
        continue;
      }
      const [previous] = await tx
        .select()
        .from(selfReportLinks)
        .where(eq(selfReportLinks.scheduleId, schedule.id))
        .orderBy(desc(selfReportLinks.scheduleSequence))
        .limit(1);
      const due = previous ? nextScheduledLinkDue(previous, schedule.intervalWeeks, now) : now;
      if (!due || due.getTime() > now.getTime()) continue;
      const token = newLinkToken();
      const expiresAt = linkExpiry(now, schedule.validDays);
      const [link] = await tx
        .insert(selfReportLinks)
        .values({
          teamId: schedule.teamId,
          patientId: schedule.patientId,
          courseId: schedule.courseId,
          scheduleId: schedule.id,
          scheduleSequence: (previous?.scheduleSequence ?? 0) + 1,
          instruments: schedule.instruments,
          tokenHash: hashLinkToken(token),
          expiresAt,
          createdBy: schedule.createdBy,
          createdAt: now,
        })
        .onConflictDoNothing({ target: [selfReportLinks.scheduleId, selfReportLinks.scheduleSequence] })
        .returning({ id: selfReportLinks.id });
      if (!link) continue;
      await writeAudit(tx, null, "create", "self_report_link", link.id, schedule.teamId);
      created++;
      if (schedule.email) toEmail.push({ linkId: link.id, teamId: schedule.teamId, email: schedule.email, token, expiresAt });
    }
    return { created, ended };
  });
  let emailed = 0;
  if (emailConfigured()) {
    for (const item of toEmail) if (await emailLink(item.linkId, item.teamId, item.email, item.token, item.expiresAt)) emailed++;
  }
  return { ...result, emailed };
}

type Timer = { yardstickSelfReportTimer?: ReturnType<typeof setInterval> };

/**
 * Runs the schedules every SELF_REPORT_SCHEDULE_INTERVAL_MS (default 60000; 0 turns it off) in this
 * server process. Started once from instrumentation-node.ts; failures are logged by name only.
 */
export function startSelfReportScheduler(): void {
  const interval = Number(process.env.SELF_REPORT_SCHEDULE_INTERVAL_MS ?? 60_000);
  const holder = globalThis as Timer;
  if (!Number.isFinite(interval) || interval <= 0 || holder.yardstickSelfReportTimer) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runSelfReportSchedules();
    } catch (error) {
      console.error("Self-report schedules not run:", error instanceof Error ? error.name : typeof error);
    } finally {
      running = false;
    }
  };
  holder.yardstickSelfReportTimer = setInterval(tick, interval);
  holder.yardstickSelfReportTimer.unref?.();
}
