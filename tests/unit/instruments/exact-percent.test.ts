import { describe, expect, it } from "vitest";
import { changeReachesPercent } from "@/lib/instruments/exact-percent";

// changeReachesPercent answers from floating point away from the threshold and from exact decimals near it.
// Checked here against integer arithmetic on tenths (every value below has one decimal, so ×10 is exact):
// (from − to) / baseline × 100 ≥ percent  ⇔  (F − T) × 100 × 10 ≥ P × B, with F = 10·from etc.

const tenths = (x: number) => Math.round(x * 10);

function reference(from: number, to: number, baseline: number, percent: number): boolean {
  return (tenths(from) - tenths(to)) * 100 * 10 >= tenths(percent) * tenths(baseline);
}

describe("changeReachesPercent", () => {
  it("agrees with integer arithmetic on every pair of one-decimal scores, at the thresholds the instruments use", () => {
    const scores = Array.from({ length: 301 }, (_, i) => Number((i / 3).toFixed(1))); // 0 … 100, in uneven tenths
    let checked = 0;
    let onThreshold = 0;
    for (const percent of [14.1, 30, 50, 20, 35.5]) {
      for (const baseline of [100, 85.9, 57.3, 10, 0.1, 33.3]) {
        for (const to of scores) {
          const expected = reference(baseline, to, baseline, percent);
          expect(changeReachesPercent(baseline, to, baseline, percent), `${baseline} → ${to} at ${percent}%`).toBe(expected);
          if ((tenths(baseline) - tenths(to)) * 1000 === tenths(percent) * tenths(baseline)) onThreshold++;
          checked++;
        }
      }
    }
    expect(checked).toBe(5 * 6 * 301);
    // Exactly on the threshold is where floating point alone errs (100 → 85.9 is 14.1% exactly); the grid has such cases.
    expect(onThreshold).toBeGreaterThan(0);
  });

  it("answers the case that floating point gets wrong: 100 to 85.9 is exactly 14.1%", () => {
    expect(((100 - 85.9) / 100) * 100 >= 14.1).toBe(false);
    expect(changeReachesPercent(100, 85.9, 100, 14.1)).toBe(true);
  });

  it("refuses a number that is not finite", () => {
    expect(() => changeReachesPercent(Number.NaN, 1, 2, 30)).toThrow(RangeError);
    expect(() => changeReachesPercent(Number.POSITIVE_INFINITY, 1, 2, 30)).toThrow(RangeError);
  });
});
