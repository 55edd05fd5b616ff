import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { MALFORMED_REQUEST } from "@/lib/actions/action-arguments";
import { recordAssessment } from "@/lib/data/assessment-writes";
import { startCourse } from "@/lib/data/course-writes";
import { createSelfReportLink } from "@/lib/data/self-report-links";
import { selfReportLinks, teamInvitations } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";
import type { SessionUser } from "@/lib/data/session-user";
import { signInForTests } from "@/lib/data/test-session";
import { addMember, createPatient, createTeamWithUser } from "../support/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

// Calls every server action of the app the way an attacker can: with no session, and with a viewer's
// session on records of the viewer's own team, with arguments that are otherwise valid (so the only
// reason to refuse is access). The session is provided through lib/data/test-session.ts; the user is
// loaded from this real test database. A new action, or a new action file, that is not listed fails.

type Records = {
  patientId: string;
  courseId: string;
  assessmentId: string;
  memberId: string;
  otherTeamId: string;
  otherInvitationId: string;
  linkId: string;
  scheduleId: string;
  linkToken: string;
};
// "member": any member of a team may use it (a viewer too), but only on what is their own: another
// team or someone else's invitation is "not found".
type Access = "public" | "member" | "writer" | "admin";
type Action = (...args: unknown[]) => Promise<unknown>;
type Listed = { access: Access; call: (action: Action, r: Records) => Promise<unknown>; malformed: unknown[][] };

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};
const state = {};
const id = "00000000-0000-4000-8000-000000000000";

