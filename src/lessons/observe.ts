// What a lesson's checks read from one run of one scenario (at one value of its varied
// parameter): the experiment's result, each replication's own figures and series (so that any
// per-replication expression gets a confidence interval from the spread between replications),
// and the group fits of Q(t).
import type { ExperimentResult } from '../models/experiment.ts';
import { fitSeries, type FitResult, type TermCount } from '../models/expfit/index.ts';
import { sampleGrid } from '../sim/engine/recorder.ts';
import type { ReplicationFiguresData, SampledSeries } from '../sim/replicate.ts';
import type { Scenario } from '../sim/scenario/types.ts';
import { LogHistogram } from '../sim/stats/logHistogram.ts';
import { meanCI, type MeanCI } from '../sim/stats/meanCI.ts';
import type { ReplicationFigures, MessageTotals } from '../sim/summary.ts';
import type { ParamValue } from '../sim/sweep/values.ts';
import { Sampled } from './expr/evaluate.ts';
import type { FitSpec } from './types.ts';

/** One replication as `replications.*` reads it. */
export interface ReplicationRecord {
  replication: number;
  horizon: number;
  /** The warm-up deleted from the window figures, and the window's length (horizon - warmup). */
  warmup: number;
  window: number;
  /** Window figures per queue (meanLength, meanInSystem, meanWait, meanSojourn, lossProbability,
   *  expiredFraction, arrivalRate) and per consumer group (utilization, throughput). */
  queues: Record<string, ReplicationFigures['queues'][number]>;
  consumers: Record<string, ReplicationFigures['consumers'][number]>;
  meanSojourn: number;
  /** Answers per second after the warm-up: to clients still waiting, and all of them. */
  goodput: number;
  throughput: number;
  /** Per priority value: meanWait, meanSojourn. */
  classes: Record<string, { meanWait: number; meanSojourn: number }>;
  /** Counts over the whole run (warm-up included). */
  totals: MessageTotals;
  /** End-to-end latency of this replication's messages (after the warm-up): exact count, mean
   *  and max; percentiles from the log-binned histogram, within `resolution` (relative). */
  endToEnd: { count: number; mean: number; p50: number; p95: number; p99: number; max: number; resolution: number };
  /** The sampled series (the whole run); Q per queue under `queues`. */
  series: { P: Sampled; Q: Sampled; C: Sampled; H: Sampled; R: Sampled; queues: Record<string, Sampled> };
}

/** A replication as it comes back from a runner (src/sim/replicate.ts) or the lab's own pass. */
export interface ReplicationInput {
  replication: number;
  figures: ReplicationFigures | ReplicationFiguresData;
  series: SampledSeries;
}

export function replicationRecord(scenario: Scenario, warmup: number, input: ReplicationInput): ReplicationRecord {
  const f = input.figures;
  const hist = f.endToEnd instanceof LogHistogram ? f.endToEnd : LogHistogram.fromData(f.endToEnd);
  const classes = f.classes instanceof Map ? [...f.classes] : f.classes;
  const s = input.series;
  const t = sampleGrid(scenario.horizon, scenario.sampleEvery);
  if (t.length !== s.Q.length) throw new Error(`replication ${input.replication}: ${s.Q.length} samples, the grid has ${t.length}`);
  const queues: ReplicationRecord['queues'] = {};
  const queueSeries: Record<string, Sampled> = {};
  scenario.queues.forEach((q, i) => {
    queues[q.id] = f.queues[i];
    queueSeries[q.id] = new Sampled(t, s.queueQ[i]);
  });
  const consumers: ReplicationRecord['consumers'] = {};
  scenario.consumers.forEach((c, i) => (consumers[c.id] = f.consumers[i]));
  return {
    replication: input.replication,
    horizon: scenario.horizon,
    warmup,
    window: scenario.horizon - warmup,
    queues,
    consumers,
    meanSojourn: f.meanSojourn,
    goodput: f.goodput,
    throughput: f.throughput,
    classes: Object.fromEntries(classes.map(([v, c]) => [String(v), c])),
    totals: f.totals,
    endToEnd: {
      count: hist.count,
      mean: hist.mean,
      p50: hist.quantile(0.5),
      p95: hist.quantile(0.95),
      p99: hist.quantile(0.99),
      max: hist.max,
      resolution: hist.relativeError,
    },
    series: {
      P: new Sampled(t, s.P),
      Q: new Sampled(t, s.Q),
      C: new Sampled(t, s.C),
      H: new Sampled(t, s.H),
      R: new Sampled(t, s.R),
      queues: queueSeries,
    },
  };
}

