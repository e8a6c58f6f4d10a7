/**
 * The M/M/c/K (or M/M/c) queue as a birth-death chain on the number in system n:
 * birth rate lambda for n < K, death rate mu * min(n, c).
 */
import { exp, log } from '../../sim/math/index.ts';

/** An M/M/c/K queue; capacity K is the maximum number in system (waiting + in service), null = unbounded. */
export interface BirthDeathQueue {
  /** arrival rate, >= 0 */
  lambda: number;
  /** service rate of one server, > 0 */
  mu: number;
  /** number of servers c, integer >= 1 */
  servers: number;
  /**
   * K = maximum number in system (integer >= 1), or null for an unbounded queue. A scenario
   * queue's `capacity` counts waiting messages only, so K = capacity + servers.
   */
  capacity: number | null;
}

/** Checks the queue parameters; errors name the function, the field, the value and the rule. */
export function checkQueue(fn: string, q: BirthDeathQueue): void {
  if (typeof q !== 'object' || q === null) throw new Error(`${fn}: expected an object, got ${String(q)}`);
  if (!(Number.isFinite(q.lambda) && q.lambda >= 0)) throw new Error(`${fn}: lambda must be a finite number >= 0, got ${q.lambda}`);
  if (!(Number.isFinite(q.mu) && q.mu > 0)) throw new Error(`${fn}: mu must be a finite number > 0, got ${q.mu}`);
  if (!(Number.isInteger(q.servers) && q.servers >= 1)) throw new Error(`${fn}: servers must be an integer >= 1, got ${q.servers}`);
  if (q.capacity !== null && !(Number.isInteger(q.capacity) && q.capacity >= 1)) {
    throw new Error(`${fn}: capacity must be an integer >= 1 (max number in system) or null, got ${q.capacity}`);
  }
}

/** Birth and death rates of the chain on states 0..top (no births out of top). */
export interface Rates {
  birth: Float64Array;
  death: Float64Array;
}

/** The rates on 0..top: for a finite queue top = K; for an unbounded one, top is a truncation level. */
export function birthDeathRates(q: BirthDeathQueue, top: number): Rates {
  const birth = new Float64Array(top + 1);
  const death = new Float64Array(top + 1);
  for (let n = 0; n <= top; n++) {
    birth[n] = n < top ? q.lambda : 0;
    death[n] = q.mu * Math.min(n, q.servers);
  }
  return { birth, death };
}

/**
 * log of the unnormalised stationary weights u_n = prod_{j<n} lambda / (mu min(j+1, c)),
 * u_0 = 1, for n = 0..top (detailed balance; log space so that no weight underflows).
 */
export function logStationaryWeights(q: BirthDeathQueue, top: number): Float64Array {
  const logU = new Float64Array(top + 1);
  const logLambda = log(q.lambda);
  for (let n = 1; n <= top; n++) logU[n] = logU[n - 1] + logLambda - log(q.mu * Math.min(n, q.servers));
  return logU;
}

/** log(sum exp(x_i)) over a range, without overflow. */
export function logSumExp(x: ArrayLike<number>, from = 0, to = x.length): number {
  let max = -Infinity;
  for (let i = from; i < to; i++) if (x[i] > max) max = x[i];
  if (max === -Infinity) return -Infinity;
  let s = 0;
  for (let i = from; i < to; i++) s += exp(x[i] - max);
  return max + log(s);
}

/**
 * The stationary distribution of the finite chain on 0..top (for an unbounded stable queue and
 * a truncation level top, this is the truncated chain's, which differs from the infinite one by
 * the mass beyond top).
 */
export function stationaryDistribution(q: BirthDeathQueue, top: number): Float64Array {
  checkQueue('stationaryDistribution', q);
  if (q.lambda === 0) {
    const p = new Float64Array(top + 1);
    p[0] = 1;
    return p;
  }
  const logU = logStationaryWeights(q, top);
  const logZ = logSumExp(logU);
  return logU.map((v) => exp(v - logZ));
}
