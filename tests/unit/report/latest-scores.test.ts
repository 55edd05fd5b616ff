import { describe, expect, it } from "vitest";
import { latestScorePerInstrument } from "@/lib/report/latest-scores";
import { formatPrintedAt } from "@/lib/report/printed-at";

describe("the report's latest score per instrument", () => {
  it("takes each instrument's newest score, the last entered when two share a day, in the registry's order", () => {
    const latest = latestScorePerInstrument([
      { instrumentId: "pain_nrs_0_10", takenOn: "2026-01-05", totalScore: 7 },
      { instrumentId: "fiqr", takenOn: "2026-01-05", totalScore: 60 },
      { instrumentId: "pain_nrs_0_10", takenOn: "2026-02-01", totalScore: 5 },
      { instrumentId: "fiqr", takenOn: "2026-02-10", totalScore: 48.5 },
      { instrumentId: "fiqr", takenOn: "2026-02-10", totalScore: 44 },
    ]);
    expect(latest).toEqual([
      { instrumentId: "fiqr", instrumentName: "FIQR", total: 44, max: 100, takenOn: "2026-02-10" },
      { instrumentId: "pain_nrs_0_10", instrumentName: expect.any(String), total: 5, max: 10, takenOn: "2026-02-01" },
    ]);
  });

  it("lists nothing for a patient without scores", () => {
    expect(latestScorePerInstrument([])).toEqual([]);
  });
});

describe("the report's printing time", () => {
  it("is written to the minute in UTC, whatever the server's zone", () => {
    expect(formatPrintedAt(new Date("2026-11-28T19:52:41.123Z"))).toBe("2026-11-28 19:52 UTC");
    expect(formatPrintedAt(new Date("2026-11-29T00:30:00+02:00"))).toBe("2026-11-28 22:30 UTC");
  });
});
