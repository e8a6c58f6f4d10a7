// Messages between the lab page and the simulation worker. Everything is structured-clone safe
// (plain objects, arrays, Float64Arrays); the worker never receives code, only scenario JSON.
import type { ExperimentResult } from '../../models/experiment.ts';
import type { LatencyCdf } from './latencyCdf.ts';
import type { LessonChecks, LessonRequest } from './lessonObserver.ts';
import type { TransientCurve } from './transientCurves.ts';
import type { TypedSeries } from './typedSeries.ts';

/** The result as the page gets it: the series as typed arrays (the files carry the original). */
export type PageResult = Omit<ExperimentResult, 'series'> & { series: TypedSeries };

/** Page -> worker. */
export type ToWorker =
  /** `lesson`: the scenario is that lesson point's, so its checks are evaluated at the end. */
  | { type: 'start'; scenario: unknown; paused: boolean; speed: number; lesson?: LessonRequest | null }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'step' }
  | { type: 'speed'; speed: number };

/** The sampled series of one replication, samples [from, to) of the grid. */
export interface SampleBatch {
  replication: number;
  from: number;
  P: Float64Array;
  C: Float64Array;
  H: Float64Array;
  R: Float64Array;
  Q: Float64Array;
  queueQ: Float64Array[];
  /** Servers provisioned per consumer group (scenario order). */
  consumerN: Float64Array[];
  /** Rates of P, C, H, R over each interval ending at a sample of this batch (core's formula). */
  Prate: Float64Array;
  Crate: Float64Array;
  Hrate: Float64Array;
  Rrate: Float64Array;
}

/** The system's state now, for the topology view. */
export interface LiveState {
  replication: number;
  /** Simulated time reached in this replication. */
  time: number;
  /** Messages waiting per queue (scenario order). */
  queueLength: number[];
  /** Busy units / running units per consumer group (scenario order); an autoscaled group's
   *  running servers are those up or retiring now. */
  utilization: number[];
  /** Servers provisioned now per consumer group (autoscaled: up, starting and retiring). */
  servers: number[];
  /** Overall fraction of the work done, 0..1. */
  fraction: number;
  /** 'pilot' while the auto warm-up's pilot run goes, then 'main'. */
  phase: 'pilot' | 'main';
  /** Messages produced so far over every replication run (pilot included). */
  messages: number;
  /** Messages simulated per wall-clock second over the last seconds of running, or null (not yet measured). */
  messagesPerSecond: number | null;
}

/** Worker -> page. */
export type FromWorker =
  /** `scaledIds`: the consumer groups that autoscale (their count N(t) is plotted), of `consumerIds`. */
  | { type: 'started'; grid: Float64Array; queueIds: string[]; consumerIds: string[]; scaledIds: string[]; replications: number }
  | { type: 'batch'; batch: SampleBatch; live: LiveState }
  | { type: 'replication'; replication: number; phase: 'pilot' | 'main'; mean: TypedSeries }
  | {
      type: 'finished';
      result: PageResult;
      transients: TransientCurve[];
      latency: LatencyCdf | null;
      /** The export files, made in the worker: JSON.stringify(result, null, 2) + '\n' and seriesCsv(). */
      json: string;
      csv: string;
      elapsedMs: number;
    }
  | { type: 'paused'; live: LiveState }
  /** Sent just before 'finished' when the run was started with a lesson. */
  | { type: 'checks'; checks: LessonChecks }
  | { type: 'error'; message: string };
