import type { InstrumentId } from "@/lib/domain/instruments";

// Where Yardstick's own identifiers, codes and extensions live. Yardstick publishes no FHIR
// implementation guide, so these are names under a reserved example domain: they say "this is
// Yardstick's", they are not addresses to fetch.
export const YARDSTICK_FHIR = "https://yardstick.example/fhir";
export const PATIENT_CODE_SYSTEM = `${YARDSTICK_FHIR}/NamingSystem/patient-code`;
export const INSTRUMENT_CODE_SYSTEM = `${YARDSTICK_FHIR}/CodeSystem/instrument`;
export const questionnaireUrl = (instrumentId: InstrumentId) => `${YARDSTICK_FHIR}/Questionnaire/${instrumentId}`;
export const EXTENSIONS = {
  targetDose: `${YARDSTICK_FHIR}/StructureDefinition/target-dose`,
  treatmentCourse: `${YARDSTICK_FHIR}/StructureDefinition/treatment-course`,
  adverseEventNote: `${YARDSTICK_FHIR}/StructureDefinition/adverse-event-note`,
  chosenBaseline: `${YARDSTICK_FHIR}/StructureDefinition/chosen-baseline`,
} as const;

// Standard terminology systems (FHIR R4 terminology pages).
export const RXNORM_SYSTEM = "http://www.nlm.nih.gov/research/umls/rxnorm";
export const LOINC_SYSTEM = "http://loinc.org";
export const OBSERVATION_CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category";
export const ADVERSE_EVENT_SEVERITY_SYSTEM = "http://terminology.hl7.org/CodeSystem/adverse-event-severity";

/**
 * RxNorm codes verified in ../shared/evidence/instruments.json (`codes.rxnorm`), by the drug name a
 * course records. Only the memantine ingredient is verified. Low-dose naltrexone has none: the
 * naltrexone ingredient code is not verified (null in the file), and the verified 1483744 is a 50 mg
 * tablet, not the compounded low dose, so a course of it is exported as text only.
 */
export const RXNORM_BY_DRUG: Readonly<Record<string, string>> = {
  memantine: "6719", // codes.rxnorm["memantine (ingredient)"]
};

/**
 * LOINC codes verified in ../shared/evidence/instruments.json (`codes.loinc`; the same values as the
 * instruments' own `loinc`). FIQ/FIQR and IRLS have none (null), PGIC is not listed: those carry
 * Yardstick's instrument code only.
 */
export const LOINC_BY_INSTRUMENT: Readonly<Partial<Record<InstrumentId, string>>> = {
  pain_nrs_0_10: "72514-3", // codes.loinc["pain NRS 0-10"]
  pain_vas_0_100: "38214-3", // codes.loinc["pain VAS"]
};

/** Scores exported as Observations; every other instrument is a QuestionnaireResponse. */
export const OBSERVATION_INSTRUMENTS: readonly InstrumentId[] = ["pain_nrs_0_10", "pain_vas_0_100"];
