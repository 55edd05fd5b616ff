import { formatScore } from "@/lib/format";
import type { Correction } from "./corrections";
import type { FieldChange, HistoryRecordType, JsonValue } from "./tracked-fields";

const FIELD_LABELS: Record<HistoryRecordType, Record<string, string>> = {
  patient: { code: "code", birthYear: "birth year", sex: "sex", conditions: "conditions", notes: "notes", archivedAt: "archived" },
  treatment_course: {
    drug: "drug",
    indication: "indication",
    targetDose: "target dose",
    doseUnit: "dose unit",
    startDate: "start date",
    endDate: "end date",
    status: "status",
    stopReason: "reason",
  },
  assessment: { takenOn: "date taken", courseId: "course", totalScore: "score", itemResponses: "item answers" },
};

const FREE_TEXT = new Set(["notes", "stopReason"]);

/** Names of other records a value may point to, e.g. a course id → "memantine from 2026-05-01". */
export type RecordLabels = Record<string, string>;

function formatValue(field: string, value: JsonValue, labels: RecordLabels): string {
  if (value === null || value === "") return "none";
  if (field === "courseId" && typeof value === "string") return labels[value] ?? "another course";
  if (typeof value === "number") return formatScore(value);
  if (Array.isArray(value)) return value.length ? value.join(", ") : "none";
  if (FREE_TEXT.has(field)) return `“${value}”`;
  return String(value);
}

function fieldLabel(recordType: HistoryRecordType, field: string): string {
  return FIELD_LABELS[recordType][field] ?? field;
}

/** "score 6" — the old value of one changed field. Item answers are not spelled out: the score shows them. */
function describeOldValue(recordType: HistoryRecordType, change: FieldChange, labels: RecordLabels = {}): string {
  if (change.field === "archivedAt") return change.old === null ? "not archived" : "archived";
  if (change.field === "itemResponses") return change.old === null ? "no item answers" : "other item answers";
  return `${fieldLabel(recordType, change.field)} ${formatValue(change.field, change.old, labels)}`;
}

/** "2026-06-01 14:05 UTC": the app shows times in UTC, as the audit trail does. */
function formatChangedAt(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}

/** "corrected on 2026-06-01 14:05 UTC by Dr A, was score 6; date taken 2026-05-30" */
export function describeCorrection(recordType: HistoryRecordType, correction: Correction, labels: RecordLabels = {}): string {
  const was = correction.changes.map((change) => describeOldValue(recordType, change, labels)).join("; ");
  return `corrected on ${formatChangedAt(correction.changedAt)} by ${correction.changedByName}, was ${was}`;
}
