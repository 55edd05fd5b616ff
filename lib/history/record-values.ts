import { TRACKED_FIELDS, type FieldChange, type HistoryRecordType, type JsonValue, type RecordValues } from "./tracked-fields";

function toJson(value: unknown): JsonValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  return value as JsonValue;
}

/** The tracked fields of a row, as they are kept in the history (JSON, dates as ISO strings). */
export function trackedValues(recordType: HistoryRecordType, row: Record<string, unknown>): RecordValues {
  return Object.fromEntries(TRACKED_FIELDS[recordType].map((field) => [field, toJson(row[field])]));
}

/** Key order does not matter: jsonb keeps its own order, so `{a, b}` and `{b, a}` are the same answers. */
function canonical(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The tracked fields whose value differs between two versions of a record, in the tracked order. */
export function fieldChanges(recordType: HistoryRecordType, before: RecordValues, after: RecordValues): FieldChange[] {
  return TRACKED_FIELDS[recordType]
    .filter((field) => canonical(before[field] ?? null) !== canonical(after[field] ?? null))
    .map((field) => ({ field, old: before[field] ?? null, new: after[field] ?? null }));
}
