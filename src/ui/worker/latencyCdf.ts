// The empirical CDF of end-to-end latency, read off the core's pooled LogHistogram (the same
// bins summarise() takes its p50 / p95 / p99 from): one step per non-empty bin, at the bin's
// upper edge, so the curve is exact to the histogram's 0.5% bin width.
import type { LogHistogram } from '../../sim/stats/logHistogram.ts';

export interface LatencyCdf {
  /** Latency (s) at the top of each non-empty bin, ascending. */
  x: number[];
  /** Fraction of messages with latency <= x. */
  p: number[];
  count: number;
  min: number;
  max: number;
  /** Relative width of a bin (the quantiles' stated error). */
  relativeError: number;
}

export function latencyCdf(h: LogHistogram): LatencyCdf | null {
  if (h.count === 0) return null;
  const growth = 1 + 2 * h.relativeError;
  const x: number[] = [h.min];
  const p: number[] = [h.underflow / h.count];
  let seen = h.underflow;
  for (let i = 0; i < h.counts.length; i++) {
    if (h.counts[i] === 0) continue;
    const edge = h.lowest * Math.pow(growth, i + 1);
    seen += h.counts[i];
    x.push(Math.min(edge, h.max));
    p.push(seen / h.count);
  }
  return { x, p, count: h.count, min: h.min, max: h.max, relativeError: h.relativeError };
}
