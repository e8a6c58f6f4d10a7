// The one result shape every closed form and approximation returns (like lmfit's MinimizerResult:
// every field documented, nothing optional). JSON-safe by construction: no NaN, no Infinity.

/** Kendall names of the models in this folder. */
export type ModelName =
  | 'M/M/1'
  | 'M/M/c'
  | 'M/M/1/K'
  | 'M/M/c/K'
  | 'M/G/c/c'
  | 'M/G/1'
  | 'M/D/1'
  | 'M/G/1 priority'
  | 'M/M/c priority'
  | 'G/G/1'
  | 'G/G/c'
  /** Processor sharing ('async' handling with shared: true). */
  | 'M/G/1-PS'
  | 'M/G/1 preemptive priority'
  /** One server that polls (fetch mode "poll"): an M/G/1 whose idle server sleeps between polls. */
  | 'M/G/1 with polling'
  /** Closed loops (replies "sync"): N clients, exponential servers or one processor-sharing server. */
  | 'M/M/1//N'
  | 'M/M/c//N'
  | 'M/G/1-PS//N';

/**
 * Steady-state measures of one queue (one consumer group of identical servers).
 *
 * Time unit: whatever the rates are in (the scenario uses seconds). "Admitted" messages are
 * those not blocked at a full queue; with an unbounded queue every message is admitted.
 *
 * Unstable systems (load >= 1 with an unbounded queue) have no steady state: `stable` is false,
 * L, Lq, W, Wq are null (their long-run values are infinite), while `throughput`, `utilization`
 * and `pWait` keep their long-run limits (c / E[S], 1 and 1: every server is always busy).
 */
export interface QueueResult {
  /** Kendall name, e.g. 'M/M/c' or 'G/G/1'. */
  model: ModelName;
  /** true: exact under the model's assumptions; false: an approximation (Kingman, Allen-Cunneen). */
  exact: boolean;
  /** The formula used, e.g. 'Erlang C' or 'Pollaczek-Khinchine'. */
  method: string;
  /** Where the formula comes from, one line. */
  reference: string;
  /** Arrival rate offered to the queue (messages per unit time), admitted or not. */
  lambda: number;
  /** Squared coefficient of variation of the interarrival times (1 for Poisson arrivals). */
  arrivalScv: number;
  /** Mean service time E[S]. */
  meanService: number;
  /** Squared coefficient of variation of the service time (1 exponential, 0 deterministic). */
  serviceScv: number;
  /** Number of parallel servers c. */
  servers: number;
  /** K = maximum number in the system (waiting + in service); null = unbounded. */
  capacity: number | null;
  /** Offered load in Erlangs, a = lambda E[S]: mean busy servers if nothing were lost. */
  offered: number;
  /** Offered load per server, rho = lambda E[S] / c. */
  load: number;
  /** Whether a steady state exists: always with finite K, else iff load < 1. */
  stable: boolean;
  /** Probability that an arriving message is blocked (lost); 0 with an unbounded queue. */
  loss: number;
  /** Long-run rate of admitted (= handled) messages: lambda (1 - loss), or c / E[S] if unstable. */
  throughput: number;
  /** Fraction of time each server is busy: throughput E[S] / c. */
  utilization: number;
  /** Probability that an admitted message has to wait; null when the model does not give it. */
  pWait: number | null;
  /** Mean number in the system (waiting + in service). */
  L: number | null;
  /** Mean number waiting (not in service): the scenario's "queue length". */
  Lq: number | null;
  /** Mean time in the system of an admitted message (sojourn). */
  W: number | null;
  /** Mean wait of an admitted message before its service starts. */
  Wq: number | null;
}

/** Throws unless x is a finite number >= 0 (rates may be 0: an idle queue). */
export function nonNegative(where: string, name: string, x: number): number {
  if (!Number.isFinite(x) || x < 0) {
    throw new RangeError(`${where}: ${name} must be a finite number >= 0, got ${x}`);
  }
  return x;
}

/** Throws unless x is a finite number > 0. */
export function positive(where: string, name: string, x: number): number {
  if (!Number.isFinite(x) || x <= 0) {
    throw new RangeError(`${where}: ${name} must be a finite number > 0, got ${x}`);
  }
  return x;
}

/** Throws unless x is an integer >= min. */
export function integerAtLeast(where: string, name: string, x: number, min: number): number {
  if (!Number.isInteger(x) || x < min) {
    throw new RangeError(`${where}: ${name} must be an integer >= ${min}, got ${x}`);
  }
  return x;
}

/**
 * The result of an infinite-capacity queue with no steady state (load >= 1): the long-run limits
 * that exist (throughput c / E[S], utilization 1, every message waits) and null for the rest.
 */
export function unstableResult(
  base: Omit<QueueResult, 'stable' | 'loss' | 'throughput' | 'utilization' | 'pWait' | 'L' | 'Lq' | 'W' | 'Wq'>,
): QueueResult {
  return {
    ...base,
    stable: false,
    loss: 0,
    throughput: base.servers / base.meanService,
    utilization: 1,
    pWait: 1,
    L: null,
    Lq: null,
    W: null,
    Wq: null,
  };
}
