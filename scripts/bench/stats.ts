// Latency figures from a list of samples. Pure.

export type LatencySummary = { count: number; p50Ms: number; p95Ms: number; p99Ms: number; meanMs: number };

/** The nearest-rank percentile (p in 0..100) of samples; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarise(samples: readonly number[]): LatencySummary {
  const round = (value: number) => Math.round(value * 10) / 10;
  const mean = samples.length ? samples.reduce((a, b) => a + b, 0) / samples.length : Number.NaN;
  return {
    count: samples.length,
    p50Ms: round(percentile(samples, 50)),
    p95Ms: round(percentile(samples, 95)),
    p99Ms: round(percentile(samples, 99)),
    meanMs: round(mean),
  };
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** The sql;dur= value (ms) of a Server-Timing header, or null when there is none. */
export function sqlMsFromServerTiming(header: string | null): number | null {
  if (!header) return null;
  const match = /(?:^|,)\s*sql;(?:[^,]*;)?\s*dur=([\d.]+)/.exec(header);
  return match ? Number(match[1]) : null;
}
