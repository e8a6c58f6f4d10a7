// A consumer outage on an M/M/1 queue, and the drain after it. Before the outage the queue is in
// its steady state (N geometric, P(N = n) = (1 - rho) rho^n); the consumer is down for `down`
// seconds, during which nothing is served and messages keep arriving (with manual ack the message
// in handling goes back to the queue), so at the restart N = geometric + Poisson(lambda down).
// From there the exact transient (transientFrom) gives E[Q(t)] and P(busy) over the drain.
import { transientFrom } from './transientFrom.ts';

export interface OutageDrain {
  /** E[N] at the restart: rho / (1 - rho) + lambda down (all of them waiting). */
  backlog: number;
  /** Expected time from the restart until the queue is first empty: backlog / (mu - lambda)
   *  (each of the N messages opens a busy period of mean 1 / (mu - lambda)). */
  drainTime: number;
  /** Time averages over the `window` seconds after the restart: waiting messages, and the
   *  server's busy fraction. */
  meanQ: number;
  utilization: number;
}

/** `window` seconds after the restart, averaged with the trapezoid rule on a `step`-second grid. */
export function outageDrain(lambda: number, mu: number, down: number, window: number, step = 1): OutageDrain {
  if (!(lambda > 0 && lambda < mu)) throw new RangeError(`needs 0 < lambda < mu, got lambda = ${lambda}, mu = ${mu}`);
  if (!(down >= 0 && window > 0)) throw new RangeError(`needs down >= 0 and window > 0, got ${down} and ${window}`);
  const rho = lambda / mu;
  const m = lambda * down;
  // Geometric(rho) convolved with Poisson(m), up to where both tails are below 1e-13.
  const top = Math.ceil(m + 12 * Math.sqrt(m) + 30 + Math.log(1e-13) / Math.log(rho));
  const geometric = Array.from({ length: top + 1 }, (_, n) => (1 - rho) * rho ** n);
  const poisson = new Float64Array(top + 1);
  let logFact = 0;
  for (let n = 0; n <= top; n++) {
    if (n > 0) logFact += Math.log(n);
    poisson[n] = m === 0 ? (n === 0 ? 1 : 0) : Math.exp(-m + n * Math.log(m) - logFact);
  }
  const start = new Float64Array(top + 1);
  for (let i = 0; i <= top; i++) for (let j = 0; i + j <= top; j++) start[i + j] += geometric[i] * poisson[j];
  const steps = Math.ceil(window / step);
  const times = Array.from({ length: steps + 1 }, (_, k) => (k * window) / steps);
  const curves = transientFrom({ lambda, mu, servers: 1, capacity: null }, start, times);
  const average = (y: number[]) => {
    let s = 0;
    for (let k = 1; k < y.length; k++) s += ((y[k] + y[k - 1]) / 2) * (times[k] - times[k - 1]);
    return s / window;
  };
  const backlog = rho / (1 - rho) + m;
  return { backlog, drainTime: backlog / (mu - lambda), meanQ: average(curves.meanQ), utilization: average(curves.busy) };
}
