import { describe, expect, it } from "vitest";
import { meanInterval, tQuantile975 } from "@/lib/stats";

describe("t quantile (0.975)", () => {
  // Reference values: scipy.stats.t.ppf(0.975, df); the familiar printed table gives 12.706, 2.571, 2.228, 2.042.
  it.each([
    [1, 12.706204736],
    [5, 2.570581836],
    [10, 2.228138852],
    [30, 2.042272456],
  ])("df %i → %f (table)", (df, expected) => {
    expect(tQuantile975(df)).toBeCloseTo(expected, 9);
  });

  it.each([
    [31, 2.039513446],
    [40, 2.02107539],
    [60, 2.000297822],
    [120, 1.979930405],
    [1000, 1.962339081],
  ])("df %i → %f (expansion beyond the table, within 1e-6)", (df, expected) => {
    expect(Math.abs(tQuantile975(df) - expected)).toBeLessThan(1e-6);
  });

  it("refuses degrees of freedom below 1 or not whole", () => {
    expect(() => tQuantile975(0)).toThrow(RangeError);
    expect(() => tQuantile975(2.5)).toThrow(RangeError);
  });
});

describe("95% interval of a mean", () => {
  it("changes −2, −1, −3, 0, −4, −2: mean −2, SD √2, interval −3.4841 to −0.5159 (worked by hand with t(5) = 2.5706)", () => {
    const interval = meanInterval({ n: 6, mean: -2, sd: Math.SQRT2 })!;
    expect(interval.low).toBeCloseTo(-3.484126, 5);
    expect(interval.high).toBeCloseTo(-0.515874, 5);
  });

  it("has no interval for fewer than two values", () => {
    expect(meanInterval({ n: 1, mean: -2, sd: null })).toBeNull();
    expect(meanInterval({ n: 0, mean: null, sd: null })).toBeNull();
  });
});
