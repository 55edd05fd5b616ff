import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every server action of the app, with who may use it. Actions that touch records run through
// runFormAction (session first, then the data layer checks team and role: see the integration tests
// for each role). A new action that is not listed here fails this test.
const SERVER_ACTIONS: Record<string, { file: string; access: "public" | "signed-in" | "writer" | "admin" }> = {
  signInAction: { file: "app/(auth)/login/actions.ts", access: "public" },
  signOutAction: { file: "app/(clinic)/layout.tsx", access: "signed-in" },
  switchTeamAction: { file: "app/(clinic)/team-actions.ts", access: "signed-in" },
  acceptInvitationAction: { file: "app/(clinic)/invitations/actions.ts", access: "signed-in" },
  declineInvitationAction: { file: "app/(clinic)/invitations/actions.ts", access: "signed-in" },
  createPatientAction: { file: "app/(clinic)/patients/actions.ts", access: "writer" },
  updatePatientAction: { file: "app/(clinic)/patients/actions.ts", access: "writer" },
  archivePatientAction: { file: "app/(clinic)/patients/actions.ts", access: "writer" },
  startCourseAction: { file: "app/(clinic)/patients/[id]/courses/actions.ts", access: "writer" },
  doseChangeAction: { file: "app/(clinic)/patients/[id]/courses/actions.ts", access: "writer" },
  endCourseAction: { file: "app/(clinic)/patients/[id]/courses/actions.ts", access: "writer" },
  adverseEventAction: { file: "app/(clinic)/patients/[id]/courses/actions.ts", access: "writer" },
  chooseBaselineAction: { file: "app/(clinic)/patients/[id]/courses/actions.ts", access: "writer" },
  recordAssessmentAction: { file: "app/(clinic)/patients/[id]/assessments/actions.ts", access: "writer" },
  updateAssessmentAction: { file: "app/(clinic)/patients/[id]/assessments/actions.ts", access: "writer" },
  createUserAction: { file: "app/(clinic)/admin/users/actions.ts", access: "admin" },
  changeRoleAction: { file: "app/(clinic)/admin/users/actions.ts", access: "admin" },
  setActiveAction: { file: "app/(clinic)/admin/users/actions.ts", access: "admin" },
  resetPasswordAction: { file: "app/(clinic)/admin/users/actions.ts", access: "admin" },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(name) ? [full.split(path.sep).join("/")] : [];
  });
}

function declaredActions(): Record<string, string> {
  const found: Record<string, string> = {};
  for (const file of sourceFiles("app")) {
    const text = readFileSync(file, "utf8");
    if (/^["']use server["'];?/m.test(text)) {
      for (const match of text.matchAll(/export async function (\w+)/g)) found[match[1]] = file;
    }
    // Inline actions: an async function whose body starts with "use server".
    for (const match of text.matchAll(/async function (\w+)\([^)]*\)[^{]*\{\s*["']use server["']/g)) found[match[1]] = file;
  }
  return found;
}

describe("server actions", () => {
  it("every server action of the app is listed with its access rule", () => {
    const declared = declaredActions();
    expect(Object.keys(declared).sort()).toEqual(Object.keys(SERVER_ACTIONS).sort());
    for (const [name, { file }] of Object.entries(SERVER_ACTIONS)) expect(declared[name], name).toBe(file);
  });

  it("every action that touches records checks the session through runFormAction", () => {
    // Sign-out is Auth.js's own; every other signed-in action goes through runFormAction.
    const files = new Set(Object.entries(SERVER_ACTIONS).filter(([name, a]) => a.access !== "public" && name !== "signOutAction").map(([, a]) => a.file));
    for (const file of files) expect(readFileSync(file, "utf8"), file).toMatch(/runFormAction\(/);
  });
});
