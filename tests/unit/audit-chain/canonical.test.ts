import { describe, expect, it } from "vitest";
import { type AuditRowContent, GENESIS_HASH, canonicalAuditRow, canonicalJson, linkHash } from "@/lib/audit-chain/canonical";

const row: AuditRowContent = {
  team_id: "0b8f3e3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
  id: "42",
  user_id: null,
  at: "2026-11-28T21:05:03.123456Z",
  action: "update",
  record_type: "patient",
  record_id: "7f0c1e52-8a57-4d55-9a3e-3f6a2b1c0d9e",
  ip: "203.0.113.9",
  changes: [{ old: "a", new: "b", field: "notes" }],
};

const CANONICAL =
  '{"action":"update","at":"2026-11-28T21:05:03.123456Z","changes":[{"field":"notes","new":"b","old":"a"}],"id":"42","ip":"203.0.113.9",' +
  '"record_id":"7f0c1e52-8a57-4d55-9a3e-3f6a2b1c0d9e","record_type":"patient","team_id":"0b8f3e3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b","user_id":null}';

describe("canonical content of an audit row", () => {
  it("is JSON without whitespace, keys sorted at every depth, nulls kept, array order kept", () => {
    expect(canonicalAuditRow(row)).toBe(CANONICAL);
  });

  it("does not depend on the order the fields or nested keys arrive in", () => {
    const reordered = Object.fromEntries(Object.entries(row).reverse()) as AuditRowContent;
    reordered.changes = [{ field: "notes", new: "b", old: "a" }];
    expect(canonicalAuditRow(reordered)).toBe(CANONICAL);
  });

  it("keeps exactly the nine fields: extra properties (e.g. chain columns read alongside) are not hashed", () => {
    expect(canonicalAuditRow({ ...row, seq: "3", hash: "x" } as AuditRowContent)).toBe(CANONICAL);
  });

  it("writes a missing `changes` as null, strings escaped as JSON, numbers as JavaScript writes them", () => {
    expect(canonicalAuditRow({ ...row, changes: undefined })).toContain('"changes":null');
    expect(canonicalJson({ b: 'quote " and \\ and \n', a: [12.5, 0, -3, true, null], é: "ünï" })).toBe(
      '{"a":[12.5,0,-3,true,null],"b":"quote \\" and \\\\ and \\n","é":"ünï"}',
    );
  });

  it("refuses values JSON cannot carry exactly instead of dropping them", () => {
    expect(() => canonicalJson({ a: undefined })).toThrow(TypeError);
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow(TypeError);
    expect(() => canonicalJson(10n)).toThrow(TypeError);
  });

  it("tells apart values that differ only in type or by a microsecond", () => {
    expect(canonicalJson({ a: "1" })).not.toBe(canonicalJson({ a: 1 }));
    expect(canonicalAuditRow({ ...row, at: "2026-11-28T21:05:03.123457Z" })).not.toBe(CANONICAL);
  });
});

describe("a link's hash", () => {
  it("is SHA-256 in lower-case hex of the previous hash, a line feed and the canonical content (worked with sha256sum)", () => {
    // printf '%s\n%s' "$(printf '0%.0s' {1..64})" "$CANONICAL" | sha256sum
    expect(linkHash(GENESIS_HASH, row)).toBe("cc5af50a697a43cb7cc1e416773f5281eb47ab7c37d8ac8eb2d0545a21b472e1");
  });

  it("changes with the previous link, so a link cannot be moved elsewhere in the chain", () => {
    expect(linkHash("f".repeat(64), row)).not.toBe(linkHash(GENESIS_HASH, row));
  });
});
