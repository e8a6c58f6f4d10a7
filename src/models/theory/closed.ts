// A closed loop of N clients around one queue (the machine-repairman model): each client sends a
// message, waits for it (queue + pure delays: transit, reply), thinks, and sends again.
// Product form (Baskett, Chandy, Muntz & Palacios (1975), J. ACM 22(2), 248-260): the pure
// delays form an infinite-server station, insensitive to their distributions; the queue is
// exponential FCFS servers or one processor-sharing server (any service distribution).
import { type QueueResult, integerAtLeast, nonNegative, positive } from './result';
import { exp, log } from '../../sim/math/index.ts';

const MVA = 'Reiser & Lavenberg (1980), "Mean-value analysis of closed multichain queuing networks", J. ACM 27(2), 313-322';
const FINITE_SOURCE =
  'finite-source (machine-repair) birth-death queue: Gross, Shortle, Thompson & Harris (2008), Fundamentals of Queueing Theory, 4th ed.';

/** Beyond this many clients the exact recursions are not run (they cost O(N)). */
export const MAX_CLIENTS = 1_000_000;

export interface ClosedLoopInput {
  /** N clients, each with at most one message in the loop. */
  clients: number;
  /** Z: mean pure delay per cycle (think + transit + reply), >= 0. */
  delay: number;
  /** V: mean visits to the queue per cycle (> 0; more than 1 when failed messages are requeued). */
  visits: number;
  /** E[S] per visit. */
  meanService: number;
  serviceScv: number;
  /** Parallel service channels c (exponential FCFS), or 1 with `ps`. */
  units: number;
  /** Messages the servers hold before others wait in the queue line (>= units). */
  held: number;
  /** One processor-sharing server instead of FCFS channels. */
  ps: boolean;
}

/** The queue of a closed loop: QueueResult per visit, plus the loop's own figures. */
export interface ClosedResult extends QueueResult {
  clients: number;
  /** Z, the mean pure delay per cycle outside the queue. */
  delay: number;
  visits: number;
  /** X: cycles per second (messages sent by the clients); throughput = X V. */
  cycleRate: number;
  /** V W = N / X - Z (response-time law): mean time per cycle spent at the queue. */
  residence: number;
}

/** Stationary distribution of the number n at the queue, 0..n: p(n) ∝ n!/(n-k)! (D/Z)^k / beta(k). */
function distribution(n: number, demand: number, delay: number, units: number): Float64Array {
  const p = new Float64Array(n + 1);
  if (delay === 0) {
    p[n] = 1; // nobody is ever away from the queue
    return p;
  }
  const logRatio = log(demand / delay);
  const logW = new Float64Array(n + 1);
  let top = 0;
  for (let k = 1; k <= n; k++) {
    // w_k / w_{k-1} = (n - k + 1) (D / Z) / min(k, c)
    logW[k] = logW[k - 1] + log(n - k + 1) + logRatio - log(Math.min(k, units));
    if (logW[k] > top) top = logW[k];
  }
  let sum = 0;
  for (let k = 0; k <= n; k++) sum += p[k] = exp(logW[k] - top);
  for (let k = 0; k <= n; k++) p[k] /= sum;
  return p;
}

/**
 * Exact MVA for one single-server (FCFS or PS) queue and a delay: R(n) = D (1 + Q(n - 1)),
 * X(n) = n / (Z + R(n)), Q(n) = X(n) R(n), with D = V E[S] the demand per cycle.
 * Returns X, R and Q at n = clients.
 */
export function mva(clients: number, demand: number, delay: number): { X: number; R: number; Q: number } {
  integerAtLeast('mva', 'clients', clients, 1);
  positive('mva', 'demand', demand);
  nonNegative('mva', 'delay', delay);
  let Q = 0;
  let X = 0;
  let R = 0;
  for (let n = 1; n <= clients; n++) {
    R = demand * (1 + Q); // arrival theorem: an arrival sees the loop with n - 1 clients
    X = n / (delay + R);
    Q = X * R;
  }
  return { X, R, Q };
}

/**
 * The queue of a closed loop: exact MVA when there is one server (FCFS or PS), the finite-source
 * birth-death distribution p(n) ∝ N!/(N-n)! (D/Z)^n / beta(n), beta(n) = n! for n <= c and
 * c! c^(n-c) above, with c channels. Queue line Lq = E[(n - held)^+]; an arrival waits with
 * P(n >= held) in the loop with N - 1 clients (arrival theorem).
 */
export function closedQueue(input: ClosedLoopInput): ClosedResult {
  const { clients: N, delay: Z, visits: V, meanService: S, serviceScv, units: c, held, ps } = input;
  integerAtLeast('closedQueue', 'clients', N, 1);
  if (N > MAX_CLIENTS) throw new RangeError(`closedQueue: clients must be <= ${MAX_CLIENTS}, got ${N}`);
  nonNegative('closedQueue', 'delay', Z);
  positive('closedQueue', 'visits', V);
  positive('closedQueue', 'meanService', S);
  integerAtLeast('closedQueue', 'units', c, 1);
  integerAtLeast('closedQueue', 'held', held, c);
  if (ps && c !== 1) throw new RangeError(`closedQueue: processor sharing needs units = 1, got ${c}`);
  const D = V * S;
  const p = distribution(N, D, Z, c);
  const before = distribution(N - 1, D, Z, c);
  let busy = 0;
  let L = 0;
  let Lq = 0;
  for (let n = 1; n <= N; n++) {
    busy += Math.min(n, c) * p[n];
    L += n * p[n];
    if (n > held) Lq += (n - held) * p[n];
  }
  let pWait = 0;
  for (let n = held; n < N; n++) pWait += before[n];
  let X = busy / D; // cycles per second
  if (c === 1) {
    const m = mva(N, D, Z);
    X = m.X;
    L = m.Q;
  }
  const visitRate = X * V;
  const utilization = (visitRate * S) / c;
  return {
    model: ps ? 'M/G/1-PS//N' : c === 1 ? 'M/M/1//N' : 'M/M/c//N',
    exact: true,
    method: c === 1 ? 'exact MVA' : 'finite-source birth-death (c repairmen)',
    reference: c === 1 ? MVA : FINITE_SOURCE,
    lambda: visitRate,
    arrivalScv: 1,
    meanService: S,
    serviceScv,
    servers: c,
    capacity: null,
    offered: visitRate * S,
    load: utilization,
    stable: true,
    loss: 0,
    throughput: visitRate,
    utilization,
    pWait,
    L,
    Lq,
    W: L / visitRate,
    Wq: Lq / visitRate,
    clients: N,
    delay: Z,
    visits: V,
    cycleRate: X,
    residence: N / X - Z,
  };
}
