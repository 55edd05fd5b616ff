import { describe, expect, it } from "vitest";
import { can } from "@/lib/auth/can";
import { isSessionLive, needsTouch, SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from "@/lib/auth/session-limits";

const A = "team-a";
const B = "team-b";
const userWith = (roleInA: "admin" | "clinician" | "viewer", roleInB?: "admin" | "clinician" | "viewer") => {
  const teams = [{ id: A, role: roleInA }, ...(roleInB ? [{ id: B, role: roleInB }] : [])];
  return { team: teams[0], teams };
};

describe("what each role may do", () => {
  it("viewers read, clinicians also write, admins also manage the team and read the audit trail", () => {
    const table = (["viewer", "clinician", "admin"] as const).map((role) =>
      (["patient:read", "patient:write", "team:manage", "audit:read"] as const).map((action) => can(userWith(role), action)),
    );
    expect(table).toEqual([
      [true, false, false, false],
      [true, true, false, false],
      [true, true, true, true],
    ]);
  });

  it("answers for the named team, and nothing is allowed in a team the user is not in", () => {
    const user = userWith("viewer", "admin");
    expect(can(user, "team:manage")).toBe(false);
    expect(can(user, "team:manage", B)).toBe(true);
    expect(can(user, "patient:read", "team-c")).toBe(false);
  });
});

describe("when a session ends", () => {
  const start = new Date("2026-03-01T08:00:00Z");
  const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
  const session = (lastSeenSeconds: number, revoked = false) => ({
    createdAt: start,
    lastSeenAt: at(lastSeenSeconds),
    revokedAt: revoked ? start : null,
  });

  it(`ends ${SESSION_IDLE_SECONDS / 60} minutes after the last request`, () => {
    expect(isSessionLive(session(0), at(SESSION_IDLE_SECONDS))).toBe(true);
    expect(isSessionLive(session(0), at(SESSION_IDLE_SECONDS + 1))).toBe(false);
  });

  it(`ends ${SESSION_ABSOLUTE_SECONDS / 3600} hours after sign-in however busy it is`, () => {
    expect(isSessionLive(session(SESSION_ABSOLUTE_SECONDS - 60), at(SESSION_ABSOLUTE_SECONDS))).toBe(true);
    expect(isSessionLive(session(SESSION_ABSOLUTE_SECONDS - 60), at(SESSION_ABSOLUTE_SECONDS + 1))).toBe(false);
  });

  it("a revoked session is over at once", () => {
    expect(isSessionLive(session(0, true), at(1))).toBe(false);
  });

  it("records activity at most once a minute", () => {
    expect(needsTouch(session(0), at(59))).toBe(false);
    expect(needsTouch(session(0), at(60))).toBe(true);
  });
});
