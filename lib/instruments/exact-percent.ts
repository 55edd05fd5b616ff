// Threshold comparisons are done on the decimal values as entered, not in binary floating point:
// (100 - 85.9) / 100 * 100 evaluates to 14.099999999999994, which would put a patient who reached
// the FIQ MCID of exactly 14.1% below it.

type Scaled = { digits: bigint; scale: number }; // value = digits / 10^scale

function toScaled(x: number): Scaled {
  // String(x) is the shortest decimal that reads back as x, i.e. the value the clinician typed.
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!match) throw new RangeError(`Not a finite number: ${x}`);
  const [, sign, whole, fraction = "", exponent = "0"] = match;
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(sign + whole + fraction);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}

/** Exactly whether (from - to) / baseline * 100 >= percent. Requires finite numbers and baseline > 0. */
export function changeReachesPercent(from: number, to: number, baseline: number, percent: number): boolean {
  // Away from the threshold, floating point gives the same answer: its error here is within about 1e-15 of the
  // operands' size, and the margin is a million times that. Only near the threshold (14.1% from 85.9) do the
  // exact decimals decide. NaN or an infinity fails both tests and reaches toScaled, which refuses it.
  const approximate = ((from - to) * 100) / baseline;
  const margin = 1e-9 * (((Math.abs(from) + Math.abs(to)) * 100) / baseline + Math.abs(percent));
  if (approximate > percent + margin) return true;
  if (approximate < percent - margin) return false;
  const values = [from, to, baseline, percent].map(toScaled);
  const scale = Math.max(...values.map((value) => value.scale));
  const [f, t, b, p] = values.map((value) => value.digits * 10n ** BigInt(scale - value.scale));
  // All four now share the denominator 10^scale, so the inequality becomes (f - t) * 100 * 10^scale >= p * b.
  return (f - t) * 100n * 10n ** BigInt(scale) >= p * b;
}
