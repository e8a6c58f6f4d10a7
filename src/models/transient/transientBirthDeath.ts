/**
 * Exact transient distribution of the M/M/c/K (or truncated M/M/c) queue from a given backlog, by
 * uniformization (Jensen's method; Grassmann, "Transient solutions in Markovian queueing
 * systems", Computers & OR 4:47-53, 1977): p(t) = sum_k Poisson(k; Lambda t) p(0) P^k with
 * P = I + Q / Lambda, Poisson weights from poissonWeights.ts (Fox-Glynn style). The chain is
 * tridiagonal, so one step p P costs O(states) on typed arrays. Between consecutive requested
 * times the distribution is advanced by the time difference, so the cost is proportional to
 * Lambda * (last time) * states plus a few terms per time point, never quadratic.
 */
import { birthDeathRates, checkQueue, stationaryDistribution, type BirthDeathQueue } from './birthDeath.ts';
import { poissonWeights } from './poissonWeights.ts';
import { chooseTruncation, truncationBound } from './truncation.ts';

export interface TransientOptions extends BirthDeathQueue {
  /** number in system at t = 0 (integer, 0 <= initial <= K) */
  initial: number;
  /** times t >= 0, non-decreasing */
  times: ArrayLike<number>;
  /** bound on the total-variation error from truncating the Poisson sums, over all times (default 1e-10) */
  epsilon?: number;
  /** unbounded queues: bound on the mass lost by truncating the state space (default: epsilon) */
  truncationEpsilon?: number;
  /** unbounded queues: use this truncation level instead of choosing one (its error bound is still reported) */
  truncationLevel?: number;
  /** also return the full distribution at every time (default false) */
  distribution?: boolean;
  /**
   * stop iterating once the distribution is within epsilon / 2 (total variation) of the stationary
   * one and report the stationary law from then on (default true); the distance can only shrink
   * afterwards, so this stays within the error budget
   */
  detectSteadyState?: boolean;
}

export interface TransientResult {
  /** the requested times */
  t: number[];
  /** E[N(t)], mean number in system */
  meanN: number[];
  /** E[Q(t)] = E[max(N(t) - c, 0)], mean number waiting */
  meanQ: number[];
  /** P(N(t) = 0) */
  pEmpty: number[];
  /** P(N(t) = n) for n = 0..top at every time, when asked for */
  distributions: Float64Array[] | null;
  /** top state of the chain that was solved: K, or the truncation level for an unbounded queue */
  top: number;
  /** true when an unbounded queue was truncated at `top` */
  truncated: boolean;
  /** unbounded queues: upper bound on the total-variation error of the truncation, for all t <= last time (0 when K is finite) */
  truncationMassBound: number;
  /** the requested budget for the numerical error (Poisson truncation, and steady-state detection) */
  epsilon: number;
  /** upper bound on the total-variation error of the solution of the chain on 0..top at every time (<= epsilon) */
  errorBound: number;
  /** the part of errorBound due to truncating the Poisson sums */
  poissonErrorBound: number;
  /** time from which the stationary distribution was reported (steady state detected), or null */
  steadyStateTime: number | null;
  /** uniformization rate Lambda = max_n (birth_n + death_n) */
  uniformizationRate: number;
  /** number of vector-matrix products p P performed */
  matvecs: number;
}

function fail(rule: string): never {
  throw new Error(`transientBirthDeath: ${rule}`);
}

