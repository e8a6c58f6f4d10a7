// One tried value of a goal seek: its replications run (by any JobRunner), the metric read
// from their summary with a 95% confidence interval, and theory beside it.
import { figuresFromData, runReplication, type JobRunner } from '../../sim/replicate.ts';
import type { Scenario } from '../../sim/scenario/types.ts';
import { meanCI, type MeanCI } from '../../sim/stats/meanCI.ts';
import { summarise } from '../../sim/summary.ts';
import { sweepPoints, type SweepSpec } from '../../sim/sweep/plan.ts';
import { assembleSweep } from '../sweep/result.ts';
import { runSweepSlice } from '../sweep/run.ts';
import { theoryFor } from '../theory/index.ts';
import { asMeanCI, meetsConfidently, readPath, type Target } from './target.ts';
import { theoryOfMetric } from './theoryMetric.ts';

/**
 * How a metric's 95% interval is made: `summary` when the summary carries one (a Student-t
 * interval over the replications' means); `replications` for a number without one (a latency
 * percentile, pooled over replications): the Student-t interval of the per-replication values,
 * each replication's own summary read at the same path.
 */
export type Confidence = 'summary' | 'replications';

export interface Tried {
  value: number;
  /** The metric: mean and 95% CI (see confidence). */
  metric: MeanCI;
  confidence: Confidence;
  /** With confidence 'replications': each replication's value, and the pooled summary's. */
  perReplication?: number[];
  pooled?: number | null;
  /** Theory's value of the metric here; null: no model gives it; Infinity: no steady state. */
  theory: number | null;
  /** The whole interval is on the target's side of the threshold. */
  meets: boolean;
  /** The warm-up used (seconds) and the result file's warnings (unstable queues, ...). */
  warmup: number;
  warnings: string[];
}

/** The checked scenario with the parameter set to `value`, or the problems (one line each). */
export function scenarioAt(base: unknown, vary: string, value: number): { ok: true; scenario: Scenario } | { ok: false; problems: string[] } {
  const planned = sweepPoints({ base, params: [{ path: vary, values: [value] }] });
  return planned.ok ? { ok: true, scenario: planned.points[0].scenario } : planned;
}

/** Theory's value of the target metric with the parameter at `value` (null: none, or invalid there). */
export function theoryAt(base: unknown, vary: string, value: number, target: Target): number | null {
  const at = scenarioAt(base, vary, value);
  return at.ok ? theoryOfMetric(at.scenario, theoryFor(at.scenario), target.steps) : null;
}

/** Runs every replication with the parameter at `value` and weighs the metric against the target. */
export async function tryValue(base: unknown, vary: string, value: number, target: Target, run: JobRunner): Promise<Tried> {
  const spec: SweepSpec = { base, params: [{ path: vary, values: [value] }] };
  const planned = sweepPoints(spec);
  if (!planned.ok) throw new Error(planned.problems.join('\n'));
  const point = planned.points[0];
  const reps = point.scenario.replications;
  const slice = await runSweepSlice(planned.points, { from: 0, to: reps }, run);
  const result = assembleSweep(spec, planned.points, slice.warmups, slice.results).points[0];
  const theory = theoryOfMetric(result.scenario, result.theory, target.steps);
  const node = readPath(result.summary, target.steps);
  const common = { value, theory, warmup: result.summary.warmup, warnings: result.warnings };
  const ci = asMeanCI(node);
  if (ci !== null) return { ...common, metric: ci, confidence: 'summary', meets: meetsConfidently(target, ci) };
  const perReplication = slice.results.map((r) => {
    const x = readPath(summarise(result.scenario, result.summary.warmup, [figuresFromData(r.figures)]), target.steps);
    return typeof x === 'number' ? x : NaN;
  });
  const metric = meanCI(perReplication);
  return {
    ...common,
    metric,
    confidence: 'replications',
    perReplication,
    pooled: typeof node === 'number' ? node : null,
    meets: meetsConfidently(target, metric),
  };
}

/**
 * Whether the target's path names a number of the summary of this scenario, checked on a run
 * too short to cost anything (the summary's shape does not depend on the horizon). Returns a
 * problem line, or null.
 */
export function metricProblem(scenario: Scenario, target: Target): string | null {
  const tiny = { ...scenario, horizon: Math.min(scenario.horizon, 1e-9), replications: 1 };
  const figures = figuresFromData(runReplication(tiny, 0, 0, { series: false }).figures);
  const node = readPath(summarise(tiny, 0, [figures]), target.steps);
  if (asMeanCI(node) !== null || typeof node === 'number' || node === null) return null;
  const what = node === undefined ? 'no such number in the result summary' : 'not a number (a group of metrics: name one inside it)';
  return `--target ${target.metric}: ${what}, e.g. summary.queues.<id>.meanWait, summary.consumers.<id>.utilization, summary.messages.endToEnd.p99`;
}
