// The functions a lesson's expressions may call: the closed forms of models/theory, a few more
// that the course needs (src/lessons/theory), reading a sampled series, and plain math.
import { relaxationRate, transientBirthDeath } from '../models/transient/index.ts';
import { closedQueue } from '../models/theory/closed.ts';
import {
  allenCunneen,
  erlangB,
  erlangC,
  kingman,
  mg1,
  mg1Priority,
  mm1,
  mm1k,
  mmc,
  mmck,
  mmcPriority,
} from '../models/theory/index.ts';
import { mmcSojournQuantile } from '../models/theory/mmcSojourn.ts';
import { setupDelay } from '../models/theory/polling.ts';
import { Sampled, type ExprFunction } from './expr/evaluate.ts';
import { atLeastOnce } from './theory/atLeastOnce.ts';
import { closedSojournQuantile } from './theory/closedSojourn.ts';
import { dropHead } from './theory/dropHead.ts';
import { dm1, ekm1 } from './theory/gim1.ts';
import { outageDrain } from './theory/outageDrain.ts';
import { supermarketSojourn } from './theory/supermarket.ts';

function num(x: unknown, name: string): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error(`${name} must be a finite number, got ${JSON.stringify(x)}`);
  return x;
}

function nums(x: unknown, name: string): number[] {
  if (!Array.isArray(x) || x.length === 0) throw new Error(`${name} must be a non-empty list of numbers, got ${JSON.stringify(x)}`);
  return x.map((v, i) => num(v, `${name}[${i}]`));
}

function series(x: unknown, name: string): Sampled {
  if (!(x instanceof Sampled)) throw new Error(`${name} must be a series (e.g. replications.series.Q)`);
  return x;
}

