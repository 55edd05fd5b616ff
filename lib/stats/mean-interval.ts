import { tQuantile975 } from "./t-quantile";
import type { Interval } from "./wilson";

/** Summary figures of a sample as the database returns them (count, mean, sample standard deviation). */
export type SampleSummary = { n: number; mean: number | null; sd: number | null };

/** The 95% t interval for a mean: mean ± t(0.975, n−1)·sd/√n. Null with fewer than two values (no spread to estimate). */
export function meanInterval({ n, mean, sd }: SampleSummary): Interval | null {
  if (n < 2 || mean === null || sd === null) return null;
  const half = (tQuantile975(n - 1) * sd) / Math.sqrt(n);
  return { low: mean - half, high: mean + half };
}
