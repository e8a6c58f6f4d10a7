// Replications as independent jobs: runReplication(scenario, r, warmup) can run anywhere (a
// worker thread, a Web Worker, another machine) and hands back plain data; combineReplications
// puts any set of them, finished in any order, together into exactly what simulate() returns.
// Pure: no Node modules, no clock; randomness only from the streams keyed (seed, r, id).
import type { Scenario } from './scenario/types.ts';
import { Simulation } from './engine/simulation.ts';
import { sampleGrid } from './engine/recorder.ts';
import { JobProgress } from './jobProgress.ts';
import type { SimulateOptions, SimulationOutput } from './run.ts';
import { SeriesAccumulator } from './series.ts';
import { LogHistogram, type LogHistogramData } from './stats/logHistogram.ts';
import { replicationFigures, summarise, type ReplicationFigures, type Summary } from './summary.ts';

/**
 * ReplicationFigures as plain data (JSON-ready but for non-finite numbers): the latency
 * histogram as LogHistogramData, the per-class map as its entries.
 */
export type ReplicationFiguresData = Omit<ReplicationFigures, 'endToEnd' | 'classes'> & {
  endToEnd: LogHistogramData;
  classes: [number, ClassFigures][];
};

type ClassFigures = ReplicationFigures['classes'] extends Map<number, infer F> ? F : never;

/** One replication's sampled series (values at the scenario's sample grid). */
export interface SampledSeries {
  P: Float64Array;
  Q: Float64Array;
  C: Float64Array;
  H: Float64Array;
  R: Float64Array;
  /** Messages waiting, per queue in scenario order. */
  queueQ: Float64Array[];
  /** Servers provisioned, per consumer group in scenario order (absent from older producers of this data). */
  consumerN?: Float64Array[];
}

/** What one replication hands back: structured-clone safe (postMessage) as it is. */
export interface ReplicationResult {
  replication: number;
  figures: ReplicationFiguresData;
  /** null when not asked for (a sweep needs only the figures). */
  series: SampledSeries | null;
}

export interface ReplicationOptions {
  /** Keep the sampled series (default true; simulate() needs them, a sweep does not). */
  series?: boolean;
  /** Called `progressSteps` times (default 20) with the simulated time and messages produced. */
  onProgress?: (time: number, produced: number) => void;
  progressSteps?: number;
}

/** One replication to run somewhere: everything it depends on, as plain data. */
export interface ReplicationJob {
  scenario: Scenario;
  replication: number;
  warmup: number;
  /** Whether the result should carry the sampled series. */
  series: boolean;
}

/** Runs jobs (here, in worker threads, in Web Workers...); onProgress as in ReplicationOptions. */
export type JobRunner = (job: ReplicationJob, onProgress?: (time: number, produced: number) => void) => Promise<ReplicationResult>;

/** The JobRunner that runs each job right here, at once. */
export const runHere: JobRunner = async (job, onProgress) =>
  runReplication(job.scenario, job.replication, job.warmup, { series: job.series, onProgress });

/**
 * simulate(scenario, options) with the replications run by `run`, as many at a time as it
 * takes: the same output, whatever order they finish in.
 */
export async function simulateWith(run: JobRunner, scenario: Scenario, options: SimulateOptions): Promise<SimulationOutput> {
  const { warmup } = options;
  const progress = new JobProgress(Array(scenario.replications).fill(scenario.horizon), options.onProgress);
  const results = await Promise.all(
    Array.from({ length: scenario.replications }, (_, r) =>
      run({ scenario, replication: r, warmup, series: true }, progress.reporter(r)).then((result) => {
        progress.finished(r);
        return result;
      }),
    ),
  );
  return combineReplications(scenario, warmup, results);
}

/** Runs replication `replication` of a checked scenario with the given warm-up (seconds). */
export function runReplication(
  scenario: Scenario,
  replication: number,
  warmup: number,
  options: ReplicationOptions = {},
): ReplicationResult {
  const { onProgress } = options;
  const steps = onProgress ? (options.progressSteps ?? 20) : 1;
  const sim = new Simulation(scenario, replication, warmup);
  for (let s = 1; s <= steps; s++) {
    sim.runUntil((scenario.horizon * s) / steps);
    onProgress?.(sim.now, sim.recorder.produced);
  }
  const rec = sim.recorder;
  rec.finish();
  const figures = figuresToData(replicationFigures(sim));
  const series = options.series === false ? null : { P: rec.P, Q: rec.Q, C: rec.C, H: rec.H, R: rec.R, queueQ: rec.queueQ, consumerN: rec.consumerN };
  return { replication, figures, series };
}

export function figuresToData(f: ReplicationFigures): ReplicationFiguresData {
  return { ...f, endToEnd: f.endToEnd.toData(), classes: [...f.classes] };
}

export function figuresFromData(f: ReplicationFiguresData): ReplicationFigures {
  return { ...f, endToEnd: LogHistogram.fromData(f.endToEnd), classes: new Map(f.classes) };
}

/**
 * The summary of replications 0 .. scenario.replications - 1 given in any order: they are put
 * back in replication order first, so the sums run in the order simulate() runs them.
 */
export function summariseReplications(scenario: Scenario, warmup: number, results: readonly ReplicationResult[]): Summary {
  return summarise(scenario, warmup, inOrder(scenario, results).map((r) => figuresFromData(r.figures)));
}

/** Exactly what simulate(scenario, { warmup }) returns, from its replications in any order. */
export function combineReplications(scenario: Scenario, warmup: number, results: readonly ReplicationResult[]): SimulationOutput {
  const ordered = inOrder(scenario, results);
  const acc = new SeriesAccumulator(
    sampleGrid(scenario.horizon, scenario.sampleEvery),
    scenario.queues.map((q) => q.id),
    scenario.consumers.map((c) => c.id),
  );
  for (const r of ordered) {
    if (r.series === null) throw new Error(`combineReplications: replication ${r.replication} has no series`);
    acc.add(r.series);
  }
  return { summary: summariseReplications(scenario, warmup, ordered), series: acc.result() };
}

/** Sorted by replication; throws unless they are exactly 0 .. scenario.replications - 1. */
function inOrder(scenario: Scenario, results: readonly ReplicationResult[]): ReplicationResult[] {
  const n = scenario.replications;
  const ordered = [...results].sort((a, b) => a.replication - b.replication);
  if (ordered.length !== n || ordered.some((r, i) => r.replication !== i)) {
    const got = ordered.map((r) => r.replication).join(', ');
    throw new Error(`expected replications 0..${n - 1}, each once; got [${got}]`);
  }
  return ordered;
}
