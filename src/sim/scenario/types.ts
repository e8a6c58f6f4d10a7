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
  /** Network transport between producer and queue (issue 3; null until implemented). */
  transport: null;
  /** 'async' = open loop (default). 'sync' closed loop comes with issue 3. */
  replies: 'async';
  /** Active window, simulated seconds (defaults 0 and null = never stops). */
  start: number;
  stop: number | null;
  /** Max number of messages this producer sends (null = no limit). */
  limit: number | null;
}

export type Discipline = 'fifo' | 'lifo' | 'priority' | 'random';
export type Overflow = 'reject' | 'drop-head';

export interface Queue {
  id: string;
  /** Max messages waiting (not counting those in service); null = unbounded (default). */
  capacity: number | null;
  discipline: Discipline; // default 'fifo'
  overflow: Overflow; // default 'reject'
  /** Seconds a message may wait before it expires and leaves; null = forever (default). */
  ttl: number | null;
  /** Preemptive-resume priority (issue 3); false until implemented. */
  preemptive: false;
}

/** Where handled messages go next: each entry with probability p; the rest leave. */
export interface Route {
  to: string;
  p: number;
}

export interface Consumer {
  id: string;
  from: string;
  /** Parallel servers sharing the queue (default 1). */
  count: number;
  service: DistSpec;
  /** 'sync': one message per server at a time (default; 'async' comes with issue 3). */
  handling: 'sync';
  fetch: { mode: 'push' };
  /** Messages a server may hold un-acked (1 until issue 3). */
  prefetch: 1;
  ack: { mode: 'auto' };
  outages: [];
  failures: null;
  /** Reply delay distribution (issue 3; null until implemented). */
  reply: null;
  /** Normalised routing: [] = leave, "q2" becomes [{ to: "q2", p: 1 }]. */
  then: Route[];
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
