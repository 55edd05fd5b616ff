// Wilson score interval for a proportion (Wilson 1927; method 3 in Newcombe 1998, Stat Med 17:857-872).
// Unlike the simple p ± 1.96·SE interval it stays inside 0–1 and behaves at 0/n and n/n.
import { Z_975 } from "./normal";

export type Interval = { low: number; high: number };

/** The 95% Wilson interval for `successes` of `trials`; null when there are no trials. */
export function wilsonInterval(successes: number, trials: number): Interval | null {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || successes > trials) {
    throw new RangeError(`Wilson interval needs whole numbers with 0 ≤ successes ≤ trials; got ${successes} of ${trials}.`);
  }
  if (trials === 0) return null;
  const p = successes / trials;
  const z2 = Z_975 * Z_975;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (Z_975 / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  // At 0/n and n/n the formula gives the bound 0 or 1 up to floating-point error; state it exactly.
  return { low: successes === 0 ? 0 : centre - half, high: successes === trials ? 1 : centre + half };
}