const ACTIONS: Record<string, Listed> = {
  "app/(auth)/login/actions.ts#signInAction": {
    access: "public",
    call: (a) => a(state, form({ email: "", password: "" })),
    malformed: [
      [state, "email=a&password=b"],
      [state, undefined],
      [undefined, { get: 1 }],
    ],
  },
  "app/(clinic)/patients/actions.ts#createPatientAction": {
    access: "writer",
    call: (a) => a(state, form({ code: "ACT-NEW", birthYear: "1970", sex: "female", conditions: "fibromyalgia" })),
    malformed: [
      [state, "code=X"],
      [undefined, undefined],
      [state, { get: () => "x" }],
    ],
  },
  "app/(clinic)/patients/actions.ts#updatePatientAction": {
    access: "writer",
    call: (a, r) => a(r.patientId, state, form({ version: "1", code: "ACT-EDIT", birthYear: "1971", sex: "male" })),
    malformed: [
      [{ id }, state, form({})],
      [id, state, "version=1"],
      [undefined, undefined, undefined],
    ],
  },
  "app/(clinic)/patients/actions.ts#archivePatientAction": {
    access: "writer",
    call: (a, r) => a(r.patientId, state, form({ version: "1", archive: "true" })),
    malformed: [
      [42, state, form({})],
      [id, state, null],
    ],
  },
  "app/(clinic)/patients/[id]/courses/actions.ts#startCourseAction": {
    access: "writer",
    call: (a, r) =>
      a(
        r.patientId,
        state,
        form({ drug: "memantine", indication: "fibromyalgia", targetDose: "20", doseUnit: "mg/day", startDate: "2026-01-05" }),
      ),
    malformed: [
      [[id], state, form({})],
      [id, state, ["drug", "memantine"]],
    ],
  },
  "app/(clinic)/patients/[id]/courses/actions.ts#doseChangeAction": {
    access: "writer",
    call: (a, r) => a(r.patientId, r.courseId, state, form({ changedOn: "2026-01-12", dose: "10", doseUnit: "mg/day" })),
    malformed: [
      [id, 7, state, form({})],
      [id, id, state, "dose=1e3"],
    ],
  },
  "app/(clinic)/patients/[id]/courses/actions.ts#endCourseAction": {
    access: "writer",
    call: (a, r) =>
      a(r.patientId, r.courseId, state, form({ status: "stopped", endDate: "2026-02-01", stopReason: "nausea", version: "1" })),
    malformed: [
      [id, id, state, undefined],
      [undefined, id, state, form({})],
    ],
  },
  "app/(clinic)/patients/[id]/courses/actions.ts#adverseEventAction": {
    access: "writer",
    call: (a, r) => a(r.patientId, r.courseId, state, form({ occurredOn: "2026-01-10", event: "dizziness", severity: "mild" })),
    malformed: [
      [id, id, state, {}],
      [id, { toString: () => id }, state, form({})],
    ],
  },
  "app/(clinic)/patients/[id]/courses/actions.ts#chooseBaselineAction": {
    access: "writer",
    call: (a, r) => a(r.patientId, r.courseId, state, form({ assessmentId: r.assessmentId })),
    malformed: [
      [id, id, state, "assessmentId=x"],
      [id, "x".repeat(10_000), state, form({})],
    ],
  },
  "app/(clinic)/patients/[id]/assessments/actions.ts#recordAssessmentAction": {
    access: "writer",
    call: (a, r) => a(r.patientId, state, form({ instrumentId: "pain_nrs_0_10", takenOn: "2026-01-20", total: "4" })),
    malformed: [
      [id, state, new Map([["total", "4"]])],
      [null, state, form({})],
    ],
  },
  "app/(clinic)/patients/[id]/assessments/actions.ts#updateAssessmentAction": {
    access: "writer",
    call: (a, r) =>
      a(r.patientId, r.assessmentId, state, form({ version: "1", instrumentId: "pain_nrs_0_10", takenOn: "2026-01-04", total: "5" })),
    malformed: [
      [id, id, state, "total=5"],
      [id, 5, state, form({})],
    ],
  },
  "app/(clinic)/team-actions.ts#switchTeamAction": {
    access: "member",
    call: (a, r) => a(state, form({ teamId: r.otherTeamId })),
    malformed: [
      [state, "teamId=x"],
      [state, undefined],
    ],
  },
  "app/(clinic)/invitations/actions.ts#acceptInvitationAction": {
    access: "member",
    call: (a, r) => a(r.otherInvitationId, state),
    malformed: [
      [42, state],
      [undefined, state],
      ["x".repeat(10_000), state],
    ],
  },
  "app/(clinic)/invitations/actions.ts#declineInvitationAction": {
    access: "member",
    call: (a, r) => a(r.otherInvitationId, state),
    malformed: [
      [{ id }, state],
      [null, state],
    ],
  },
  "app/(clinic)/admin/users/actions.ts#createUserAction": {
    access: "admin",
    call: (a) =>
      a(
        state,
        form({ email: "new-member@clinic.test", displayName: "New Member", role: "admin", password: "a long and unusual passphrase 42" }),
      ),
    malformed: [
      [state, "email=x"],
      [state, undefined],
    ],
  },
  "app/(clinic)/worklist/actions.ts#acknowledgeWorklistAction": {
    access: "writer",
    call: (a, r) => a(r.patientId, state, form({ reason: "no_baseline", note: "Baseline to be taken at the next visit." })),
    malformed: [
      [id, state, "reason=no_baseline&note=x"],
      [{ id }, state, form({})],
      ["x".repeat(10_000), state, form({})],
    ],
  },
  "app/(clinic)/admin/settings/actions.ts#setFollowUpWeeksAction": {
    access: "admin",
    call: (a) => a(state, form({ followUpWeeks: "6" })),
    malformed: [
      [state, "followUpWeeks=6"],
      [state, undefined],
    ],
  },
  "app/(clinic)/admin/audit/actions.ts#checkAuditChainAction": {
    access: "admin",
    call: (a) => a(state, form({})),
    malformed: [
      [state, "check=1"],
      [state, undefined],
    ],
  },
  "app/(clinic)/admin/users/actions.ts#changeRoleAction": {
    access: "admin",
    call: (a, r) => a(r.memberId, state, form({ role: "admin" })),
    malformed: [
      [{}, state, form({ role: "admin" })],
      [id, state, "role=admin"],
    ],
  },
  "app/(clinic)/admin/users/actions.ts#setActiveAction": {
    access: "admin",
    call: (a, r) => a(r.memberId, false, state),
    malformed: [
      [id, "false", state],
      [id, 0, state],
      [undefined, true, state],
    ],
  },
  "app/(clinic)/admin/users/actions.ts#resetPasswordAction": {
    access: "admin",
    call: (a, r) => a(r.memberId, state, form({ password: "another long unusual passphrase 7" })),
    malformed: [
      [id, state, "password=x"],
      [id, state, undefined],
    ],
  },
  "app/(clinic)/patients/[id]/self-report/actions.ts#createSelfReportLinkAction": {
    access: "writer",
    call: (a, r) => a(r.patientId, state, form({ instruments: "fiqr", validDays: "7" })),
    malformed: [
      [id, state, "instruments=fiqr"],
      [{ id }, state, form({})],
      [undefined, state, undefined],
    ],
  },
  "app/(clinic)/patients/[id]/self-report/actions.ts#revokeSelfReportLinkAction": {
    access: "writer",
    call: (a, r) => a(r.patientId, r.linkId, state),
    malformed: [
      [id, 42, state],
      [id, "x".repeat(10_000), state],
      [null, id, state],
    ],
  },
  "app/(clinic)/patients/[id]/self-report/actions.ts#reissueSelfReportLinkAction": {
    access: "writer",
    call: (a, r) => a(r.patientId, r.linkId, state),
    malformed: [
      [id, { id }, state],
      [[id], id, state],
    ],
  },
  "app/(clinic)/patients/[id]/self-report/actions.ts#endSelfReportScheduleAction": {
    access: "writer",
    call: (a, r) => a(r.patientId, r.scheduleId, state),
    malformed: [
      [id, undefined, state],
      [id, 7, state],
    ],
  },
  // Public: the token is the credential; refusals are the plain self-report refusal (self-report.test.ts).
  "app/r/[token]/actions.ts#submitSelfReportAction": {
    access: "public",
    call: (a, r) => a(r.linkToken, state, form({ "fiqr.function_1": "3" })),
    malformed: [
      [42, state, form({})],
      ["x".repeat(10_000), state, form({})],
      [id, state, "fiqr.function_1=3"],
      [undefined, state, undefined],
    ],
  },
};

