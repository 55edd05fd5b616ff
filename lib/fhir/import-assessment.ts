import { getInstrument, isInstrumentId } from "@/lib/instruments";
import type { Instrument } from "@/lib/instruments/types";
import { clinicalDateProblem, isoDate } from "@/lib/validation/dates";
import { TOTAL_LINK_ID } from "./export-bundle";
import type { PlannedAssessment } from "./import-types";
import { asArray, calendarDate, type EntryReader, isObject, stringAt } from "./read";
import { INSTRUMENT_CODE_SYSTEM, LOINC_BY_INSTRUMENT, LOINC_SYSTEM, YARDSTICK_FHIR } from "./systems";

type Context = { birthYear: number; today: string };
type Scored = Omit<PlannedAssessment, "entry" | "courseEntry">;

// A bundle's total may be written with fewer digits than the server computes (e.g. 45.333333333333336).
const TOTAL_TOLERANCE = 1e-9;

function readTakenOn(reader: EntryReader, relative: string, raw: unknown, context: Context): string | undefined {
  const parsed = isoDate("Date taken").safeParse(calendarDate(raw) ?? "");
  if (!parsed.success) return reader.fail(relative, parsed.error.issues[0].message);
  const problem = clinicalDateProblem(parsed.data, context.birthYear, "Date taken", context.today);
  return problem ? reader.fail(relative, problem) : parsed.data;
}

/** The instrument an Observation's code names: Yardstick's own code, else a verified LOINC code. */
function observationInstrument(code: unknown): Instrument | undefined {
  const codings = asArray(isObject(code) ? code.coding : undefined).filter(isObject);
  const own = codings.find((c) => c.system === INSTRUMENT_CODE_SYSTEM);
  if (own) return getInstrument(String(own.code));
  const loinc = codings.find((c) => c.system === LOINC_SYSTEM);
  const id = Object.entries(LOINC_BY_INSTRUMENT).find(([, value]) => loinc && value === loinc.code)?.[0];
  return id ? getInstrument(id) : undefined;
}

/** A one-value score (pain NRS or VAS, or any total-only instrument) from an Observation. */
export function readObservation(reader: EntryReader, context: Context): Scored | undefined {
  const resource = reader.resource;
  const instrument = observationInstrument(resource.code);
  if (!instrument)
    return reader.fail(
      "code",
      `The code names no instrument Yardstick records (a coding of ${INSTRUMENT_CODE_SYSTEM} or a verified LOINC code).`,
    );
  if (instrument.entry === "items")
    return reader.fail("code", `The ${instrument.shortName} is imported from a QuestionnaireResponse with its item answers.`);
  const takenOn = readTakenOn(reader, "effectiveDateTime", resource.effectiveDateTime, context);
  const quantity = isObject(resource.valueQuantity) ? resource.valueQuantity : {};
  const scored = instrument.score({ total: quantity.value });
  if (!scored.ok) return reader.fail("valueQuantity.value", scored.errors[0].message);
  return takenOn === undefined ? undefined : { instrumentId: instrument.id, takenOn, totalScore: scored.total, itemResponses: null };
}

function answerOf(item: Record<string, unknown>): unknown {
  const answer = asArray(item.answer)[0];
  if (!isObject(answer)) return undefined;
  return answer.valueInteger ?? answer.valueDecimal;
}

/** A questionnaire (FIQR, IRLS from item answers; FIQ, PGIC from their total), scored on the server by the instrument's own code. */
export function readQuestionnaireResponse(reader: EntryReader, context: Context): Scored | undefined {
  const resource = reader.resource;
  const prefix = `${YARDSTICK_FHIR}/Questionnaire/`;
  const url = stringAt(resource.questionnaire);
  const id = url?.startsWith(prefix) ? url.slice(prefix.length) : undefined;
  if (!isInstrumentId(id)) return reader.fail("questionnaire", `The questionnaire must be one of Yardstick's (${prefix}<instrument id>).`);
  const instrument = getInstrument(id)!;
  if (resource.status !== "completed") reader.fail("status", "Only completed questionnaire responses are imported.");
  const takenOn = readTakenOn(reader, "authored", resource.authored, context);
  const items = asArray(resource.item).filter(isObject);
  const linkPath = (linkId: string) => {
    const index = items.findIndex((item) => item.linkId === linkId);
    return index >= 0 ? `item[${index}]` : `item.where(linkId='${linkId}')`;
  };
  const answers = Object.fromEntries(
    items.filter((item) => item.linkId !== TOTAL_LINK_ID).map((item) => [String(item.linkId), answerOf(item)]),
  );
  const statedTotal = answerOf(items.find((item) => item.linkId === TOTAL_LINK_ID) ?? {});
  const scored = instrument.score(instrument.entry === "items" ? { items: answers } : { total: statedTotal });
  if (!scored.ok) {
    for (const error of scored.errors) reader.fail(linkPath(error.field === "total" ? TOTAL_LINK_ID : error.field), error.message);
    return undefined;
  }
  if (
    instrument.entry === "items" &&
    statedTotal !== undefined &&
    !(typeof statedTotal === "number" && Math.abs(statedTotal - scored.total) <= TOTAL_TOLERANCE)
  ) {
    return reader.fail(
      linkPath(TOTAL_LINK_ID),
      `The stated total (${String(statedTotal)}) is not the ${instrument.shortName} score of the item answers (${scored.total}).`,
    );
  }
  if (takenOn === undefined) return undefined;
  const itemResponses = instrument.entry === "items" ? (scored.itemResponses ?? null) : null;
  return { instrumentId: instrument.id, takenOn, totalScore: scored.total, itemResponses };
}
