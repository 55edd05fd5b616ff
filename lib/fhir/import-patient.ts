import { patientSchema } from "@/lib/validation/patient";
import { asArray, calendarDate, type EntryReader, isObject, parseWithAppRules, stringAt } from "./read";
import type { ImportPlan } from "./import-types";
import { PATIENT_CODE_SYSTEM } from "./systems";

// Yardstick holds a pseudonymous code, never a name: a bundle that brings identifying data is refused
// rather than silently stripped, so the sender knows it was not kept.
const IDENTIFYING_ELEMENTS = ["name", "telecom", "address", "photo", "contact"] as const;

/** The patient from its Patient resource and the texts of its Conditions, with the patient form's rules. */
export function readPatient(reader: EntryReader, conditions: { reader: EntryReader; text: string }[]): ImportPlan["patient"] | undefined {
  const resource = reader.resource;
  for (const element of IDENTIFYING_ELEMENTS) {
    if (resource[element] !== undefined) {
      reader.fail(element, `Yardstick keeps a pseudonymous code only, never a ${element}: remove Patient.${element} and import again.`);
    }
  }
  const identifiers = asArray(resource.identifier);
  const codeIndex = identifiers.findIndex((identifier) => isObject(identifier) && identifier.system === PATIENT_CODE_SYSTEM);
  if (codeIndex < 0) {
    reader.fail("identifier", `The patient's pseudonymous code is required, as an identifier with system ${PATIENT_CODE_SYSTEM}.`);
  }
  // Each condition is checked in its own Condition resource, so a refusal names that resource.
  for (const condition of conditions) {
    const checked = patientSchema.shape.conditions.safeParse([condition.text]);
    if (!checked.success) condition.reader.fail("code.text", checked.error.issues[0].message);
  }
  const birthDate = calendarDate(resource.birthDate);
  if (birthDate === undefined) reader.fail("birthDate", "The birth year is required (birthDate, e.g. 1975).");
  const code = codeIndex >= 0 ? (identifiers[codeIndex] as { value?: unknown }).value : undefined;
  const parsed = parseWithAppRules(
    reader,
    patientSchema,
    {
      code: typeof code === "string" ? code : "",
      birthYear: birthDate?.slice(0, 4) ?? "",
      sex: stringAt(resource.gender) ?? "",
      conditions: conditions.filter((c) => !c.reader.hasIssues).map((c) => c.text),
    },
    { code: `identifier[${Math.max(codeIndex, 0)}].value`, birthYear: "birthDate", sex: "gender", conditions: "" },
  );
  if (!parsed || codeIndex < 0 || birthDate === undefined || conditions.some((c) => c.reader.hasIssues)) return undefined;
  return { code: parsed.code, birthYear: parsed.birthYear, sex: parsed.sex, conditions: parsed.conditions };
}
