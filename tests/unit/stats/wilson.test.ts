import { describe, expect, it } from "vitest";
import { wilsonInterval } from "@/lib/stats";

// Worked examples: Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of
// seven methods. Stat Med 1998;17:857-872, Table I, method 3 (Wilson score interval), 4 decimals.
describe("Wilson 95% interval", () => {
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    [29, 29, 0.883, 1],
  ])("%i of %i → %f to %f (Newcombe 1998)", (x, n, low, high) => {
    const interval = wilsonInterval(x, n)!;
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  it("is exactly 0 at the bottom for 0/n and exactly 1 at the top for n/n", () => {
    expect(wilsonInterval(0, 7)!.low).toBe(0);
    expect(wilsonInterval(7, 7)!.high).toBe(1);
    expect(wilsonInterval(0, 7)!.high).toBeLessThan(1);
    expect(wilsonInterval(7, 7)!.low).toBeGreaterThan(0);
  });

  it("has no interval without trials", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it("refuses counts that are not a proportion", () => {
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 2)).toThrow(RangeError);
  });
});