/** The index of time t on the series' grid (t must be a grid point, to 1e-9 relative). */
function gridIndex(s: Sampled, t: number): number {
  let lo = 0;
  let hi = s.t.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s.t[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  for (const i of [lo - 1, lo]) {
    if (i >= 0 && Math.abs(s.t[i] - t) <= 1e-9 * Math.max(1, Math.abs(t))) return i;
  }
  throw new Error(`t = ${t} is not on the series' sample grid (every ${s.t[1] - s.t[0]} s from ${s.t[0]})`);
}

type Body = (args: unknown[]) => unknown;

function fn(signature: string, doc: string, arity: number | [number, number], call: Body): ExprFunction {
  return { signature, doc, arity, call };
}

/** Every function by name (the lab can list them with their signatures and docs). */
export const functions: Record<string, ExprFunction> = {
  // Closed forms (models/theory): each returns its QueueResult (fields L, Lq, W, Wq, loss, utilization, throughput, pWait ...).
  mm1: fn('mm1(lambda, mu)', 'M/M/1: Poisson arrivals, one exponential server', 2, ([l, m]) => mm1(num(l, 'lambda'), num(m, 'mu'))),
  mmc: fn('mmc(lambda, mu, c)', 'M/M/c: c exponential servers sharing one queue (Erlang C)', 3, ([l, m, c]) =>
    mmc(num(l, 'lambda'), num(m, 'mu'), num(c, 'c')),
  ),
  mm1k: fn('mm1k(lambda, mu, K)', 'M/M/1/K: at most K in the system (K - 1 waiting), the rest rejected', 3, ([l, m, k]) =>
    mm1k(num(l, 'lambda'), num(m, 'mu'), num(k, 'K')),
  ),
  mmck: fn('mmck(lambda, mu, c, K)', 'M/M/c/K: c servers, at most K in the system', 4, ([l, m, c, k]) =>
    mmck(num(l, 'lambda'), num(m, 'mu'), num(c, 'c'), num(k, 'K')),
  ),
  mg1: fn('mg1(lambda, meanService, scv)', 'M/G/1: Pollaczek-Khinchine (scv: squared coefficient of variation of the service time)', 3, ([l, s, v]) =>
    mg1(num(l, 'lambda'), num(s, 'meanService'), num(v, 'scv')),
  ),
  kingman: fn('kingman(lambda, arrivalScv, meanService, serviceScv)', "G/G/1: Kingman's approximation", 4, ([l, ca, s, cs]) =>
    kingman(num(l, 'lambda'), num(ca, 'arrivalScv'), num(s, 'meanService'), num(cs, 'serviceScv')),
  ),
  allenCunneen: fn(
    'allenCunneen(lambda, arrivalScv, meanService, serviceScv, c)',
    'G/G/c: the Allen-Cunneen approximation',
    5,
    ([l, ca, s, cs, c]) => allenCunneen(num(l, 'lambda'), num(ca, 'arrivalScv'), num(s, 'meanService'), num(cs, 'serviceScv'), num(c, 'c')),
  ),
  erlangB: fn('erlangB(c, a)', 'Erlang B: blocking probability of c servers offered a Erlangs, no waiting room', 2, ([c, a]) =>
    erlangB(num(c, 'c'), num(a, 'a')),
  ),
  erlangC: fn('erlangC(c, a)', 'Erlang C: probability of waiting with c servers offered a Erlangs', 2, ([c, a]) => erlangC(num(c, 'c'), num(a, 'a'))),
  mmcPriority: fn(
    'mmcPriority([lambda1, lambda2, ...], mu, c)',
    "M/M/c non-preemptive priorities (Cobham): classes listed highest priority first; .classes[i] in the same order",
    3,
    ([ls, m, c]) => {
      const lambdas = nums(ls, 'lambdas');
      return mmcPriority(
        lambdas.map((lambda, i) => ({ priority: lambdas.length - 1 - i, lambda })),
        num(m, 'mu'),
        num(c, 'c'),
      );
    },
  ),
  mg1Priority: fn(
    'mg1Priority([lambda1, ...], [meanService1, ...], [scv1, ...])',
    'M/G/1 non-preemptive priorities (Cobham): classes highest first; .classes[i] in the same order',
    3,
    ([ls, ss, vs]) => {
      const lambdas = nums(ls, 'lambdas');
      const means = nums(ss, 'meanServices');
      const scvs = nums(vs, 'scvs');
      if (means.length !== lambdas.length || scvs.length !== lambdas.length) throw new Error('the three lists must have the same length');
      return mg1Priority(
        lambdas.map((lambda, i) => ({
          priority: lambdas.length - 1 - i,
          lambda,
          meanService: means[i],
          secondMoment: means[i] * means[i] * (1 + scvs[i]),
        })),
      );
    },
  ),
  // Formulas of the course (src/lessons/theory).
  ekm1: fn('ekm1(k, lambda, mu)', 'E_k/M/1 (GI/M/1 with Erlang-k interarrival times): sigma, pWait, Wq, W, Lq, L', 3, ([k, l, m]) =>
    ekm1(num(k, 'k'), num(l, 'lambda'), num(m, 'mu')),
  ),
  dm1: fn('dm1(lambda, mu)', 'D/M/1 (GI/M/1 with evenly spaced arrivals): sigma, pWait, Wq, W, Lq, L', 2, ([l, m]) => dm1(num(l, 'lambda'), num(m, 'mu'))),
  dropHead: fn('dropHead(lambda, mu, m)', 'M/M/1 with m waiting places and drop-head overflow: loss, Wq of the served, served', 3, ([l, mu, m]) =>
    dropHead(num(l, 'lambda'), num(mu, 'mu'), num(m, 'm')),
  ),
  atLeastOnce: fn(
    'atLeastOnce(failure, ackLoss, maxDeliveries, lateProbability)',
    'redeliveries as independent trials: redelivery, deliveries, handlings, duplicates, deadLetter, completed (per message)',
    [3, 4],
    ([f, l, m, s]) => atLeastOnce(num(f, 'failure'), num(l, 'ackLoss'), num(m, 'maxDeliveries'), s === undefined ? 0 : num(s, 'lateProbability')),
  ),
  pollingDelay: fn(
    'pollingDelay(lambda, interval, wait)',
    'extra mean wait of one polling server holding one message (M/G/1 with setup times; interval / 2 with no long poll)',
    3,
    ([l, t, w]) => setupDelay(num(l, 'lambda'), num(t, 'interval'), num(w, 'wait')),
  ),
  relaxation: fn(
    'relaxation(lambda, mu, c[, K])',
    'relaxation rate (spectral gap) of the M/M/c/K (or M/M/c) queue: rate, timeConstant',
    [3, 4],
    ([l, m, c, k]) =>
      relaxationRate({ lambda: num(l, 'lambda'), mu: num(m, 'mu'), servers: num(c, 'c'), capacity: k === undefined ? null : num(k, 'K') }),
  ),
  transient: fn(
    'transient(lambda, mu, c, K, initial, t)',
    'exact transient of the M/M/c/K queue started with `initial` in the system: meanN, meanQ, pEmpty at time t',
    6,
    ([l, m, c, k, n0, t]) => {
      const r = transientBirthDeath({
        lambda: num(l, 'lambda'),
        mu: num(m, 'mu'),
        servers: num(c, 'c'),
        capacity: num(k, 'K'),
        initial: num(n0, 'initial'),
        times: [num(t, 't')],
      });
      return { meanN: r.meanN[0], meanQ: r.meanQ[0], pEmpty: r.pEmpty[0] };
    },
  ),
  outageDrain: fn(
    'outageDrain(lambda, mu, down, window)',
    'M/M/1 after a consumer outage of `down` s: backlog, drainTime, and meanQ, utilization over `window` s after the restart',
    4,
    ([l, m, d, w]) => outageDrain(num(l, 'lambda'), num(m, 'mu'), num(d, 'down'), num(w, 'window')),
  ),
  closedLoop: fn(
    'closedLoop(clients, delay, mu, c)',
    'N clients, each away for a mean `delay` (think + reply) per cycle, c exponential servers: cycleRate, throughput, W, Wq, residence, utilization',
    4,
    ([n, z, m, c]) => {
      const servers = num(c, 'c');
      return closedQueue({
        clients: num(n, 'clients'),
        delay: num(z, 'delay'),
        visits: 1,
        meanService: 1 / num(m, 'mu'),
        serviceScv: 1,
        units: servers,
        held: servers,
        ps: false,
      });
    },
  ),
  closedSojournQuantile: fn(
    'closedSojournQuantile(clients, delay, mu, c, q)',
    'q-quantile of the time a request of a closed loop spends at the queue (arrival theorem)',
    5,
    ([n, z, m, c, q]) => closedSojournQuantile(num(n, 'clients'), num(z, 'delay'), num(m, 'mu'), num(c, 'c'), num(q, 'q')),
  ),
  mmcSojournQuantile: fn(
    'mmcSojournQuantile(lambda, mu, c, q)',
    'q-quantile of the time in system (wait + handling) of M/M/c, FIFO: e.g. its p99 with q = 0.99',
    4,
    ([l, m, c, q]) => {
      const t = mmcSojournQuantile(num(l, 'lambda'), num(m, 'mu'), num(c, 'c'), num(q, 'q'));
      if (t === null) throw new Error(`M/M/${c} at lambda = ${l}, mu = ${m} has no steady state (load >= 1): no percentile`);
      return t;
    },
  ),
  supermarket: fn(
    'supermarket(lambda, d)',
    'mean sojourn (in mean service times) with d choices among infinitely many servers at load lambda: an approximation for few servers',
    2,
    ([l, d]) => supermarketSojourn(num(l, 'lambda'), num(d, 'd')),
  ),
  // Series (replications.series.*): the value at a grid time, the mean over grid times in [from, to].
  at: fn('at(series, t)', 'the series at grid time t', 2, ([s, t]) => {
    const x = series(s, 'series');
    return x.y[gridIndex(x, num(t, 't'))];
  }),
  avg: fn('avg(series, from, to)', 'the mean of the series over the grid times from..to (both included)', 3, ([s, a, b]) => {
    const x = series(s, 'series');
    const i = gridIndex(x, num(a, 'from'));
    const j = gridIndex(x, num(b, 'to'));
    if (j < i) throw new Error(`to (${b}) must not be before from (${a})`);
    let sum = 0;
    for (let k = i; k <= j; k++) sum += x.y[k];
    return sum / (j - i + 1);
  }),
  firstAtOrBelow: fn(
    'firstAtOrBelow(series, from, level)',
    'the first grid time >= from at which the series is <= level (NaN when it never is)',
    3,
    ([s, a, l]) => {
      const x = series(s, 'series');
      const from = num(a, 'from');
      const level = num(l, 'level');
      for (let k = 0; k < x.t.length; k++) if (x.t[k] >= from - 1e-9 && x.y[k] <= level) return x.t[k];
      return NaN;
    },
  ),
  // Math.
  sqrt: fn('sqrt(x)', 'square root', 1, ([x]) => Math.sqrt(num(x, 'x'))),
  exp: fn('exp(x)', 'e to the x', 1, ([x]) => Math.exp(num(x, 'x'))),
  log: fn('log(x)', 'natural logarithm', 1, ([x]) => Math.log(num(x, 'x'))),
  min: fn('min(a, b)', 'the smaller', 2, ([a, b]) => Math.min(num(a, 'a'), num(b, 'b'))),
  max: fn('max(a, b)', 'the larger', 2, ([a, b]) => Math.max(num(a, 'a'), num(b, 'b'))),
  abs: fn('abs(x)', 'absolute value', 1, ([x]) => Math.abs(num(x, 'x'))),
};