/**
 * The fit of a FitSpec with confidence intervals by the delete-one-group jackknife (Efron &
 * Tibshirani (1993), An Introduction to the Bootstrap, ch. 11): the replications are split into
 * G groups; the model is fitted to the mean over all of them (theta) and to the mean without
 * each group in turn (theta_-g); the pseudo-values G theta - (G - 1) theta_-g are treated as G
 * independent estimates (mean and Student-t interval with G - 1 degrees of freedom). Each fit
 * sees most of the data, so a noisy transient still fits stably.
 */
export interface GroupFit {
  spec: FitSpec;
  /** Replications per group. */
  size: number;
  /** The fit of the mean over all replications (times counted from spec.from). */
  all: FitResult | { error: string };
  /** The fits leaving out one group each (or why they failed). */
  leaveOut: (FitResult | { error: string })[];
  /** Jackknife means and 95% CIs: the constant, and per term (slowest first) rate, amplitude,
   *  time constant. */
  x0: MeanCI;
  rates: MeanCI[];
  amplitudes: MeanCI[];
  timeConstants: MeanCI[];
}

function fitWindow(spec: FitSpec, records: ReplicationRecord[]): { t: number[]; y: number[] } {
  const pick = (r: ReplicationRecord) => (spec.queue === null ? r.series.Q : r.series.queues[spec.queue]);
  const first = pick(records[0]);
  const t: number[] = [];
  const y: number[] = [];
  for (let k = 0; k < first.t.length; k++) {
    const time = first.t[k];
    if (time < spec.from - 1e-9 || time > spec.to + 1e-9) continue;
    let sum = 0;
    for (const r of records) sum += pick(r).y[k];
    t.push(time - spec.from);
    y.push(sum / records.length);
  }
  return { t, y };
}

function fitOne(spec: FitSpec, records: ReplicationRecord[]): FitResult | { error: string } {
  try {
    const { t, y } = fitWindow(spec, records);
    return fitSeries(t, y, { terms: spec.terms as TermCount | 'auto', initial: spec.initial });
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** Fits the mean Q(t) of all replications, and of all but each group, for jackknife intervals. */
export function groupFit(spec: FitSpec, records: ReplicationRecord[]): GroupFit {
  const G = spec.groups;
  if (records.length % G !== 0) throw new Error(`fit: ${G} groups must divide the ${records.length} replications`);
  if (spec.queue !== null && !(spec.queue in records[0].series.queues)) throw new Error(`fit: no queue "${spec.queue}"`);
  const size = records.length / G;
  const all = fitOne(spec, records);
  const leaveOut = Array.from({ length: G }, (_, g) => fitOne(spec, [...records.slice(0, g * size), ...records.slice((g + 1) * size)]));
  const terms = 'error' in all ? 0 : all.terms.length;
  const jackknife = (get: (f: FitResult) => number | undefined): MeanCI => {
    if ('error' in all) return { mean: null, ci95: null };
    const whole = get(all);
    if (whole === undefined) return { mean: null, ci95: null };
    // A leave-out fit that failed, or found another number of terms, gives no pseudo-value.
    return meanCI(leaveOut.map((f) => ('error' in f || f.terms.length !== terms ? NaN : G * whole - (G - 1) * (get(f) ?? NaN))));
  };
  const perTerm = (get: (f: FitResult, i: number) => number) => Array.from({ length: terms }, (_, i) => jackknife((f) => get(f, i)));
  return {
    spec,
    size,
    all,
    leaveOut,
    x0: jackknife((f) => f.x0),
    rates: perTerm((f, i) => f.terms[i].rate),
    amplitudes: perTerm((f, i) => f.terms[i].amplitude),
    timeConstants: perTerm((f, i) => f.timeConstants[i]),
  };
}

/** Everything the checks of one point read. */
export interface Observation {
  /** The scenario's id in the lesson, and the varied parameter's value here (null: none). */
  scenario: string;
  value: ParamValue | null;
  result: ExperimentResult;
  replications: ReplicationRecord[];
  fit: GroupFit | null;
}
