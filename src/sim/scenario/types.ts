// The checked scenario: what parseScenario() returns and the only shape the engine sees.
// Every field is present (defaults filled in); the file format is ../../../shared DESIGN.md section 1.

/** A distribution over non-negative numbers, normalised (exponential always carries `rate`). */
export type DistSpec =
  | { dist: 'exponential'; rate: number }
  | { dist: 'deterministic'; value: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'erlang'; k: number; mean: number }
  | { dist: 'gamma'; shape: number; scale: number }
  | { dist: 'lognormal'; mean: number; cv: number }
  | { dist: 'hyperexponential'; probs: number[]; rates: number[] }
  | { dist: 'pareto'; shape: number; scale: number }
  | { dist: 'weibull'; shape: number; scale: number }
  | { dist: 'empirical'; values: number[] };

export type DistName = DistSpec['dist'];

/** lambda(t) = x0 + sum amplitude * exp(-rate * t); checked to stay >= 0 for t >= 0. */
export interface RateModel {
  x0: number;
  terms: { amplitude: number; rate: number }[];
}

export type Balance = 'round-robin' | 'random' | 'shortest' | 'two-choices';

/** How messages travel from a producer to its queue. */
export interface Transport {
  /** udp: a message is lost with probability `loss`; tcp: it is resent after `rto` instead
   *  (no loss, more delay); http: tcp plus a per-request `overhead`. */
  protocol: 'tcp' | 'udp' | 'http';
  /** One-way delay of each attempt. */
  delay: DistSpec;
  /** Probability that one attempt is lost, 0 <= loss < 1 (default 0). */
  loss: number;
  /** tcp / http: retransmission timeout, seconds (default 1). */
  rto: number;
  /** http: extra delay per request (default null = none). */
  overhead: DistSpec | null;
}

export interface Producer {
  id: string;
  /** Target queue ids; one entry unless the file gave a list. */
  to: string[];
  /** How a message picks among `to` (default 'round-robin'; irrelevant for one target). */
  balance: Balance;
  /** Renewal arrivals: time between messages. Exactly one of `interarrival` and `rate` is set. */
  interarrival: DistSpec | null;
  /** Time-varying Poisson arrivals (sampled by thinning). */
  rate: RateModel | null;
  /** Message priority: a number (default 0) or a distribution; higher is served first. */
  priority: number | DistSpec;
  /** Network transport between producer and queue; null = instant and lossless (default). */
  transport: Transport | null;
  /**
   * 'async' (default): open loop, the producer does not wait. 'sync': a closed loop of `clients`
   * clients, each sending one message, waiting for its reply (or for it to leave the system when
   * no consumer replies), thinking (`think`), and sending again; `interarrival` and `rate` are null.
   */
  replies: 'async' | 'sync';
  /** Closed-loop clients (sync only; 1 for async). */
  clients: number;
  /** Think time between a reply and the next request (sync only; null = none). */
  think: DistSpec | null;
  /** Active window, simulated seconds (defaults 0 and null = never stops). */
  start: number;
  stop: number | null;
  /** Max number of messages this producer sends (null = no limit). */
  limit: number | null;
  /** Seconds a client waits for each attempt's reply (null = for ever, default). The reply
   *  arrives at the REPLY event when the last consumer has a `reply` delay, else when the
   *  message is handled at its last queue. A closed-loop client thinks and sends its next request
   *  when the request ends: answered in time, or given up. */
  timeout: number | null;
  /** Retries of timed-out attempts, each a new message (null = none, default); needs `timeout`. */
  retry: Retry | null;
}

/** How a client retries an attempt that timed out (see README "Timeouts and retries"). */
export interface Retry {
  /** Attempts per request, the first included (integer >= 1). */
  maxAttempts: number;
  /** Delay before retry k (k = 1, 2, ...): 'fixed' = base; 'exponential' = base * 2^(k-1). */
  backoff: 'fixed' | 'exponential';
  base: number;
  /** Upper bound of the delay before jitter (null = none, default). */
  cap: number | null;
  /** 'none' (default): the delay d; 'full': uniform on [0, d]; 'equal': d/2 + uniform on [0, d/2]. */
  jitter: 'none' | 'full' | 'equal';
  /** Retry budget as a token bucket (null = none, default): each new request adds `ratio`
   *  tokens, up to `burst` (the bucket starts full); a retry spends one, and is not sent
   *  (the request gives up) when less than one is left. */
  budget: { ratio: number; burst: number } | null;
}

export type Discipline = 'fifo' | 'lifo' | 'priority' | 'random';
export type Overflow = 'reject' | 'drop-head';

