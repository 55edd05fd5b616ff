import { describe, expect, it } from "vitest";
import { archiveKindOf, backupFileName } from "@/db/backup/archive";

describe("backup archive names", () => {
  it("carry the kind and the UTC date and time, without characters a file system refuses", () => {
    const at = new Date("2026-03-04T05:06:07.890Z");
    expect(backupFileName("pglite", at)).toBe("yardstick-pglite-2026-03-04T05-06-07Z.tar.gz");
    expect(backupFileName("postgres", at)).toBe("yardstick-postgres-2026-03-04T05-06-07Z.dump");
  });

  it("sort by date", () => {
    const names = ["2026-12-01T00:00:00Z", "2026-02-10T23:59:59Z", "2025-12-31T12:00:00Z"].map((d) =>
      backupFileName("postgres", new Date(d)),
    );
    expect([...names].sort()).toEqual([names[2], names[1], names[0]]);
  });
});

describe("recognising an archive by its first bytes", () => {
  const bytes = (...values: number[]) => new Uint8Array(values);
  it("a gzip'd tar is PGlite's dump; PGDMP is pg_dump's custom format", () => {
    expect(archiveKindOf(bytes(0x1f, 0x8b, 0x08, 0))).toBe("pglite");
    expect(archiveKindOf(new TextEncoder().encode("PGDMP\u0001\u000e"))).toBe("postgres");
  });
  it("anything else, or too few bytes, is not a backup", () => {
    expect(archiveKindOf(new TextEncoder().encode("-- PostgreSQL database dump"))).toBeNull();
    expect(archiveKindOf(bytes(0x1f))).toBeNull();
    expect(archiveKindOf(new TextEncoder().encode("PGDM"))).toBeNull();
    expect(archiveKindOf(bytes())).toBeNull();
  });
});
