// The small part of FHIR R4 that Yardstick writes and reads. @medplum/fhirtypes is not installed (it
// is only a type package of @medplum/core), so these are written out; the tests validate every
// resource against the R4 base definitions, which is what keeps them honest.

export type Reference = { reference: string };
export type Coding = { system: string; code: string };
export type CodeableConcept = { coding?: Coding[]; text?: string };
export type Quantity = { value: number; unit?: string };
export type Extension = { url: string; valueQuantity?: Quantity; valueString?: string; valueReference?: Reference };
export type Identifier = { system: string; value: string; type?: CodeableConcept };

type Base = { id?: string; extension?: Extension[] };

export type Patient = Base & { resourceType: "Patient"; identifier: Identifier[]; gender?: string; birthDate?: string };

export type Condition = Base & { resourceType: "Condition"; code: CodeableConcept; subject: Reference };

export type Dosage = {
  sequence: number;
  text?: string;
  timing: { repeat: { boundsPeriod: { start: string } } };
  doseAndRate: { doseQuantity: Quantity }[];
};

export type MedicationStatement = Base & {
  resourceType: "MedicationStatement";
  status: string;
  statusReason?: CodeableConcept[];
  medicationCodeableConcept: CodeableConcept;
  subject: Reference;
  effectivePeriod: { start: string; end?: string };
  reasonCode?: CodeableConcept[];
  dosage: Dosage[];
};

export type Observation = Base & {
  resourceType: "Observation";
  status: "final";
  category: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  partOf?: Reference[];
  effectiveDateTime: string;
  valueQuantity: Quantity;
};

export type QuestionnaireResponseItem = {
  linkId: string;
  text?: string;
  answer?: { valueInteger?: number; valueDecimal?: number }[];
};

export type QuestionnaireResponse = Base & {
  resourceType: "QuestionnaireResponse";
  questionnaire: string;
  status: "completed";
  subject: Reference;
  authored: string;
  item: QuestionnaireResponseItem[];
};

export type AdverseEvent = Base & {
  resourceType: "AdverseEvent";
  actuality: "actual";
  event: CodeableConcept;
  subject: Reference;
  date: string;
  severity: CodeableConcept;
  suspectEntity: { instance: Reference }[];
};

export type Resource = Patient | Condition | MedicationStatement | Observation | QuestionnaireResponse | AdverseEvent;

export type BundleEntry = { fullUrl: string; resource: Resource; search?: { mode: "match" | "include" } };

export type Bundle = {
  resourceType: "Bundle";
  type: "searchset" | "collection";
  timestamp?: string;
  total?: number;
  entry: BundleEntry[];
};
