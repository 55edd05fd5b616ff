import { describe, expect, it } from "vitest";
import { patientBundle } from "@/lib/fhir/export-bundle";
import { planBundleImport } from "@/lib/fhir/import-plan";
import type { FhirPatientRecord } from "@/lib/fhir/record";

const record: FhirPatientRecord = {
  patient: { id: "11111111-1111-4111-8111-111111111111", code: "YS-900", birthYear: 1970, sex: "female", conditions: ["fibromyalgia"] },
  courses: [
    {
      id: "22222222-2222-4222-8222-222222222222",
      drug: "memantine",
      indication: "fibromyalgia",
      targetDose: 20,
      doseUnit: "mg/day",
      startDate: "2026-01-05",
      endDate: "2026-04-01",
      status: "stopped",
      stopReason: "Dizziness",
      doseChanges: [
        { changedOn: "2026-01-05", dose: 5, doseUnit: "mg/day", note: "starting dose" },
        { changedOn: "2026-01-12", dose: 10, doseUnit: "mg/day", note: null },
      ],
      adverseEvents: [
        { id: "33333333-3333-4333-8333-333333333333", occurredOn: "2026-02-01", event: "Dizziness", severity: "moderate", notes: null },
      ],
      // The NRS of 2026-01-01 (entry 5 of the bundle: Patient, Condition, course, side effect, then scores).
      chosenBaselines: { pain_nrs_0_10: "44444444-4444-4444-8444-444444444444" },
    },
  ],
  assessments: [
    {
      id: "44444444-4444-4444-8444-444444444444",
      courseId: null,
      instrumentId: "pain_nrs_0_10",
      takenOn: "2026-01-01",
      totalScore: 7,
      itemResponses: null,
    },
    {
      id: "55555555-5555-4555-8555-555555555555",
      courseId: "22222222-2222-4222-8222-222222222222",
      instrumentId: "irls",
      takenOn: "2026-02-02",
      totalScore: 13,
      itemResponses: { item_1: 1, item_2: 2, item_3: 1, item_4: 1, item_5: 1, item_6: 2, item_7: 1, item_8: 1, item_9: 2, item_10: 1 },
    },
  ],
};

const TODAY = "2026-11-01";

describe("Reading a FHIR bundle into an import plan", () => {
  it("reads back exactly what the export wrote, scored by the instrument's own code", () => {
    const result = planBundleImport(patientBundle(record, "2026-11-01T00:00:00Z"), TODAY);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { patient, courses, assessments } = result.plan;
    expect(patient).toEqual({ code: "YS-900", birthYear: 1970, sex: "female", conditions: ["fibromyalgia"] });
    const { id: _id, adverseEvents, chosenBaselines: _chosen, ...course } = record.courses[0];
    expect(courses).toEqual([
      { ...course, entry: 2, adverseEvents: adverseEvents.map(({ id: _eventId, ...event }) => event), baselineEntries: [4] },
    ]);
    // 1+2+1+1+1+2+1+1+2+1 = 13, the IRLS sum.
    expect(assessments.map(({ instrumentId, totalScore, courseEntry }) => ({ instrumentId, totalScore, courseEntry }))).toEqual([
      { instrumentId: "pain_nrs_0_10", totalScore: 7, courseEntry: null },
      { instrumentId: "irls", totalScore: 13, courseEntry: 2 },
    ]);
  });

  it("refuses anything that is not a collection or searchset Bundle", () => {
    expect(planBundleImport({ resourceType: "Patient" }, TODAY)).toEqual({
      ok: false,
      issues: [{ expression: "Bundle.resourceType", reason: 'The body must be a FHIR resource with resourceType "Bundle".' }],
    });
    const transaction = { ...patientBundle(record, "x"), type: "transaction" };
    expect(planBundleImport(transaction, TODAY)).toMatchObject({ ok: false, issues: [{ expression: "Bundle.type" }] });
  });

  it("refuses resource types it would not keep, and a bundle of two patients", () => {
    const bundle = patientBundle(record, "x");
    const withEncounter = { ...bundle, entry: [...bundle.entry, { fullUrl: "urn:uuid:e", resource: { resourceType: "Encounter" } }] };
    expect(planBundleImport(withEncounter, TODAY)).toMatchObject({
      ok: false,
      issues: [
        { expression: `Bundle.entry[${bundle.entry.length}].resource.resourceType`, reason: expect.stringMatching(/not Encounter/) },
      ],
    });
    const twoPatients = { ...bundle, entry: [...bundle.entry, bundle.entry[0]] };
    expect(planBundleImport(twoPatients, TODAY)).toMatchObject({
      ok: false,
      issues: [{ reason: expect.stringMatching(/2 Patient resources/) }],
    });
  });

  it("refuses a side effect dated before its course, and a dose step after the course ended", () => {
    // biome-ignore lint/suspicious/noExplicitAny: the test edits the exported JSON as a sender would
    const bundle = structuredClone(patientBundle(record, "x")) as { entry: { resource: any }[] };
    bundle.entry[3].resource.date = "2025-12-31";
    bundle.entry[2].resource.dosage[1].timing.repeat.boundsPeriod.start = "2026-05-01";
    const result = planBundleImport(bundle, TODAY);
    expect(result).toMatchObject({ ok: false });
    if (result.ok) return;
    expect(result.issues).toEqual([
      {
        expression: "Bundle.entry[2].resource.dosage[1].timing.repeat.boundsPeriod.start",
        reason: "The course ended on 2026-04-01.",
        resource: "MedicationStatement/22222222-2222-4222-8222-222222222222 (entry 3)",
      },
      {
        expression: "Bundle.entry[3].resource.date",
        reason: "A side effect of this course cannot precede its start (2026-01-05).",
        resource: "AdverseEvent/33333333-3333-4333-8333-333333333333 (entry 4)",
      },
    ]);
  });

  it("names the Condition whose text the patient form would refuse", () => {
    // biome-ignore lint/suspicious/noExplicitAny: the test edits the exported JSON as a sender would
    const bundle = structuredClone(patientBundle(record, "x")) as { entry: { resource: any }[] };
    bundle.entry[1].resource.code.text = "x".repeat(101);
    expect(planBundleImport(bundle, TODAY)).toEqual({
      ok: false,
      issues: [
        {
          expression: "Bundle.entry[1].resource.code.text",
          reason: "A condition can be at most 100 characters.",
          resource: expect.stringMatching(/^Condition\/.+ \(entry 2\)$/),
        },
      ],
    });
  });

  it("refuses a chosen baseline taken after the course started", () => {
    // biome-ignore lint/suspicious/noExplicitAny: the test edits the exported JSON as a sender would
    const bundle = structuredClone(patientBundle(record, "x")) as { entry: { resource: any }[] };
    bundle.entry[4].resource.effectiveDateTime = "2026-01-06";
    expect(planBundleImport(bundle, TODAY)).toMatchObject({
      ok: false,
      issues: [
        {
          expression: "Bundle.entry[2].resource.extension[1].valueReference",
          reason: "A baseline must be taken on or before the course start (2026-01-05).",
        },
      ],
    });
  });
});
