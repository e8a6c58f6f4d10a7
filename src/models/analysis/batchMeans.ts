/**
 * Batch-means confidence interval for the steady-state mean from one long (warm-up removed)
 * replication: split it into b batches of equal size, treat the batch means as approximately
 * independent normal, and use Student t with b - 1 degrees of freedom (Law & Kelton, Simulation
 * Modeling and Analysis, 5th ed., §9.5.3). The lag-1 autocorrelation of the batch means checks
 * the independence assumption.
 *
 * `batches: 'auto'` first finds the batch size m1 at which the batch means look uncorrelated:
 * starting from many batches (10 * 2^j, at most 1280, at least one value each), it halves their
 * number while the lag-1 autocorrelation of the batch means is significant at 5% (r1 > 1.645 /
 * sqrt(b); under independence r1 is about N(0, 1/b)). A test on many batches only detects
 * correlations of a few percent, which still shrink the interval, so it then uses batches 8 times
 * larger, between 10 and 40 of them: the scheme of Law & Carson ("A sequential procedure for
 * determining the length of a steady-state simulation", Oper. Res. 27(5), 1979: test on many
 * small batches, estimate on few large ones); Schmeiser ("Batch size effects in the analysis of
 * simulation output", Oper. Res. 30(3), 1982) found little gain beyond 10 to 30 batches.
 */
import { studentTQuantile } from '../../sim/stats/studentT.ts';

export interface BatchMeansOptions {
  /** number of batches (integer >= 2), or 'auto' (default 20) */
  batches?: number | 'auto';
  /** confidence level of `ci` and `halfWidth` (default 0.95) */
  level?: number;
}

export interface BatchMeansResult {
  /** mean of the observations used (= mean of the batch means) */
  mean: number;
  /** half-width of the confidence interval at `level` */
  halfWidth: number;
  /** [mean - halfWidth, mean + halfWidth] at `level` */
  ci: [number, number];
  /** the 95% interval, whatever `level` is (DESIGN.md's ci95) */
  ci95: [number, number];
  level: number;
  /** number of batches b */
  batches: number;
  /** observations per batch */
  batchSize: number;
  /** observations used: b * batchSize (the first n - used are dropped, the end of the run is kept) */
  used: number;
  /** standard deviation of the batch means */
  batchStdDev: number;
  /** lag-1 autocorrelation of the batch means */
  lag1: number;
  /** human-readable warnings, e.g. when lag1 > 0.2 */
  warnings: string[];
}

interface BatchStats {
  means: Float64Array;
  mean: number;
  sd: number;
  lag1: number;
}

function batchStats(means: Float64Array): BatchStats {
  const b = means.length;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < b; i++) {
    const delta = means[i] - mean;
    mean += delta / (i + 1);
    m2 += delta * (means[i] - mean);
  }
  let cross = 0;
  for (let i = 0; i + 1 < b; i++) cross += (means[i] - mean) * (means[i + 1] - mean);
  return { means, mean, sd: Math.sqrt(m2 / (b - 1)), lag1: m2 > 0 ? cross / m2 : 0 };
}

function batchOf(values: ArrayLike<number>, b: number, size: number, skip: number): Float64Array {
  const means = new Float64Array(b);
  for (let j = 0; j < b; j++) {
    let s = 0;
    const from = skip + j * size;
    for (let i = from; i < from + size; i++) s += values[i];
    means[j] = s / size;
  }
  return means;
}

/** The number of batches chosen by `batches: 'auto'` (see the file comment). */
function autoBatches(values: ArrayLike<number>): number {
  const n = values.length;
  let b = 10;
  while (b * 2 <= Math.min(n, 1280)) b *= 2;
  let stats = batchStats(batchOf(values, b, Math.floor(n / b), n - b * Math.floor(n / b)));
  while (b > 10 && stats.lag1 > 1.645 / Math.sqrt(b)) {
    // Merge neighbouring batches (b is even here), keeping the same observations.
    const merged = new Float64Array(b / 2);
    for (let j = 0; j < b / 2; j++) merged[j] = 0.5 * (stats.means[2 * j] + stats.means[2 * j + 1]);
    b /= 2;
    stats = batchStats(merged);
  }
  return Math.max(10, Math.min(40, b / 8));
}

/** Batch-means confidence interval for the mean of one long replication. */
export function batchMeansCI(values: ArrayLike<number>, options: BatchMeansOptions = {}): BatchMeansResult {
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new Error(`batchMeansCI: level must be in (0, 1), got ${level}`);
  const requested = options.batches ?? 20;
  const n = values.length;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(values[i])) throw new Error(`batchMeansCI: values[${i}] must be a finite number, got ${values[i]}`);
  }
  let b: number;
  if (requested === 'auto') {
    if (n < 10) throw new Error(`batchMeansCI: batches 'auto' needs at least 10 values, got ${n}`);
    b = autoBatches(values);
  } else {
    if (!(Number.isInteger(requested) && requested >= 2)) {
      throw new Error(`batchMeansCI: batches must be an integer >= 2 or 'auto', got ${requested}`);
    }
    if (n < requested) throw new Error(`batchMeansCI: needs at least one value per batch: ${requested} batches, got ${n} values`);
    b = requested;
  }
  const size = Math.floor(n / b);
  const skip = n - b * size;
  const stats = batchStats(batchOf(values, b, size, skip));
  const se = stats.sd / Math.sqrt(b);
  const halfWidth = studentTQuantile(0.5 + level / 2, b - 1) * se;
  const half95 = studentTQuantile(0.975, b - 1) * se;
  const warnings: string[] = [];
  if (stats.lag1 > 0.2) {
    warnings.push(
      `batch means are correlated (lag-1 autocorrelation ${stats.lag1.toFixed(3)} > 0.2): the batches are too short and the interval too narrow; run longer or use fewer batches`,
    );
  }
  return {
    mean: stats.mean,
    halfWidth,
    ci: [stats.mean - halfWidth, stats.mean + halfWidth],
    ci95: [stats.mean - half95, stats.mean + half95],
    level,
    batches: b,
    batchSize: size,
    used: b * size,
    batchStdDev: stats.sd,
    lag1: stats.lag1,
    warnings,
  };
}
