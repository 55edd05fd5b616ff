import { fieldChanges } from "./record-values";
import type { FieldChange, HistoryRecordType, RecordValues } from "./tracked-fields";

/** One kept version of a record: its values before the change that replaced them. */
export type KeptVersion = { version: number; values: RecordValues; changedAt: Date; changedByName: string };

/** One correction as the page shows it: when, by whom, and each changed field's old and new value. */
export type Correction = { version: number; changedAt: string; changedByName: string; changes: FieldChange[] };

/**
 * The corrections of one record, newest first. Each kept version is compared with the version that
 * replaced it: the next kept one, or the record's current values for the newest.
 */
export function correctionsOf(recordType: HistoryRecordType, kept: KeptVersion[], current: RecordValues): Correction[] {
  const ordered = [...kept].sort((a, b) => a.version - b.version);
  return ordered
    .map((version, index) => ({
      version: version.version,
      changedAt: version.changedAt.toISOString(),
      changedByName: version.changedByName,
      changes: fieldChanges(recordType, version.values, ordered[index + 1]?.values ?? current),
    }))
    .reverse();
}
