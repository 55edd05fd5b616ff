import { createHash } from "node:crypto";

/**
 * An audit row as the chain sees it, every value exactly as the database holds it, as text:
 * - `id`: the bigint id in decimal (no number rounding);
 * - `at`: the timestamp in UTC, ISO 8601 with all six fractional digits PostgreSQL keeps
 *   (`2026-11-28T21:05:03.123456Z`), produced by SQL (`AUDIT_ROW_CONTENT_SQL`), never via a JS Date;
 * - uuids lower-case (PostgreSQL's text form); absent values are null, never left out;
 * - `changes`: the jsonb value as parsed JSON (objects, arrays, strings, finite numbers, booleans, null).
 */
export type AuditRowContent = {
  id: string;
  at: string;
  user_id: string | null;
  team_id: string | null;
  action: string;
  record_type: string;
  record_id: string | null;
  ip: string | null;
  changes: unknown;
};

/** The hash a chain starts from: the first link's "previous hash". */
export const GENESIS_HASH = "0".repeat(64);

/**
 * Canonical JSON: no whitespace; object keys sorted by UTF-16 code units (JavaScript's default sort),
 * at every depth; array order kept; strings and numbers as JSON.stringify writes them. A value JSON
 * cannot carry exactly (undefined, NaN, Infinity, a function, a bigint) is refused rather than dropped.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`);
      return JSON.stringify(value);
    case "object": {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(",")}}`;
    }
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
  }
}

/** The row's canonical content: exactly the nine fields of `AuditRowContent`, as canonical JSON. */
export function canonicalAuditRow(row: AuditRowContent): string {
  const { id, at, user_id, team_id, action, record_type, record_id, ip, changes } = row;
  return canonicalJson({ id, at, user_id, team_id, action, record_type, record_id, ip, changes: changes ?? null });
}

/** One link: SHA-256 (lower-case hex) of the previous link's hash, a line feed, then the row's canonical content. */
export function linkHash(previousHash: string, row: AuditRowContent): string {
  return createHash("sha256")
    .update(`${previousHash}\n${canonicalAuditRow(row)}`, "utf8")
    .digest("hex");
}
