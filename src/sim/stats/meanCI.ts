import { tCritical95 } from './studentT.ts';

/** A mean over replications with its 95% Student-t confidence interval (null for one value). */
export interface MeanCI {
  /** null when no replication produced a value (e.g. a wait in a queue nothing reached). */
  mean: number | null;
  ci95: [number, number] | null;
}

/** Mean and 95% CI of per-replication values; non-finite values (no data) are left out. */
export function meanCI(values: readonly number[]): MeanCI {
  const xs = values.filter(Number.isFinite);
  const n = xs.length;
  if (n === 0) return { mean: null, ci95: null };
  // Welford's update: stable for values with a large common offset.
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i] - mean;
    mean += d / (i + 1);
    m2 += d * (xs[i] - mean);
  }
  if (n < 2) return { mean, ci95: null };
  const half = tCritical95(n - 1) * Math.sqrt(m2 / (n - 1) / n);
  return { mean, ci95: [mean - half, mean + half] };
}
