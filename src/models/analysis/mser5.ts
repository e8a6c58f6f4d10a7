/**
 * MSER-5 warm-up detection: K. P. White Jr., "An effective truncation heuristic for bias reduction
 * in simulation output", Simulation 69(6):323-334, 1997; batches of 5 from Spratt (1998); see
 * Franklin & White, "Stationarity tests and MSER-5", WSC 2008. On the batch means Z_1..Z_k of
 * 5 consecutive points, the statistic for truncating the first d batches is
 *     MSER(d) = sum_{j > d} (Z_j - mean(Z_{d+1..k}))^2 / (k - d)^2,
 * the squared half-width of the truncated mean's marginal confidence interval, up to a constant.
 * The warm-up is the d minimising it over the first half of the batches. As in kim-convergence's
 * mser_m, the last few batches are never candidates (the statistic of a handful of near-equal
 * points is spuriously small); a minimum in the second half means the run is too short to tell.
 */

export interface Mser5Options {
  /** points per batch (default 5: MSER-5) */
  batchSize?: number;
  /** batches at the end never considered as truncation points (default max(1, min(5, floor(k / 4)))) */
  ignoreEnd?: number;
}

export interface Mser5Result {
  /** index of the first point kept (a multiple of the batch size) */
  warmupIndex: number;
  /** warmupIndex * dt: the warm-up in the series' time unit (series[i] is at time i * dt) */
  warmupTime: number;
  /** number of batches k (the last n mod batchSize points are not used) */
  batches: number;
  /** points per batch */
  batchSize: number;
  /** MSER(d) at the chosen truncation */
  statistic: number;
  /** MSER(d) for d = 0..k - ignoreEnd - 1 batches truncated */
  curve: Float64Array;
  /** true when the overall minimum lies in the second half: the run is too short for MSER to find the end of the transient */
  truncatedTooMuch: boolean;
}

/** MSER-5 truncation point of a series sampled every dt (e.g. the replication-averaged Q(t)). */
export function mser5(series: ArrayLike<number>, dt: number, options: Mser5Options = {}): Mser5Result {
  const b = options.batchSize ?? 5;
  if (!(Number.isInteger(b) && b >= 1)) throw new Error(`mser5: batchSize must be an integer >= 1, got ${b}`);
  if (!(Number.isFinite(dt) && dt > 0)) throw new Error(`mser5: dt must be a finite number > 0, got ${dt}`);
  const n = series.length;
  const k = Math.floor(n / b);
  if (k < 4) throw new Error(`mser5: series needs at least ${4 * b} points (4 batches of ${b}), got ${n}`);
  for (let i = 0; i < k * b; i++) {
    if (!Number.isFinite(series[i])) throw new Error(`mser5: series[${i}] must be a finite number, got ${series[i]}`);
  }
  const ignoreEnd = options.ignoreEnd ?? Math.max(1, Math.min(5, Math.floor(k / 4)));
  if (!(Number.isInteger(ignoreEnd) && ignoreEnd >= 1 && ignoreEnd < k)) {
    throw new Error(`mser5: ignoreEnd must be an integer in [1, ${k - 1}], got ${ignoreEnd}`);
  }

  const z = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let i = j * b; i < (j + 1) * b; i++) s += series[i];
    z[j] = s / b;
  }
  // Suffix statistics by Welford's update run backwards, so every MSER(d) is O(1) and stable.
  const stat = new Float64Array(k);
  let mean = 0;
  let m2 = 0;
  for (let d = k - 1; d >= 0; d--) {
    const m = k - d;
    const delta = z[d] - mean;
    mean += delta / m;
    m2 += delta * (z[d] - mean);
    stat[d] = m2 / (m * m);
  }
  const candidates = k - ignoreEnd;
  const curve = stat.slice(0, candidates);
  const half = Math.floor(k / 2);
  let best = 0;
  let overall = 0;
  for (let d = 1; d < candidates; d++) {
    if (d <= half && curve[d] < curve[best]) best = d;
    if (curve[d] < curve[overall]) overall = d;
  }
  return {
    warmupIndex: best * b,
    warmupTime: best * b * dt,
    batches: k,
    batchSize: b,
    statistic: curve[best],
    curve,
    truncatedTooMuch: overall > half,
  };
}
