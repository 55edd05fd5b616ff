import { createHash } from "node:crypto";
import { getInstrument } from "@/lib/instruments";
import { type FhirPatientRecord, sortRecord } from "./record";
import {
  ADVERSE_EVENT_SEVERITY_SYSTEM,
  EXTENSIONS,
  INSTRUMENT_CODE_SYSTEM,
  LOINC_BY_INSTRUMENT,
  LOINC_SYSTEM,
  OBSERVATION_CATEGORY_SYSTEM,
  OBSERVATION_INSTRUMENTS,
  PATIENT_CODE_SYSTEM,
  questionnaireUrl,
  RXNORM_BY_DRUG,
  RXNORM_SYSTEM,
} from "./systems";
import type {
  AdverseEvent,
  Bundle,
  BundleEntry,
  Coding,
  Condition,
  MedicationStatement,
  Observation,
  Patient,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  Reference,
} from "./types";

type Course = FhirPatientRecord["courses"][number];
type Assessment = FhirPatientRecord["assessments"][number];

export const TOTAL_LINK_ID = "total";

const urn = (id: string) => `urn:uuid:${id}`;
const ref = (id: string): Reference => ({ reference: urn(id) });

/** A stable UUID for a record that has no id of its own (a patient's condition), so exports repeat exactly. */
function derivedUuid(...parts: string[]): string {
  const hex = createHash("sha256").update(parts.join("\u0000")).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The patient's pseudonymous code is the only identifier; no name, address or contact is held. The
 * birth year is exported as a year-only birthDate because the record cannot be imported without it
 * (every clinical date is checked against it, and trial eligibility reads the age); it is all the
 * app holds. Free-text patient notes are left out: they are not structured and may identify someone.
 */
function patientResource(record: FhirPatientRecord): Patient {
  const { patient } = record;
  return {
    resourceType: "Patient",
    id: patient.id,
    identifier: [{ system: PATIENT_CODE_SYSTEM, value: patient.code, type: { text: "Yardstick pseudonymous patient code" } }],
    gender: patient.sex,
    birthDate: String(patient.birthYear),
  };
}

function conditionResources(record: FhirPatientRecord): { id: string; resource: Condition }[] {
  return record.patient.conditions.map((condition) => {
    const id = derivedUuid(record.patient.id, "condition", condition);
    return { id, resource: { resourceType: "Condition", id, code: { text: condition }, subject: ref(record.patient.id) } };
  });
}

function medicationStatement(patientId: string, course: Course): MedicationStatement {
  const rxnorm = RXNORM_BY_DRUG[course.drug.trim().toLowerCase()];
  return {
    resourceType: "MedicationStatement",
    id: course.id,
    extension: [
      { url: EXTENSIONS.targetDose, valueQuantity: { value: course.targetDose, unit: course.doseUnit } },
      // The clinician's choice of baseline, where one was made (otherwise the last score on or before the start is used).
      ...Object.keys(course.chosenBaselines)
        .sort()
        .map((instrumentId) => ({ url: EXTENSIONS.chosenBaseline, valueReference: ref(course.chosenBaselines[instrumentId]) })),
    ],
    status: course.status,
    ...(course.stopReason ? { statusReason: [{ text: course.stopReason }] } : {}),
    medicationCodeableConcept: {
      ...(rxnorm ? { coding: [{ system: RXNORM_SYSTEM, code: rxnorm }] } : {}),
      text: course.drug,
    },
    subject: ref(patientId),
    effectivePeriod: { start: course.startDate, ...(course.endDate ? { end: course.endDate } : {}) },
    reasonCode: [{ text: course.indication }],
    dosage: course.doseChanges.map((step, index) => ({
      sequence: index + 1,
      ...(step.note ? { text: step.note } : {}),
      timing: { repeat: { boundsPeriod: { start: step.changedOn } } },
      doseAndRate: [{ doseQuantity: { value: step.dose, unit: step.doseUnit } }],
    })),
  };
}

function adverseEvent(patientId: string, course: Course, event: Course["adverseEvents"][number]): AdverseEvent {
  return {
    resourceType: "AdverseEvent",
    id: event.id,
    ...(event.notes ? { extension: [{ url: EXTENSIONS.adverseEventNote, valueString: event.notes }] } : {}),
    actuality: "actual",
    event: { text: event.event },
    subject: ref(patientId),
    date: event.occurredOn,
    severity: { coding: [{ system: ADVERSE_EVENT_SEVERITY_SYSTEM, code: event.severity }] },
    suspectEntity: [{ instance: ref(course.id) }],
  };
}

function instrumentCodings(assessment: Assessment): Coding[] {
  const loinc = LOINC_BY_INSTRUMENT[assessment.instrumentId];
  return [...(loinc ? [{ system: LOINC_SYSTEM, code: loinc }] : []), { system: INSTRUMENT_CODE_SYSTEM, code: assessment.instrumentId }];
}

function observation(patientId: string, assessment: Assessment): Observation {
  const instrument = getInstrument(assessment.instrumentId)!;
  return {
    resourceType: "Observation",
    id: assessment.id,
    status: "final",
    category: [{ coding: [{ system: OBSERVATION_CATEGORY_SYSTEM, code: "survey" }] }],
    code: { coding: instrumentCodings(assessment), text: instrument.name },
    subject: ref(patientId),
    ...(assessment.courseId ? { partOf: [ref(assessment.courseId)] } : {}),
    effectiveDateTime: assessment.takenOn,
    valueQuantity: { value: assessment.totalScore, ...(instrument.unitLabel ? { unit: instrument.unitLabel } : {}) },
  };
}

/** Item answers (unanswered items are left out, as FHIR has no empty answer) and the total the server scored. */
function questionnaireItems(assessment: Assessment): QuestionnaireResponseItem[] {
  const instrument = getInstrument(assessment.instrumentId)!;
  const answers = instrument.items.flatMap((item) => {
    const value = assessment.itemResponses?.[item.key];
    return typeof value === "number" ? [{ linkId: item.key, text: item.label, answer: [{ valueInteger: value }] }] : [];
  });
  return [
    ...answers,
    { linkId: TOTAL_LINK_ID, text: `${instrument.shortName} total score`, answer: [{ valueDecimal: assessment.totalScore }] },
  ];
}

function questionnaireResponse(patientId: string, assessment: Assessment): QuestionnaireResponse {
  return {
    resourceType: "QuestionnaireResponse",
    id: assessment.id,
    ...(assessment.courseId ? { extension: [{ url: EXTENSIONS.treatmentCourse, valueReference: ref(assessment.courseId) }] } : {}),
    questionnaire: questionnaireUrl(assessment.instrumentId),
    status: "completed",
    subject: ref(patientId),
    authored: assessment.takenOn,
    item: questionnaireItems(assessment),
  };
}

/**
 * One patient's record as a FHIR R4 searchset Bundle, as Patient/$everything returns it: Patient,
 * Condition per recorded condition, MedicationStatement per course (with its dose steps), AdverseEvent
 * per side effect, Observation per pain NRS/VAS score, QuestionnaireResponse per FIQR, IRLS, FIQ and
 * PGIC assessment. Entries are identified by urn:uuid full URLs and refer to each other that way.
 */
export function patientBundle(input: FhirPatientRecord, timestamp: string): Bundle {
  const record = sortRecord(input);
  const patientId = record.patient.id;
  const entries: BundleEntry[] = [
    { fullUrl: urn(patientId), resource: patientResource(record) },
    ...conditionResources(record).map(({ id, resource }) => ({ fullUrl: urn(id), resource })),
    ...record.courses.map((course) => ({ fullUrl: urn(course.id), resource: medicationStatement(patientId, course) })),
    ...record.courses.flatMap((course) =>
      course.adverseEvents.map((event) => ({ fullUrl: urn(event.id), resource: adverseEvent(patientId, course, event) })),
    ),
    ...record.assessments.map((assessment) => ({
      fullUrl: urn(assessment.id),
      resource: OBSERVATION_INSTRUMENTS.includes(assessment.instrumentId)
        ? observation(patientId, assessment)
        : questionnaireResponse(patientId, assessment),
    })),
  ];
  return {
    resourceType: "Bundle",
    type: "searchset",
    timestamp,
    total: entries.length,
    entry: entries.map((entry) => ({ ...entry, search: { mode: "match" } })),
  };
}
