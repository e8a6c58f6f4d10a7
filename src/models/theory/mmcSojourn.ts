// The distribution of the time in system of M/M/c (FIFO): percentiles of the latency, not just
// its mean, so that a p99 target has a theory answer.
import { erlangC } from './erlang';
import { integerAtLeast, nonNegative, positive } from './result';
import { exp, expm1 } from '../../sim/math/index.ts';

/**
 * P(T > t) for the sojourn T = Wq + S of M/M/c with rate lambda, service rate mu, c servers:
 * Wq is 0 with probability 1 - C and Exp(c mu - lambda) with probability C (C = Erlang C), so
 * P(T > t) = e^{-mu t} (1 + C mu g(t)), g(t) = (1 - e^{-d t}) / d, d = (c - 1) mu - lambda
 * (g(t) = t when d = 0). Gross, Shortle, Thompson & Harris (2008), Fundamentals of Queueing
 * Theory, 4th ed., eq. (2.36). Null when unstable (load >= 1).
 */
export function mmcSojournSurvival(lambda: number, mu: number, c: number, t: number): number | null {
  nonNegative('mmcSojournSurvival', 'lambda', lambda);
  positive('mmcSojournSurvival', 'mu', mu);
  integerAtLeast('mmcSojournSurvival', 'c', c, 1);
  nonNegative('mmcSojournSurvival', 't', t);
  if (lambda >= c * mu) return null;
  const C = erlangC(c, lambda / mu);
  const d = (c - 1) * mu - lambda;
  // -expm1(-d t) / d keeps its precision when d is near 0 (the two rates nearly equal).
  const g = d === 0 ? t : -expm1(-d * t) / d;
  return Math.min(1, exp(-mu * t) * (1 + C * mu * g));
}

/** The q-quantile (0 < q < 1) of the M/M/c sojourn time, by bisection to 1e-12 relative; null when unstable. */
export function mmcSojournQuantile(lambda: number, mu: number, c: number, q: number): number | null {
  if (!(q > 0 && q < 1)) throw new RangeError(`mmcSojournQuantile: q must be in (0, 1), got ${q}`);
  const tail = 1 - q;
  if (mmcSojournSurvival(lambda, mu, c, 0) === null) return null;
  let lo = 0;
  let hi = 1 / mu;
  while (mmcSojournSurvival(lambda, mu, c, hi)! > tail) {
    lo = hi;
    hi *= 2;
  }
  while (hi - lo > 1e-12 * hi) {
    const mid = (lo + hi) / 2;
    if (mmcSojournSurvival(lambda, mu, c, mid)! > tail) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
