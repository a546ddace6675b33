/** Delays in whole days, summarized the way the timeliness report gives them. */
export interface DelayFigures {
  /** How many payable days the figures are over. */
  days: number;
  /** Nearest-rank percentiles (the smallest delay at or below which that share of the days falls); null with no day. */
  p50: number | null;
  p90: number | null;
  max: number | null;
}

/**
 * Nearest-rank percentile of sorted whole numbers: the value at rank ⌈p·n/100⌉ (1-based). Integers only, so
 * a figure is one of the delays actually observed and a reader can check it by counting.
 */
export function nearestRank(sorted: readonly number[], percent: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.floor((percent * sorted.length + 99) / 100);
  return sorted[Math.max(1, rank) - 1];
}

export function delayFigures(delays: readonly number[]): DelayFigures {
  const sorted = [...delays].sort((a, b) => a - b);
  return { days: sorted.length, p50: nearestRank(sorted, 50), p90: nearestRank(sorted, 90), max: sorted.length === 0 ? null : sorted[sorted.length - 1] };
}

export const DELAY_BUCKETS = ['0-7', '8-14', '15-30', '31-60', '61-90', '>90'] as const;
export type DelayBucket = (typeof DELAY_BUCKETS)[number];

export function delayBucket(days: number): DelayBucket {
  if (days <= 7) return '0-7';
  if (days <= 14) return '8-14';
  if (days <= 30) return '15-30';
  if (days <= 60) return '31-60';
  if (days <= 90) return '61-90';
  return '>90';
}
