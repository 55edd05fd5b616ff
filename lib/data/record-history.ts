import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { recordVersions, users } from "@/db/schema";
import { correctionsOf, type Correction, type KeptVersion } from "@/lib/history/corrections";
import { fieldChanges, trackedValues } from "@/lib/history/record-values";
import type { FieldChange, HistoryRecordType } from "@/lib/history/tracked-fields";
import type { SessionUser } from "./session-user";

type Row = { id: string; version: number } & Record<string, unknown>;

/**
 * Before a correction is saved: compares the record as it is (read under a row lock, at the
 * version the form was loaded with) with the values it is about to get, and keeps the current
 * values as an earlier version. Call it in the transaction that makes the update. Returns what
 * changes, for the audit row; nothing is kept when nothing changes.
 */
export async function keepEarlierVersion(
  tx: Pick<Database, "insert">,
  user: Pick<SessionUser, "id">,
  recordType: HistoryRecordType,
  teamId: string,
  current: Row,
  next: Record<string, unknown>,
): Promise<FieldChange[]> {
  const before = trackedValues(recordType, current);
  const changes = fieldChanges(recordType, before, trackedValues(recordType, { ...current, ...next }));
  if (changes.length === 0) return changes;
  await tx
    .insert(recordVersions)
    .values({ recordType, recordId: current.id, teamId, version: current.version, values: before, changedBy: user.id });
  return changes;
}

type RecordCorrections = Map<string, Correction[]>;

/**
 * The corrections of the given records of one team, by record id, newest first. The caller has
 * checked that the user may read these records; the team condition keeps another team's rows out
 * even if an id were wrong.
 */
export async function correctionsForRecords(
  db: Pick<Database, "select">,
  teamId: string,
  records: { recordType: HistoryRecordType; id: string; current: Record<string, unknown> }[],
): Promise<RecordCorrections> {
  const result: RecordCorrections = new Map();
  if (records.length === 0) return result;
  const rows = await db
    .select({
      recordType: recordVersions.recordType,
      recordId: recordVersions.recordId,
      version: recordVersions.version,
      values: recordVersions.values,
      changedAt: recordVersions.changedAt,
      changedByName: users.displayName,
    })
    .from(recordVersions)
    .innerJoin(users, eq(users.id, recordVersions.changedBy))
    .where(
      and(
        eq(recordVersions.teamId, teamId),
        inArray(
          recordVersions.recordId,
          records.map((r) => r.id),
        ),
      ),
    );
  for (const record of records) {
    const kept: KeptVersion[] = rows.filter((r) => r.recordId === record.id && r.recordType === record.recordType);
    result.set(record.id, kept.length ? correctionsOf(record.recordType, kept, trackedValues(record.recordType, record.current)) : []);
  }
  return result;
}