/** Transient distribution summaries of an M/M/c/K or M/M/c queue started with `initial` in system. */
export function transientBirthDeath(options: TransientOptions): TransientResult {
  checkQueue('transientBirthDeath', options);
  const { lambda, mu, servers: c, capacity, initial } = options;
  const epsilon = options.epsilon ?? 1e-10;
  if (!(epsilon > 0 && epsilon < 1)) fail(`epsilon must be in (0, 1), got ${epsilon}`);
  const truncationEpsilon = options.truncationEpsilon ?? epsilon;
  if (!(truncationEpsilon > 0 && truncationEpsilon < 1)) fail(`truncationEpsilon must be in (0, 1), got ${truncationEpsilon}`);
  if (!(Number.isInteger(initial) && initial >= 0)) fail(`initial must be an integer >= 0, got ${initial}`);
  if (capacity !== null && initial > capacity) fail(`initial must be <= capacity ${capacity}, got ${initial}`);
  const times = Array.from(options.times);
  times.forEach((t, i) => {
    if (!(Number.isFinite(t) && t >= 0)) fail(`times[${i}] must be a finite number >= 0, got ${t}`);
    if (i > 0 && t < times[i - 1]) fail(`times must be non-decreasing, but times[${i}] = ${t} < times[${i - 1}] = ${times[i - 1]}`);
  });
  const detect = options.detectSteadyState ?? true;
  const horizon = times.length > 0 ? times[times.length - 1] : 0;

  let top: number;
  let truncationMassBound = 0;
  if (capacity !== null) top = capacity;
  else if (options.truncationLevel !== undefined) {
    const level = options.truncationLevel;
    if (!(Number.isInteger(level) && level >= Math.max(initial, 1))) {
      fail(`truncationLevel must be an integer >= max(initial, 1), got ${level}`);
    }
    top = level;
    truncationMassBound = truncationBound(options, initial, horizon, level);
  } else {
    const cut = chooseTruncation(options, initial, horizon, truncationEpsilon);
    top = cut.level;
    truncationMassBound = cut.massBound;
  }

  // Uniformized DTMC P = I + Q / Lambda on 0..top: up[n] = P(n, n+1), down[n] = P(n, n-1).
  const { birth, death } = birthDeathRates(options, top);
  let rate = 0;
  for (let n = 0; n <= top; n++) rate = Math.max(rate, birth[n] + death[n]);
  const up = new Float64Array(top + 1);
  const down = new Float64Array(top + 1);
  const stay = new Float64Array(top + 1);
  for (let n = 0; n <= top; n++) {
    up[n] = birth[n] / rate;
    down[n] = death[n] / rate;
    stay[n] = 1 - up[n] - down[n];
  }

  const stationary = detect ? stationaryDistribution(options, top) : null;
  let current = new Float64Array(top + 1);
  current[initial] = 1;
  // Support [lo, hi] of the current vector: a step widens it by one state each way. Every work
  // array is zero outside its support, so the inner loop needs no bounds tests.
  let lo = initial;
  let hi = initial;
  let v = new Float64Array(top + 1);
  let w = new Float64Array(top + 1);
  let acc = new Float64Array(top + 1);

  const steps = times.filter((t, i) => t > (i > 0 ? times[i - 1] : 0)).length;
  const stepEpsilon = (detect ? epsilon / 2 : epsilon) / Math.max(1, steps);
  let poissonErrorBound = 0;
  let steadyStateTime: number | null = null;
  let steadyStateDistance = 0;
  let matvecs = 0;

  const result: TransientResult = {
    t: times,
    meanN: [],
    meanQ: [],
    pEmpty: [],
    distributions: options.distribution ? [] : null,
    top,
    truncated: capacity === null,
    truncationMassBound,
    epsilon,
    errorBound: 0,
    poissonErrorBound: 0,
    steadyStateTime: null,
    uniformizationRate: rate,
    matvecs: 0,
  };

  let previous = 0;
  for (const t of times) {
    const a = rate * (t - previous);
    previous = t;
    if (a > 0 && steadyStateTime === null) {
      const pw = poissonWeights(a, stepEpsilon);
      poissonErrorBound += pw.tailBound;
      v.set(current);
      w.fill(0);
      acc.fill(0);
      let vLo = lo;
      let vHi = hi;
      let accLo = top + 1;
      let accHi = -1;
      for (let k = 0; k <= pw.right; k++) {
        if (k >= pw.left) {
          const wk = pw.weights[k - pw.left];
          for (let n = vLo; n <= vHi; n++) acc[n] += wk * v[n];
          if (vLo < accLo) accLo = vLo;
          if (vHi > accHi) accHi = vHi;
        }
        if (k === pw.right) break;
        // w = v P on the support widened by one.
        const nLo = vLo > 0 ? vLo - 1 : 0;
        const nHi = vHi < top ? vHi + 1 : top;
        const from = nLo > 0 ? nLo : 1;
        const to = nHi < top ? nHi : top - 1;
        if (nLo === 0) w[0] = v[0] * stay[0] + (top > 0 ? v[1] * down[1] : 0);
        for (let n = from; n <= to; n++) w[n] = v[n] * stay[n] + v[n - 1] * up[n - 1] + v[n + 1] * down[n + 1];
        if (nHi === top && top > 0) w[top] = v[top] * stay[top] + v[top - 1] * up[top - 1];
        const swap = v;
        v = w;
        w = swap;
        vLo = nLo;
        vHi = nHi;
        matvecs += 1;
      }
      const swap = current;
      current = acc;
      acc = swap;
      lo = accLo;
      hi = accHi;
      if (stationary !== null) {
        // Distance to the stationary law never grows along a Markov chain: once it is below
        // the budget, every later distribution is the stationary one to within that budget.
        let distance = 0;
        for (let n = 0; n <= top; n++) distance += Math.abs(current[n] - stationary[n]);
        distance /= 2;
        if (distance <= epsilon / 2) {
          steadyStateTime = t;
          steadyStateDistance = distance;
          current.set(stationary);
          lo = 0;
          hi = top;
        }
      }
    }
    let meanN = 0;
    let meanQ = 0;
    for (let n = lo; n <= hi; n++) {
      meanN += n * current[n];
      if (n > c) meanQ += (n - c) * current[n];
    }
    result.meanN.push(meanN);
    result.meanQ.push(meanQ);
    result.pEmpty.push(current[0]);
    result.distributions?.push(Float64Array.from(current));
  }
  result.errorBound = poissonErrorBound + steadyStateDistance;
  result.steadyStateTime = steadyStateTime;
  result.poissonErrorBound = poissonErrorBound;
  result.matvecs = matvecs;
  return result;
}
