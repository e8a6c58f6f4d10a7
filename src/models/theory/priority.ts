// Non-preemptive priority queues with Poisson arrivals per class: Cobham's formula. Higher
// `priority` is served first (as in the scenario format); equal classes are served FIFO.
import { erlangC } from './erlang';
import { mmc } from './mmc';
import { type QueueResult, integerAtLeast, nonNegative, positive, unstableResult } from './result';

const COBHAM = 'Cobham (1954), "Priority assignment in waiting line problems", Oper. Res. 2(1), 70-76';

/** One priority class of an M/G/1 priority queue. */
export interface PriorityClass {
  /** Class label; higher is served first. Distinct across classes. */
  priority: number;
  /** Poisson arrival rate of the class. */
  lambda: number;
  /** E[S] of the class. */
  meanService: number;
  /** E[S^2] of the class (variance + mean^2; E[S]^2 for deterministic service). */
  secondMoment: number;
}

/** Per-class steady-state measures (null where the class has no steady state). */
export interface ClassResult {
  priority: number;
  lambda: number;
  meanService: number;
  /** rho_k = lambda_k E[S_k] / c. */
  load: number;
  /** sigma_k: load of this class and every class served before it; stable iff sigma_k < 1. */
  cumulativeLoad: number;
  stable: boolean;
  /** Rate at which the class is served in the long run (less than lambda when unstable). */
  throughput: number;
  L: number | null;
  Lq: number | null;
  W: number | null;
  Wq: number | null;
}

/**
 * A priority queue: the QueueResult of all classes together (mixture service moments) and the
 * per-class results, highest priority first. When the total load is >= 1 the queue as a whole
 * is unstable, yet classes whose cumulative load stays below 1 still have a steady state.
 */
export interface PriorityResult extends QueueResult {
  classes: ClassResult[];
}

export function sortedClasses<T extends { priority: number; lambda: number }>(where: string, classes: T[]): T[] {
  if (classes.length === 0) throw new RangeError(`${where}: needs at least one class`);
  const sorted = [...classes].sort((x, y) => y.priority - x.priority);
  for (let k = 0; k < sorted.length; k++) {
    if (!Number.isFinite(sorted[k].priority)) {
      throw new RangeError(`${where}: priority must be a finite number, got ${sorted[k].priority}`);
    }
    if (k > 0 && sorted[k].priority === sorted[k - 1].priority) {
      throw new RangeError(`${where}: priorities must be distinct, got ${sorted[k].priority} twice`);
    }
    nonNegative(where, `lambda of class ${sorted[k].priority}`, sorted[k].lambda);
  }
  return sorted;
}

/**
 * Cobham's per-class waits given W0, the mean residual work found in service by an arrival:
 * Wq_k = W0 / ((1 - sigma_{k-1}) (1 - sigma_k)), sigma_k = sum of loads of classes 1..k.
 */
function cobham(
  sorted: { priority: number; lambda: number; meanService: number; load: number }[],
  W0: number,
): ClassResult[] {
  let before = 0;
  return sorted.map(({ priority, lambda, meanService, load }) => {
    const upTo = before + load;
    const stable = upTo < 1;
    const Wq = stable ? W0 / ((1 - before) * (1 - upTo)) : null;
    // Served share of an unstable class: what the classes above leave of the server(s).
    const throughput = stable ? lambda : Math.max(0, 1 - before) * (lambda / load || 0);
    const result: ClassResult = {
      priority,
      lambda,
      meanService,
      load,
      cumulativeLoad: upTo,
      stable,
      throughput,
      Wq,
      W: Wq === null ? null : Wq + meanService,
      Lq: Wq === null ? null : lambda * Wq,
      L: Wq === null ? null : lambda * (Wq + meanService),
    };
    before = upTo;
    return result;
  });
}

/** Totals over classes for a stable queue (Little's law per class, summed). */
function totals(classes: ClassResult[], lambda: number) {
  const Lq = classes.reduce((s, k) => s + (k.Lq ?? 0), 0);
  const L = classes.reduce((s, k) => s + (k.L ?? 0), 0);
  return { L, Lq, W: lambda > 0 ? L / lambda : null, Wq: lambda > 0 ? Lq / lambda : null };
}