// Inline actions (a "use server" function inside a component file) cannot be imported, so each one
// must need no check at all; every other action lives in a "use server" file and is called above.
const INLINE_ACTIONS_NEEDING_NO_CHECK: Record<string, string> = {
  "app/(clinic)/layout.tsx#signOutAction": "signing out without a session only redirects to the sign-in page",
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(name) ? [full.split(path.sep).join("/")] : [];
  });
}

const isServerFile = (text: string) => /^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(text);

function inlineActions(): string[] {
  return sourceFiles("app").flatMap((file) => {
    const text = readFileSync(file, "utf8");
    if (isServerFile(text)) return [];
    return [...text.matchAll(/(\w+)\s*(?:=\s*async\s*)?\([^)]*\)[^{]*\{\s*["']use server["']/g)].map((m) => `${file}#${m[1]}`);
  });
}

async function exportedActions(): Promise<Map<string, Action>> {
  const found = new Map<string, Action>();
  for (const file of sourceFiles("app").filter((f) => isServerFile(readFileSync(f, "utf8")))) {
    const exports = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) found.set(`${file}#${name}`, value as Action);
  }
  return found;
}

let records: Records;

describe(`Every server action refuses callers without the right (${testDatabaseKind()})`, () => {
  let database: TestDatabase;
  let actions: Map<string, Action>;
  let viewer: SessionUser;
  let clinician: SessionUser;
  let admin: SessionUser;

  /** Rows in every table a refused action could have written to, the audit trail included. */
  async function rowCounts() {
    const result = await database.db.execute(sql`
      select (select count(*) from patients) p, (select count(*) from treatment_courses) c, (select count(*) from assessments) a,
             (select count(*) from dose_changes) d, (select count(*) from adverse_events) e, (select count(*) from course_baselines) b,
             (select count(*) from users) u, (select count(*) from team_memberships) m, (select count(*) from audit_log) l,
             (select count(*) from worklist_acknowledgements) w, (select string_agg(follow_up_weeks::text, ',' order by id) from teams) f,
             (select string_agg(status, ',') from team_invitations) i,
             (select string_agg(token_hash || coalesce(revoked_at::text, '-') || coalesce(used_at::text, '-'), ',') from self_report_links) srl,
             (select string_agg(coalesce(ended_at::text, '-'), ',') from self_report_schedules) srs, (select string_agg(coalesce(active_team_id::text, '-'), ',') from sessions) s,
             (select string_agg(u.active::text || m.role || u.password_hash || p.version || p.archived_at::text, ',') from users u
                join team_memberships m on m.user_id = u.id left join patients p on p.team_id = m.team_id) state`);
    return (result as unknown as { rows?: unknown[] }).rows ?? result;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    actions = await exportedActions();
    const team = await createTeamWithUser(database.db, "admin");
    admin = team.sessionUser;
    clinician = await addMember(database.db, team.team.id, "clinician");
    viewer = await addMember(database.db, team.team.id, "viewer");
    const patient = await createPatient(database.db, team.team.id, "ACT-1");
    const course = await startCourse(clinician, patient.id, {
      drug: "memantine",
      indication: "fibromyalgia",
      targetDose: 20,
      doseUnit: "mg/day",
      startDate: "2026-01-05",
    });
    const assessment = await recordAssessment(clinician, patient.id, {
      instrumentId: "pain_nrs_0_10",
      takenOn: "2026-01-04",
      courseId: course.id,
      total: 6,
    });
    const other = await createTeamWithUser(database.db, "admin");
    const [invitation] = await database.db
      .insert(teamInvitations)
      .values({
        teamId: other.team.id,
        email: "someone-else@clinic.test",
        role: "clinician",
        invitedBy: other.sessionUser.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      })
      .returning({ id: teamInvitations.id });
    const link = await createSelfReportLink(clinician, patient.id, {
      instruments: ["pain_nrs_0_10"],
      validDays: 7,
      courseId: course.id,
      repeatWeeks: 2,
      email: null,
    });
    const [linkRow] = await database.db.select().from(selfReportLinks);
    records = {
      linkId: link.id,
      scheduleId: linkRow.scheduleId!,
      linkToken: link.token,
      patientId: patient.id,
      courseId: course.id,
      assessmentId: assessment.id,
      memberId: clinician.id,
      otherTeamId: other.team.id,
      otherInvitationId: invitation.id,
    };
  });
  afterEach(() => signInForTests(undefined));
  afterAll(async () => database?.dispose());

  it("lists every action of the app, and every listed action exists", () => {
    expect([...actions.keys()].sort()).toEqual(Object.keys(ACTIONS).sort());
    expect(inlineActions().sort()).toEqual(Object.keys(INLINE_ACTIONS_NEEDING_NO_CHECK).sort());
  });

  const guarded = Object.entries(ACTIONS).filter(([, a]) => a.access !== "public");

  describe("with no session: 'sign in again', nothing saved", () => {
    it.each(guarded)("%s", async (key, listed) => {
      signInForTests({ userId: null });
      const before = await rowCounts();
      await expect(listed.call(actions.get(key)!, records)).resolves.toMatchObject({
        error: "Your session has ended. Sign in again; nothing was saved.",
      });
      expect(await rowCounts()).toEqual(before);
    });
  });

  describe("with a viewer's session on the viewer's own team: refused for the role, nothing saved", () => {
    it.each(guarded.filter(([, a]) => a.access !== "member"))("%s", async (key, listed) => {
      signInForTests({ userId: viewer.id });
      const before = await rowCounts();
      await expect(listed.call(actions.get(key)!, records)).resolves.toMatchObject({ error: new ForbiddenError().message });
      expect(await rowCounts()).toEqual(before);
    });
  });

  describe("a member's action on another team or someone else's invitation: not found, nothing saved", () => {
    it.each(guarded.filter(([, a]) => a.access === "member"))("%s", async (key, listed) => {
      signInForTests({ userId: viewer.id });
      const before = await rowCounts();
      await expect(listed.call(actions.get(key)!, records)).resolves.toMatchObject({ error: expect.stringMatching(/^Not found\./) });
      expect(await rowCounts()).toEqual(before);
    });
  });

  describe("admin actions refuse a clinician too", () => {
    it.each(guarded.filter(([, a]) => a.access === "admin"))("%s", async (key, listed) => {
      signInForTests({ userId: clinician.id });
      await expect(listed.call(actions.get(key)!, records)).resolves.toMatchObject({ error: new ForbiddenError().message });
    });
  });

  describe("arguments of the wrong type get a clean refusal, nothing thrown or logged", () => {
    it.each(Object.entries(ACTIONS))("%s", async (key, listed) => {
      signInForTests({ userId: listed.access === "admin" ? admin.id : clinician.id });
      const logged = vi.spyOn(console, "error");
      try {
        for (const args of listed.malformed) {
          const answer = await actions.get(key)!(...args);
          expect(answer, JSON.stringify(args)).toMatchObject({ error: MALFORMED_REQUEST.error });
        }
        expect(logged).not.toHaveBeenCalled();
      } finally {
        logged.mockRestore();
      }
    });
  });
});
