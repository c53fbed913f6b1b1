/** Summary of a sample: median, p10/p90, p99, min/max (nearest-rank percentiles). */
export interface Stats {
  n: number;
  median: number;
  p10: number;
  p90: number;
  p99: number;
  min: number;
  max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    n: sorted.length,
    median: round(percentile(sorted, 50)),
    p10: round(percentile(sorted, 10)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    min: round(sorted[0] ?? Number.NaN),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

export const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;

/** `123.4 ms (p10–p90 110.0–130.2)` */
export function fmt(s: Stats, unit = 'ms'): string {
  return `${s.median} ${unit} (p10–p90 ${s.p10}–${s.p90})`;
}
