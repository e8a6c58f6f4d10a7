/**
 * Where to cut an unbounded M/M/c queue so that the transient from n0 over [0, T] loses at most
 * epsilon. The truncated chain (no births out of level N) and the true one coincide until the
 * true one first reaches N + 1, so the total-variation error at any t <= T is at most
 * P(reach N + 1 before T). Two bounds on that probability, the smaller one is used:
 *
 *  - arrivals: the queue can only climb through arrivals, so P <= P(Poisson(lambda T) > N - n0);
 *  - stationarity (stable queues, rho = lambda / (c mu) < 1): a birth-death chain is stochastically
 *    monotone, so the chain from n0 is dominated by the stationary chain conditioned on X0 >= n0;
 *    for the stationary chain, P(reach N + 1 in [0, T]) <= pi(>= N + 1) + lambda pi(N) T (start
 *    above, or at least one up-crossing of N -> N + 1, whose expected number is lambda pi(N) T).
 *    Hence P <= (pi(>= N + 1) + lambda T pi(N)) / pi(>= n0), with a geometric tail above c.
 */
import { logGamma } from '../../sim/stats/special.ts';
import type { BirthDeathQueue } from './birthDeath.ts';
import { exp, log, log1p } from '../../sim/math/index.ts';

export interface Truncation {
  /** the top state N of the truncated chain */
  level: number;
  /** upper bound on the total-variation distance between the truncated and the true transient, for t <= T */
  massBound: number;
}

/** Upper bound on P(Poisson(m) >= k) for k > m - 1 (geometric bound on the ratios m/(j+1)); 1 otherwise. */
function logPoissonUpperTailBound(m: number, k: number): number {
  if (m === 0) return k <= 0 ? 0 : -Infinity;
  const r = m / (k + 1);
  if (k <= 0 || r >= 1) return 0;
  return -m + k * log(m) - logGamma(k + 1) - log1p(-r);
}

interface Bounds {
  /** log of the arrivals bound at level N */
  arrivals: (N: number) => number;
  /** log of the stationarity bound at level N >= c (stable queues; else log 1 = 0) */
  stationary: (N: number) => number;
  /** smallest N >= start with stationary(N) <= log epsilon (Infinity for unstable queues) */
  stationaryLevel: (logEps: number) => number;
  /** lowest level allowed: max(n0, c, 1) */
  start: number;
}

function bounds(q: BirthDeathQueue, n0: number, horizon: number): Bounds {
  const { lambda, mu, servers: c } = q;
  const start = Math.max(n0, c, 1);
  const m = lambda * horizon;
  const arrivals = (N: number): number => logPoissonUpperTailBound(m, N - n0 + 1);
  const rho = lambda / (c * mu);
  if (!(rho < 1) || m === 0) {
    return { arrivals, stationary: () => 0, stationaryLevel: () => Infinity, start };
  }
  const logRho = log(rho);
  // log u_n (unnormalised stationary weights, u_0 = 1) and log sum_{j >= n0} u_j.
  const logU = (n: number): number => {
    let s = 0;
    for (let j = 1; j <= Math.min(n, c); j++) s += log(lambda / (mu * j));
    return s + Math.max(0, n - c) * logRho;
  };
  const from = Math.max(n0, c);
  let tail = exp(logU(from) - logU(n0)) / (1 - rho);
  for (let j = n0; j < from; j++) tail += exp(logU(j) - logU(n0));
  const logTailN0 = logU(n0) + log(tail);
  const logFactor = log(rho / (1 - rho) + m);
  const logUc = logU(c);
  return {
    arrivals,
    stationary: (N) => (N >= c ? logU(N) + logFactor - logTailN0 : 0),
    stationaryLevel: (logEps) => Math.max(start, c + Math.ceil((logEps - logFactor + logTailN0 - logUc) / logRho)),
    start,
  };
}

/** Upper bound on the truncation error (total variation, for all t <= horizon) at a given level N >= n0. */
export function truncationBound(q: BirthDeathQueue, n0: number, horizon: number, level: number): number {
  if (q.lambda === 0 || horizon === 0) return 0;
  const b = bounds(q, n0, horizon);
  return Math.min(1, exp(Math.min(b.arrivals(level), b.stationary(level))));
}

/** The smallest level N >= max(n0, c, 1) whose truncation error over [0, horizon] is at most epsilon. */
export function chooseTruncation(q: BirthDeathQueue, n0: number, horizon: number, epsilon: number): Truncation {
  const b = bounds(q, n0, horizon);
  if (q.lambda === 0 || horizon === 0) return { level: b.start, massBound: 0 };
  const logEps = log(epsilon);
  const nStationary = b.stationaryLevel(logEps);
  // Arrivals bound: scan N upwards (decreasing once N - n0 + 1 > m - 1), no further than needed.
  let level = b.start;
  while (level < nStationary && b.arrivals(level) > logEps) level += 1;
  return { level, massBound: truncationBound(q, n0, horizon, level) };
}
