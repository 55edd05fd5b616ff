/** Record types whose earlier versions are kept, and the fields of each that a correction may change. */
export const TRACKED_FIELDS = {
  patient: ["code", "birthYear", "sex", "conditions", "notes", "archivedAt"],
  treatment_course: ["drug", "indication", "targetDose", "doseUnit", "startDate", "endDate", "status", "stopReason"],
  assessment: ["takenOn", "courseId", "totalScore", "itemResponses"],
} as const;

export type HistoryRecordType = keyof typeof TRACKED_FIELDS;
export const HISTORY_RECORD_TYPES = Object.keys(TRACKED_FIELDS) as [HistoryRecordType, ...HistoryRecordType[]];

/** A JSON value as stored in jsonb: dates are ISO strings. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type RecordValues = Record<string, JsonValue>;
export type FieldChange = { field: string; old: JsonValue; new: JsonValue };
