import { describe, expect, it } from "vitest";
import { parseImportLine } from "@/scripts/bench/csv-import";
import { parseFlags } from "@/scripts/bench/flags";
import { benchOptions } from "@/scripts/bench/options";
import { percentile, sqlMsFromServerTiming, summarise } from "@/scripts/bench/stats";

describe("benchmark percentiles (nearest rank)", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose
  it("gives the value at each rank", () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
  });
  it("uses the one sample of a single-sample run for every percentile, and NaN for none", () => {
    expect(summarise([7])).toMatchObject({ count: 1, p50Ms: 7, p95Ms: 7, p99Ms: 7, meanMs: 7 });
    expect(Number.isNaN(percentile([], 50))).toBe(true);
  });
  it("rounds to a tenth of a millisecond", () => {
    expect(summarise([1.04, 1.06])).toMatchObject({ p50Ms: 1, p99Ms: 1.1, meanMs: 1.1 });
  });
});

describe("reading the SQL time from Server-Timing", () => {
  it("finds sql;dur= alone or among other metrics", () => {
    expect(sqlMsFromServerTiming('sql;dur=12.5;desc="3 queries"')).toBe(12.5);
    expect(sqlMsFromServerTiming("cache;desc=hit, sql;dur=0.4")).toBe(0.4);
  });
  it("is null without the header or without an sql metric", () => {
    expect(sqlMsFromServerTiming(null)).toBeNull();
    expect(sqlMsFromServerTiming("db;dur=5")).toBeNull();
  });
});

describe("the import CLI's closing line", () => {
  it("is read from the last line only", () => {
    expect(parseImportLine("checking...\nimported 100000 rows in 4.2 s (23809.5 rows/s)\n")).toEqual({
      rows: 100000,
      seconds: 4.2,
      rowsPerSecond: 23809.5,
    });
    expect(parseImportLine("imported 5 rows in 1 s (5 rows/s)\nsomething else")).toBeNull();
  });
});

describe("benchmark flags", () => {
  it("reads values, switches and --name=value", () => {
    expect(
      parseFlags(["--patients", "10", "--skip-pglite", "--out=x.json"], { patients: "number", "skip-pglite": "boolean", out: "string" }),
    ).toEqual({
      patients: 10,
      "skip-pglite": true,
      out: "x.json",
    });
  });
  it("refuses unknown flags and numbers that are not whole", () => {
    expect(() => parseFlags(["--patiens", "1"], { patients: "number" })).toThrow(/Unknown argument "--patiens"/);
    expect(() => parseFlags(["--patients", "1.5"], { patients: "number" })).toThrow(/--patients must be a whole number/);
    expect(() => parseFlags(["--patients"], { patients: "number" })).toThrow(/--patients needs a value/);
  });
  it("defaults to issue 12's sizes, and --tiny to a small run that sizes flags still override", () => {
    expect(benchOptions([])).toMatchObject({
      patients: 20_000,
      assessments: 1_000_000,
      teams: 20,
      pglitePatients: 2_000,
      pgliteAssessments: 100_000,
      connections: 10,
      importRows: 100_000,
    });
    expect(benchOptions(["--tiny", "--patients", "300"])).toMatchObject({ tiny: true, patients: 300, assessments: 5_000, seconds: 2 });
    expect(() => benchOptions(["--skip-postgres", "--skip-pglite"])).toThrow(/leave nothing to measure/);
  });
});
