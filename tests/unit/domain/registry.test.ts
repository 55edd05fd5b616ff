import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ADVERSE_EVENT_SEVERITIES, COURSE_STATUSES, ENDED_COURSE_STATUSES } from "@/lib/domain/courses";
import { INSTRUMENT_DISPLAY_ORDER, INSTRUMENT_IDS, LIST_TREND_PREFERENCE, isInstrumentId } from "@/lib/domain/instruments";
import { ROLES } from "@/lib/domain/roles";
import { SEXES } from "@/lib/domain/sexes";
import { formatChoices } from "@/lib/format";
import { instrumentIds, instruments } from "@/lib/instruments";
import { roleSchema } from "@/lib/validation/admin";
import { adverseEventSchema, endCourseSchema } from "@/lib/validation/course";
import { patientSchema } from "@/lib/validation/patient";

const EVIDENCE = "/work/shared/evidence/instruments.json";

/** The CHECK constraints of the newest committed migration snapshot: what the database enforces. */
function committedChecks(): Record<string, string> {
  const dir = "db/migrations/meta";
  const newest = readdirSync(dir)
    .filter((f) => f.endsWith("_snapshot.json"))
    .sort()
    .at(-1)!;
  const snapshot = JSON.parse(readFileSync(`${dir}/${newest}`, "utf8")) as {
    tables: Record<string, { checkConstraints?: Record<string, { name: string; value: string }> }>;
  };
  const checks: Record<string, string> = {};
  for (const table of Object.values(snapshot.tables)) {
    for (const check of Object.values(table.checkConstraints ?? {})) checks[check.name] = check.value;
  }
  return checks;
}

const inList = (column: string, values: readonly string[]) => `${column} in (${values.map((v) => `'${v}'`).join(", ")})`;

describe("The instrument registry is the one list of instruments", () => {
  it("has one scorer per registered id, and no other", () => {
    expect(Object.keys(instruments).sort()).toEqual([...INSTRUMENT_IDS].sort());
  });

  it.skipIf(!existsSync(EVIDENCE))("names exactly the instruments of the evidence file", () => {
    const file = JSON.parse(readFileSync(EVIDENCE, "utf8")) as { instruments: { id: string }[] };
    expect(file.instruments.map((i) => i.id).sort()).toEqual([...INSTRUMENT_IDS].sort());
  });

  it("shows the composites first and PGIC (a rating of change) last", () => {
    expect(INSTRUMENT_DISPLAY_ORDER).toEqual(["fiqr", "fiq", "pain_nrs_0_10", "pain_vas_0_100", "irls", "pgic"]);
    expect(instrumentIds).toEqual(INSTRUMENT_DISPLAY_ORDER);
  });

  it("follows FIQR, then IRLS, then FIQ, then pain for a list's trend, and never PGIC", () => {
    expect(LIST_TREND_PREFERENCE).toEqual(["fiqr", "irls", "fiq", "pain_nrs_0_10", "pain_vas_0_100"]);
  });

  it("recognises its own ids only", () => {
    expect(INSTRUMENT_IDS.every(isInstrumentId)).toBe(true);
    for (const other of ["FIQR", "toString", "constructor", "", 3, null]) expect(isInstrumentId(other)).toBe(false);
  });
});

describe("The database enforces the same lists (committed migrations match the domain module)", () => {
  const checks = committedChecks();
  it.each([
    ["assessments_instrument_valid", "instrument_id", INSTRUMENT_IDS],
    ["team_memberships_role_valid", "role", ROLES],
    ["patients_sex_valid", "sex", SEXES],
    ["treatment_courses_status_valid", "status", COURSE_STATUSES],
    ["adverse_events_severity_valid", "severity", ADVERSE_EVENT_SEVERITIES],
  ] as const)("%s", (name, column, values) => {
    expect(checks[name]).toBe(inList(column, values));
  });
});

describe("Validation accepts exactly the domain's values and names them when refusing", () => {
  it("roles", () => {
    for (const role of ROLES) expect(roleSchema.safeParse(role).success).toBe(true);
    const refused = roleSchema.safeParse("owner");
    expect(refused.error?.issues[0].message).toBe("Choose admin, clinician or viewer.");
  });

  it("sexes", () => {
    const refused = patientSchema.shape.sex.safeParse("f");
    expect(refused.error?.issues[0].message).toBe("Choose female, male, other or unknown.");
    for (const sex of SEXES) expect(patientSchema.shape.sex.safeParse(sex).success).toBe(true);
  });

  it("side-effect severities", () => {
    for (const severity of ADVERSE_EVENT_SEVERITIES) expect(adverseEventSchema.shape.severity.safeParse(severity).success).toBe(true);
    expect(adverseEventSchema.shape.severity.safeParse("life-threatening").error?.issues[0].message).toBe(
      "Choose mild, moderate or severe.",
    );
  });

  it("a course ends as any status except active", () => {
    expect([...ENDED_COURSE_STATUSES]).toEqual(COURSE_STATUSES.filter((s) => s !== "active"));
    expect(endCourseSchema.shape.status.safeParse("active").error?.issues[0].message).toBe("Choose stopped or completed.");
  });
});

describe("formatChoices", () => {
  it.each([
    [[], ""],
    [["mild"], "mild"],
    [["stopped", "completed"], "stopped or completed"],
    [["a", "b", "c"], "a, b or c"],
  ])("%j → %s", (values, expected) => {
    expect(formatChoices(values)).toBe(expected);
  });
});
