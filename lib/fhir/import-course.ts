import { COURSE_STATUSES } from "@/lib/domain/courses";
import { formatChoices } from "@/lib/format";
import { adverseEventSchema, doseChangeSchema, endCourseSchema, startCourseSchema } from "@/lib/validation/course";
import { clinicalDateProblem } from "@/lib/validation/dates";
import type { PlannedCourse } from "./import-types";
import { asArray, calendarDate, type EntryReader, isObject, parseWithAppRules, stringAt } from "./read";
import { ADVERSE_EVENT_SEVERITY_SYSTEM, EXTENSIONS } from "./systems";

type Context = { birthYear: number; today: string };

const first = (value: unknown) => asArray(value)[0];
const textOf = (value: unknown) => (isObject(value) ? stringAt(value.text) : undefined);

function extensionIndex(resource: Record<string, unknown>, url: string): number {
  return asArray(resource.extension).findIndex((extension) => isObject(extension) && extension.url === url);
}

function checkDate(reader: EntryReader, relative: string, value: string | undefined, label: string, context: Context) {
  const problem = value === undefined ? null : clinicalDateProblem(value, context.birthYear, label, context.today);
  if (problem) reader.fail(relative, problem);
}

/** A course from a MedicationStatement, with the start and end forms' rules and its dose steps. */
export function readCourse(reader: EntryReader, context: Context): PlannedCourse | undefined {
  const resource = reader.resource;
  const target = extensionIndex(resource, EXTENSIONS.targetDose);
  const targetDose = target >= 0 ? (asArray(resource.extension)[target] as { valueQuantity?: unknown }).valueQuantity : undefined;
  if (target < 0) reader.fail("extension", `The target dose is required, as an extension ${EXTENSIONS.targetDose} with a valueQuantity.`);
  const quantity = isObject(targetDose) ? targetDose : {};
  const period = isObject(resource.effectivePeriod) ? resource.effectivePeriod : {};
  const start = parseWithAppRules(
    reader,
    startCourseSchema,
    {
      drug: textOf(resource.medicationCodeableConcept) ?? "",
      indication: textOf(first(resource.reasonCode)) ?? "",
      targetDose: quantity.value,
      doseUnit: typeof quantity.unit === "string" ? quantity.unit : "",
      startDate: calendarDate(period.start) ?? "",
    },
    {
      drug: "medicationCodeableConcept.text",
      indication: "reasonCode[0].text",
      targetDose: `extension[${Math.max(target, 0)}].valueQuantity.value`,
      doseUnit: `extension[${Math.max(target, 0)}].valueQuantity.unit`,
      startDate: "effectivePeriod.start",
    },
  );
  const status = stringAt(resource.status);
  const ended = readEnd(reader, status, calendarDate(period.end), textOf(first(resource.statusReason)));
  if (!start || !ended || target < 0) return undefined;
  checkDate(reader, "effectivePeriod.start", start.startDate, "Start date", context);
  if (ended.endDate) {
    checkDate(reader, "effectivePeriod.end", ended.endDate, "End date", context);
    if (ended.endDate < start.startDate)
      reader.fail("effectivePeriod.end", `The end date cannot precede the start date (${start.startDate}).`);
  }
  const doseChanges = readDoseSteps(reader, { ...start, endDate: ended.endDate }, context);
  return { entry: reader.index, ...start, ...ended, doseChanges, adverseEvents: [], baselineEntries: [] };
}

/** Active: no end. Stopped or completed: an end date and a reason, as the "end course" form asks. */
function readEnd(reader: EntryReader, status: string | undefined, endDate: string | undefined, stopReason: string | undefined) {
  if (status === "active") {
    if (endDate !== undefined)
      return reader.fail("effectivePeriod.end", "An active course has no end date; set status to stopped or completed.");
    return { status: "active" as const, endDate: null, stopReason: stopReason ?? null };
  }
  if (status !== "stopped" && status !== "completed") {
    return reader.fail("status", `Yardstick records a course as ${formatChoices(COURSE_STATUSES)}; "${status ?? ""}" is not one of them.`);
  }
  const parsed = parseWithAppRules(
    reader,
    endCourseSchema.omit({ version: true }),
    { status, endDate: endDate ?? "", stopReason: stopReason ?? "" },
    { status: "status", endDate: "effectivePeriod.end", stopReason: "statusReason[0].text" },
  );
  return parsed && { status: parsed.status, endDate: parsed.endDate, stopReason: parsed.stopReason };
}

function readDoseSteps(reader: EntryReader, course: { startDate: string; endDate: string | null }, context: Context) {
  return asArray(reader.resource.dosage).flatMap((dosage, index) => {
    const base = `dosage[${index}]`;
    const step = isObject(dosage) ? dosage : {};
    const timing = isObject(step.timing) && isObject(step.timing.repeat) ? step.timing.repeat : {};
    const bounds = isObject(timing.boundsPeriod) ? timing.boundsPeriod : {};
    const doseAndRate = first(step.doseAndRate);
    const dose = isObject(doseAndRate) && isObject(doseAndRate.doseQuantity) ? doseAndRate.doseQuantity : {};
    const parsed = parseWithAppRules(
      reader,
      doseChangeSchema,
      {
        changedOn: calendarDate(bounds.start) ?? "",
        dose: dose.value,
        doseUnit: typeof dose.unit === "string" ? dose.unit : "",
        note: step.text ?? "",
      },
      {
        changedOn: `${base}.timing.repeat.boundsPeriod.start`,
        dose: `${base}.doseAndRate[0].doseQuantity.value`,
        doseUnit: `${base}.doseAndRate[0].doseQuantity.unit`,
        note: `${base}.text`,
      },
    );
    if (!parsed) return [];
    const where = `${base}.timing.repeat.boundsPeriod.start`;
    checkDate(reader, where, parsed.changedOn, "Date of the dose change", context);
    if (parsed.changedOn < course.startDate) reader.fail(where, `A dose change cannot precede the course start (${course.startDate}).`);
    if (course.endDate && parsed.changedOn > course.endDate) reader.fail(where, `The course ended on ${course.endDate}.`);
    return [parsed];
  });
}

/** A side effect from an AdverseEvent, with the side-effect form's rules; it must follow its course's start. */
export function readAdverseEvent(reader: EntryReader, course: PlannedCourse | undefined, context: Context) {
  const resource = reader.resource;
  const coding = asArray(isObject(resource.severity) ? resource.severity.coding : undefined).find(
    (c) => isObject(c) && c.system === ADVERSE_EVENT_SEVERITY_SYSTEM,
  );
  const note = asArray(resource.extension).find((e) => isObject(e) && e.url === EXTENSIONS.adverseEventNote);
  const parsed = parseWithAppRules(
    reader,
    adverseEventSchema,
    {
      occurredOn: calendarDate(resource.date) ?? "",
      event: textOf(resource.event) ?? "",
      severity: isObject(coding) ? coding.code : "",
      notes: isObject(note) && typeof note.valueString === "string" ? note.valueString : "",
    },
    { occurredOn: "date", event: "event.text", severity: "severity.coding", notes: "extension" },
  );
  if (!parsed || !course) return undefined;
  checkDate(reader, "date", parsed.occurredOn, "Date of the side effect", context);
  if (parsed.occurredOn < course.startDate)
    reader.fail("date", `A side effect of this course cannot precede its start (${course.startDate}).`);
  return parsed;
}
