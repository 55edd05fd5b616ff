import { todayIso } from "@/lib/validation/dates";
import { readObservation, readQuestionnaireResponse } from "./import-assessment";
import { readAdverseEvent, readCourse } from "./import-course";
import { readPatient } from "./import-patient";
import type { ImportPlan, PlannedAssessment, PlannedCourse } from "./import-types";
import { asArray, EntryReader, isObject, stringAt } from "./read";
import { BundleReferences } from "./references";
import { EXTENSIONS } from "./systems";
import type { FhirIssue } from "./validate-r4";

export type { ImportPlan, PlannedAssessment, PlannedCourse } from "./import-types";

const IMPORTED_TYPES = ["Patient", "Condition", "MedicationStatement", "AdverseEvent", "Observation", "QuestionnaireResponse"];
const BUNDLE_TYPES = ["collection", "searchset"];

export type PlanResult = { ok: true; plan: ImportPlan } | { ok: false; issues: FhirIssue[] };

/** The bundle's envelope: a Bundle of type collection or searchset whose entries each hold a resource. */
function envelopeIssues(bundle: unknown): FhirIssue[] {
  if (!isObject(bundle) || bundle.resourceType !== "Bundle")
    return [{ expression: "Bundle.resourceType", reason: 'The body must be a FHIR resource with resourceType "Bundle".' }];
  const issues: FhirIssue[] = [];
  if (!BUNDLE_TYPES.includes(String(bundle.type)))
    issues.push({ expression: "Bundle.type", reason: `The bundle type must be ${BUNDLE_TYPES.join(" or ")}.` });
  const entries = asArray(bundle.entry);
  if (entries.length === 0) issues.push({ expression: "Bundle.entry", reason: "The bundle has no entries." });
  entries.forEach((entry, index) => {
    const type = isObject(entry) && isObject(entry.resource) ? stringAt(entry.resource.resourceType) : undefined;
    if (!type) issues.push({ expression: `Bundle.entry[${index}].resource`, reason: "Each entry must hold a resource." });
    else if (!IMPORTED_TYPES.includes(type)) {
      issues.push({
        expression: `Bundle.entry[${index}].resource.resourceType`,
        reason: `Yardstick imports ${IMPORTED_TYPES.join(", ")}; not ${type}.`,
        resource: `${type} (entry ${index + 1})`,
      });
    }
  });
  return issues;
}

/**
 * Reads a FHIR Bundle (as the Patient/$everything export writes it) into what an import would add,
 * checked with the same rules as the app's forms and scored by the instruments' own code. Pure: the
 * data layer matches the plan to existing records. Every problem is named by FHIRPath and resource.
 */
