// A sweep's result: per point, what `npm run sim` reports for that point's scenario (summary,
// theory, warnings), put together from job results in any order.
import type { Scenario } from '../../sim/scenario/types.ts';
import { summariseReplications } from '../../sim/replicate.ts';
import type { Summary } from '../../sim/summary.ts';
import type { SweepParam, SweepPoint, SweepSpec } from '../../sim/sweep/plan.ts';
import type { ParamValue } from '../../sim/sweep/values.ts';
import { theoryFor, type ScenarioTheory } from '../theory/index.ts';
import type { JobResult, WarmupChoice } from './run.ts';

export interface SweepPointResult {
  index: number;
  /** The parameters' values at this point, by path. */
  values: Record<string, ParamValue>;
  /** The checked scenario that ran here. */
  scenario: Scenario;
  /** Unstable queues, the "auto" warm-up's caveat, ... (as in the result file). */
  warnings: string[];
  /** Means with 95% CIs over the point's replications (summary.warmup: the warm-up used). */
  summary: Summary;
  theory: ScenarioTheory;
}

export interface SweepResult {
  sweep: { params: SweepParam[]; points: number; jobs: number };
  /** The scenario file's JSON the points were made from (command-line overrides applied). */
  base: unknown;
  points: SweepPointResult[];
}

/** Puts every job's result together; throws unless each point has all its replications. */
export function assembleSweep(
  spec: SweepSpec,
  points: readonly SweepPoint[],
  warmups: readonly WarmupChoice[],
  results: readonly JobResult[],
): SweepResult {
  const byPoint = points.map(() => [] as JobResult[]);
  for (const r of results) byPoint[r.point].push(r);
  const warmupOf = new Map(warmups.map((w) => [w.point, w]));
  const out = points.map((p): SweepPointResult => {
    const choice = warmupOf.get(p.index);
    if (!choice) throw new Error(`no warm-up for point ${p.index}`);
    const theory = theoryFor(p.scenario);
    const warnings = [...theory.warnings, ...(choice.warning === null ? [] : [choice.warning])];
    const reps = byPoint[p.index].map((r) => ({ replication: r.replication, figures: r.figures, series: null }));
    const summary = summariseReplications(p.scenario, choice.warmup, reps);
    const values = Object.fromEntries(spec.params.map((param, i) => [param.path, p.values[i]]));
    return { index: p.index, values, scenario: p.scenario, warnings, summary, theory };
  });
  return { sweep: { params: spec.params, points: points.length, jobs: results.length }, base: spec.base, points: out };
}