/**
 * M/G/1 non-preemptive priority, Cobham's formula: W0 = sum_i lambda_i E[S_i^2] / 2 and
 * Wq_k = W0 / ((1 - sigma_{k-1}) (1 - sigma_k)). With total load >= 1, W0 uses the classes'
 * long-run served rates (the lowest classes are starved), so the top classes keep finite waits.
 */
export function mg1Priority(classes: PriorityClass[]): PriorityResult {
  const sorted = sortedClasses('mg1Priority', classes).map((k) => {
    positive('mg1Priority', `meanService of class ${k.priority}`, k.meanService);
    positive('mg1Priority', `secondMoment of class ${k.priority}`, k.secondMoment);
    if (k.secondMoment < k.meanService * k.meanService * (1 - 1e-12)) {
      throw new RangeError(
        `mg1Priority: secondMoment of class ${k.priority} must be >= meanService^2, got ${k.secondMoment}`,
      );
    }
    return { ...k, load: k.lambda * k.meanService };
  });
  const lambda = sorted.reduce((s, k) => s + k.lambda, 0);
  // Mixture moments of the service time of a random arrival (equal weights if nothing arrives).
  const weight = (k: { lambda: number }) => (lambda > 0 ? k.lambda / lambda : 1 / sorted.length);
  const meanService = sorted.reduce((s, k) => s + weight(k) * k.meanService, 0);
  const second = sorted.reduce((s, k) => s + weight(k) * k.secondMoment, 0);
  const rho = sorted.reduce((s, k) => s + k.load, 0);
  // W0 from served rates: lambda_k while sigma_k < 1, then what is left of the server.
  let before = 0;
  let W0 = 0;
  let served = 0;
  for (const k of sorted) {
    const share = k.load > 0 ? Math.min(k.load, Math.max(0, 1 - before)) / k.load : 0;
    W0 += (share * k.lambda * k.secondMoment) / 2;
    served += share * k.lambda;
    before += k.load;
  }
  const perClass = cobham(sorted, W0);
  const base = {
    model: 'M/G/1 priority' as const,
    exact: true,
    method: 'Cobham',
    reference: COBHAM,
    lambda,
    arrivalScv: 1,
    meanService,
    serviceScv: Math.max(0, second / (meanService * meanService) - 1),
    servers: 1,
    capacity: null,
    offered: rho,
    load: rho,
  };
  if (rho >= 1) return { ...unstableResult(base), throughput: served, classes: perClass };
  return {
    ...base,
    stable: true,
    loss: 0,
    throughput: lambda,
    utilization: rho,
    pWait: rho,
    ...totals(perClass, lambda),
    classes: perClass,
  };
}

/**
 * M/M/c non-preemptive priority, every class with the same exponential service rate mu:
 * Cobham's formula with W0 = C(c, a) / (c mu) (Erlang C: all servers busy, then the next of c
 * completes after 1 / (c mu)); loads are per server, sigma_k = sum lambda_i / (c mu).
 * With total load >= 1 every server is always busy and W0 = 1 / (c mu).
 * The totals equal those of M/M/c (the number in system does not depend on the order).
 */
export function mmcPriority(classes: { priority: number; lambda: number }[], mu: number, c: number): PriorityResult {
  positive('mmcPriority', 'mu', mu);
  integerAtLeast('mmcPriority', 'c', c, 1);
  const sorted = sortedClasses('mmcPriority', classes).map((k) => ({
    ...k,
    meanService: 1 / mu,
    load: k.lambda / (c * mu),
  }));
  const lambda = sorted.reduce((s, k) => s + k.lambda, 0);
  const a = lambda / mu;
  const W0 = (a < c ? erlangC(c, a) : 1) / (c * mu);
  const perClass = cobham(sorted, W0);
  const fifo = mmc(lambda, mu, c);
  const base = {
    ...fifo,
    model: 'M/M/c priority' as const,
    method: 'Cobham',
    reference: COBHAM,
  };
  if (!fifo.stable) return { ...base, throughput: perClass.reduce((s, k) => s + k.throughput, 0), classes: perClass };
  return { ...base, ...totals(perClass, lambda), classes: perClass };
}