export interface Queue {
  id: string;
  /** Max messages waiting (not counting those in service); null = unbounded (default). */
  capacity: number | null;
  /** Messages waiting at t = 0, enqueued before any event as if produced then (default 0):
   *  a backlog to drain. Beyond `capacity`, they are rejected like arrivals. */
  initial: number;
  discipline: Discipline; // default 'fifo'
  overflow: Overflow; // default 'reject'
  /** Seconds a message may wait before it expires and leaves; null = forever (default). */
  ttl: number | null;
  /** With 'priority': preemptive-resume instead of non-preemptive (default false). */
  preemptive: boolean;
}

/** Where handled messages go next: each entry with probability p; the rest leave. */
export interface Route {
  to: string;
  p: number;
}

export type Fetch =
  /** The broker delivers as soon as a server has a free prefetch slot. */
  | { mode: 'push' }
  /** Each server polls every `interval` s and takes up to `batch` messages (default 1); a poll
   *  that finds none waits up to `wait` s (long poll, default 0) for one to arrive. */
  | { mode: 'poll'; interval: number; batch: number; wait: number };

export type Ack =
  /** At-most-once: acked on delivery; a handler failure (probability `failure`) loses the message. */
  | { mode: 'auto'; failure: number }
  /**
   * At-least-once: a handled message is acked (the ack is lost with probability `loss`); a failed
   * one (probability `failure`) is not. An un-acked message becomes visible again
   * `visibilityTimeout` s after its delivery (null: a failure requeues it at once and nothing
   * times out); after `maxDeliveries` deliveries (null = no limit) it goes to `deadLetter`
   * (a queue id; null = dropped, counted as dead-lettered).
   */
  | {
      mode: 'manual';
      failure: number;
      loss: number;
      visibilityTimeout: number | null;
      maxDeliveries: number | null;
      deadLetter: string | null;
    };

export interface Consumer {
  id: string;
  from: string;
  /** Parallel servers sharing the queue (default 1). */
  count: number;
  service: DistSpec;
  /** 'sync': one message per server at a time (default). 'async': up to `concurrency` at once,
   *  each at full speed, or sharing the server's speed equally when `shared` (processor sharing). */
  handling: 'sync' | 'async';
  concurrency: number; // default 1; only async may set more
  shared: boolean; // default false; async only
  fetch: Fetch; // default { mode: 'push' }
  /** Messages a server may hold un-acked, in handling or waiting in its buffer (default: concurrency). */
  prefetch: number;
  ack: Ack; // default { mode: 'auto', failure: 0 }
  /** Fixed windows when the whole group is down (sorted, not overlapping). */
  outages: { start: number; end: number }[];
  /** A failure-repair process of the whole group: up for mtbf, down for mttr, alternating. */
  failures: { mtbf: DistSpec; mttr: DistSpec } | null;
  /** Delay from handling to the reply reaching the producer; null = no reply (default). */
  reply: DistSpec | null;
  /** Normalised routing: [] = leave, "q2" becomes [{ to: "q2", p: 1 }]. */
  then: Route[];
  /** Windows when service is slower: a handling that starts in [start, end) takes `factor`
   *  times its sampled service time (sorted, not overlapping; default []). */
  slowdowns: { start: number; end: number; factor: number }[];
  /** Target-tracking autoscaling of `count` (null = a fixed count, default). */
  autoscale: Autoscale | null;
}

/**
 * Every `interval` s the policy measures `metric`: 'backlog' = messages waiting per consumer,
 * 'age' = seconds the oldest waiting message has waited, 'utilization' = busy share of the
 * running servers over the last interval; and asks for desired = ceil(current * value / target)
 * servers ('backlog': ceil(waiting / target)), clamped to [min, max]. No decision within
 * `cooldown` s of the last change. New servers start taking messages `startupDelay` s after
 * they are asked for; removed ones leave idle first (see README "Autoscaling").
 */
export interface Autoscale {
  min: number;
  max: number;
  metric: 'backlog' | 'age' | 'utilization';
  target: number;
  interval: number;
  cooldown: number; // default 0
  startupDelay: number; // default 0
}

export interface Scenario {
  name: string;
  description: string; // default ''
  seed: number; // integer, default 1
  horizon: number; // required, > 0
  /** Seconds excluded from summary statistics, or 'auto' (MSER-5). Default 0. */
  warmup: number | 'auto';
  replications: number; // integer >= 1, default 1
  /** Spacing of the recorded series (default horizon / 500). */
  sampleEvery: number;
  producers: Producer[];
  queues: Queue[];
  consumers: Consumer[];
}
