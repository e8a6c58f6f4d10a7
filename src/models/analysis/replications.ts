/**
 * How many replications for a target relative half-width: Law & Kelton, Simulation Modeling and
 * Analysis, 5th ed., §9.4.1, n*(gamma) = min{ i >= n : t_{i-1, 1-alpha/2} sqrt(S^2(n) / i) / |mean| <= gamma },
 * with the mean and S^2(n) of the n replications made so far held fixed. The half-width is
 * decreasing in i, so the minimum is found by doubling then bisection rather than i = n, n+1, ...
 * (Law & Kelton's relative-error guarantee |mean - mu| / |mu| <= gamma uses gamma / (1 + gamma)
 * as the target; pass that for it.)
 */
import { studentTQuantile } from '../../sim/stats/studentT.ts';

export interface ReplicationSample {
  /** mean over the replications so far */
  mean: number;
  /** sample standard deviation (n - 1 denominator) over the replications so far */
  stdDev: number;
  /** replications so far, integer >= 2 */
  n: number;
}

export interface ReplicationAdvice {
  /** total replications needed (>= n), or null when no number reaches the target (mean 0, or more than 1e9) */
  replications: number | null;
  /** replications still to run: replications - n, or null */
  additional: number | null;
  /** the predicted half-width with `replications` replications (null when replications is null) */
  halfWidth: number | null;
  /** halfWidth / |mean| (null when replications is null) */
  relativeHalfWidth: number | null;
  /** the half-width with the n replications made so far */
  currentHalfWidth: number;
  /** currentHalfWidth / |mean| (null when the mean is 0) */
  currentRelativeHalfWidth: number | null;
  /** the target relative half-width and confidence level used */
  target: number;
  level: number;
  /** why replications is null, else null */
  reason: string | null;
}

const LIMIT = 1e9;

/** Replications needed so that the CI half-width is at most `targetRelativeHalfWidth` * |mean|. */
export function replicationsNeeded(
  sample: ReplicationSample,
  targetRelativeHalfWidth: number,
  level = 0.95,
): ReplicationAdvice {
  const { mean, stdDev, n } = sample;
  if (!Number.isFinite(mean)) throw new Error(`replicationsNeeded: mean must be a finite number, got ${mean}`);
  if (!(Number.isFinite(stdDev) && stdDev >= 0)) throw new Error(`replicationsNeeded: stdDev must be a finite number >= 0, got ${stdDev}`);
  if (!(Number.isInteger(n) && n >= 2)) throw new Error(`replicationsNeeded: n must be an integer >= 2, got ${n}`);
  if (!(targetRelativeHalfWidth > 0 && Number.isFinite(targetRelativeHalfWidth))) {
    throw new Error(`replicationsNeeded: targetRelativeHalfWidth must be a finite number > 0, got ${targetRelativeHalfWidth}`);
  }
  if (!(level > 0 && level < 1)) throw new Error(`replicationsNeeded: level must be in (0, 1), got ${level}`);

  const p = 0.5 + level / 2;
  const halfWidth = (i: number): number => (stdDev === 0 ? 0 : (studentTQuantile(p, i - 1) * stdDev) / Math.sqrt(i));
  const current = halfWidth(n);
  const base = { currentHalfWidth: current, target: targetRelativeHalfWidth, level };
  const absMean = Math.abs(mean);
  const none = (reason: string): ReplicationAdvice => ({
    replications: null,
    additional: null,
    halfWidth: null,
    relativeHalfWidth: null,
    currentRelativeHalfWidth: absMean > 0 ? current / absMean : null,
    ...base,
    reason,
  });
  const done = (i: number): ReplicationAdvice => ({
    replications: i,
    additional: i - n,
    halfWidth: halfWidth(i),
    relativeHalfWidth: absMean > 0 ? halfWidth(i) / absMean : 0,
    currentRelativeHalfWidth: absMean > 0 ? current / absMean : 0,
    ...base,
    reason: null,
  });
  if (stdDev === 0) return done(n);
  if (absMean === 0) return none('the mean is 0, so a relative half-width is undefined');
  const goal = targetRelativeHalfWidth * absMean;
  if (current <= goal) return done(n);
  let lo = n; // halfWidth(lo) > goal
  let hi = 2 * n;
  while (halfWidth(hi) > goal) {
    lo = hi;
    hi *= 2;
    if (hi > LIMIT) return none(`more than ${LIMIT} replications would be needed`);
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (halfWidth(mid) <= goal) hi = mid;
    else lo = mid;
  }
  return done(hi);
}