export function planBundleImport(bundle: unknown, today = todayIso()): PlanResult {
  const envelope = envelopeIssues(bundle);
  if (envelope.length > 0) return { ok: false, issues: envelope };
  const issues: FhirIssue[] = [];
  const entries = asArray((bundle as { entry: unknown }).entry);
  const readers = entries.map((entry, index) => new EntryReader(index, (entry as { resource: Record<string, unknown> }).resource, issues));
  const ofType = (type: string) => readers.filter((r) => r.resource.resourceType === type);
  const references = new BundleReferences(entries);

  const patients = ofType("Patient");
  if (patients.length !== 1)
    return {
      ok: false,
      issues: [{ expression: "Bundle.entry", reason: `A bundle holds one patient's record: it has ${patients.length} Patient resources.` }],
    };
  const patientEntry = patients[0].index;
  const subjectIsPatient = (reader: EntryReader) => {
    if (references.resolve(reader.resource.subject, "Patient") !== patientEntry)
      reader.fail("subject", "The subject must refer to the bundle's Patient.");
  };
  const conditions = ofType("Condition").flatMap((reader) => {
    subjectIsPatient(reader);
    const text = isObject(reader.resource.code) ? stringAt(reader.resource.code.text) : undefined;
    if (text) return [{ reader, text }];
    reader.fail("code.text", "The condition's name (code.text) is required.");
    return [];
  });
  const patient = readPatient(patients[0], conditions);
  if (!patient) return { ok: false, issues };
  const context = { birthYear: patient.birthYear, today };

  const courses = new Map<number, PlannedCourse>();
  for (const reader of ofType("MedicationStatement")) {
    subjectIsPatient(reader);
    const course = readCourse(reader, context);
    const twin = course && [...courses.values()].find((c) => c.drug === course.drug && c.startDate === course.startDate);
    if (twin)
      reader.fail(
        "effectivePeriod.start",
        `Entry ${twin.entry + 1} is a course of the same drug starting the same day; a course is identified by drug and start date.`,
      );
    else if (course) courses.set(reader.index, course);
  }
  for (const reader of ofType("AdverseEvent")) {
    subjectIsPatient(reader);
    const courseEntry = references.resolveFirst(
      asArray(reader.resource.suspectEntity).map((s) => (isObject(s) ? s.instance : undefined)),
      "MedicationStatement",
    );
    if (courseEntry === undefined)
      reader.fail(
        "suspectEntity",
        "A side effect must name its treatment course: suspectEntity.instance referring to a MedicationStatement in the bundle.",
      );
    const event = readAdverseEvent(reader, courseEntry === undefined ? undefined : courses.get(courseEntry), context);
    if (event && courseEntry !== undefined) courses.get(courseEntry)?.adverseEvents.push(event);
  }

  const assessments: PlannedAssessment[] = [];
  const addAssessment = (reader: EntryReader, scored: ReturnType<typeof readObservation>, courseRef: unknown, coursePath: string) => {
    subjectIsPatient(reader);
    const courseEntry = courseRef === undefined ? null : (references.resolveFirst(courseRef, "MedicationStatement") ?? null);
    if (courseRef !== undefined && courseEntry === null)
      reader.fail(coursePath, "The treatment course must be a MedicationStatement in the bundle.");
    if (!scored) return;
    const twin = assessments.find((a) => a.instrumentId === scored.instrumentId && a.takenOn === scored.takenOn);
    if (twin)
      return reader.fail(
        "",
        `Entry ${twin.entry + 1} is the same instrument on the same date; an assessment is identified by instrument and date.`,
      );
    assessments.push({ entry: reader.index, courseEntry, ...scored });
  };
  for (const reader of ofType("Observation")) addAssessment(reader, readObservation(reader, context), reader.resource.partOf, "partOf");
  for (const reader of ofType("QuestionnaireResponse")) {
    const link = asArray(reader.resource.extension).find((e) => isObject(e) && e.url === EXTENSIONS.treatmentCourse);
    addAssessment(reader, readQuestionnaireResponse(reader, context), isObject(link) ? [link.valueReference] : undefined, "extension");
  }
  for (const reader of ofType("MedicationStatement")) {
    const course = courses.get(reader.index);
    if (course) readChosenBaselines(reader, course, references, assessments);
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, plan: { patient, courses: [...courses.values()], assessments: assessments.sort((a, b) => a.entry - b.entry) } };
}

/** The course's chosen baselines: assessments in the bundle, taken on or before its start, one per instrument (as the baseline form allows). */
function readChosenBaselines(reader: EntryReader, course: PlannedCourse, references: BundleReferences, assessments: PlannedAssessment[]) {
  for (const [index, extension] of asArray(reader.resource.extension).entries()) {
    if (!isObject(extension) || extension.url !== EXTENSIONS.chosenBaseline) continue;
    const where = `extension[${index}].valueReference`;
    const entry =
      references.resolve(extension.valueReference, "QuestionnaireResponse") ?? references.resolve(extension.valueReference, "Observation");
    const assessment = assessments.find((a) => a.entry === entry);
    const chosen = course.baselineEntries.map((e) => assessments.find((a) => a.entry === e)?.instrumentId);
    if (!assessment) reader.fail(where, "A chosen baseline must refer to an Observation or QuestionnaireResponse of this bundle.");
    else if (assessment.takenOn > course.startDate) {
      reader.fail(where, `A baseline must be taken on or before the course start (${course.startDate}).`);
    } else if (chosen.includes(assessment.instrumentId)) reader.fail(where, "A course has one chosen baseline per instrument.");
    else course.baselineEntries.push(assessment.entry);
  }
}
