import { Z_975 } from "./normal";

// Student's t, 97.5th percentile, for 1–30 degrees of freedom (scipy.stats.t.ppf(0.975, df), 9 decimals).
const T_975_TABLE = [
  12.706204736, 4.30265273, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252, 2.306004135, 2.262157163, 2.228138852,
  2.20098516, 2.17881283, 2.160368656, 2.144786688, 2.131449546, 2.119905299, 2.109815578, 2.10092204, 2.093024054, 2.085963447,
  2.079613845, 2.073873068, 2.06865761, 2.063898562, 2.059538553, 2.055529439, 2.051830516, 2.048407142, 2.045229642, 2.042272456,
] as const;

/**
 * t(0.975, df): the multiplier of a two-sided 95% interval for a mean. Exact table for df 1–30; beyond,
 * the Cornish–Fisher expansion of t around the normal quantile (Abramowitz & Stegun 26.7.5), which
 * is within 1e-6 of the exact value from df 30 on.
 */
export function tQuantile975(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`Degrees of freedom must be a whole number ≥ 1; got ${df}.`);
  if (df <= T_975_TABLE.length) return T_975_TABLE[df - 1];
  const z = Z_975;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3) +
    (79 * z ** 9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df ** 4)
  );
}
