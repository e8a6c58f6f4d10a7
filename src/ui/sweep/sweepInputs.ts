// The sweep card's inputs read and checked, each problem tied to its field: the parameter path
// (src/sim/sweep's parser), the values (its A:B:STEP / list parser; numbers only, since they are
// the plot's x axis), the replications per point, the metric, and every point's scenario checked
// by sweepPoints, exactly as `npm run sweep` checks them.
import { parseParamPath } from '../../sim/sweep/paramPath.ts';
import { sweepPoints, type SweepParam, type SweepPoint } from '../../sim/sweep/plan.ts';
import { parseValues } from '../../sim/sweep/values.ts';
import { metricChoices } from './sweepMetrics.ts';

/** 'general': the scenario itself, or a point's scenario that does not check. */
export type SweepField = 'param' | 'values' | 'replications' | 'metric' | 'general';

export interface SweepFormValues {
  param: string;
  values: string;
  replications: string;
  metric: string;
}

/** The lab runs sweeps of at most this many points (a larger one belongs to `npm run sweep --shard`). */
export const MAX_LAB_POINTS = 200;
export const MAX_REPLICATIONS = 1000;

export type SweepInputs =
  | { ok: true; base: unknown; param: SweepParam; points: SweepPoint[] }
  | { ok: false; problems: { field: SweepField; message: string }[] };

/**
 * `scenario`: the scenario JSON, or undefined when it does not check. The base of the sweep is
 * that JSON with `replications` set, as `npm run sweep -- FILE --replications N` sets it.
 */
export function readSweepInputs(form: SweepFormValues, scenario: unknown): SweepInputs {
  const problems: { field: SweepField; message: string }[] = [];
  const add = (field: SweepField, message: string) => problems.push({ field, message });
  if (scenario === undefined) add('general', 'the scenario has problems: fix them first (listed under the JSON editor)');
  const path = form.param.trim();
  try {
    parseParamPath(path);
  } catch (err) {
    add('param', `parameter: ${(err as Error).message}`);
  }
  let values: number[] = [];
  try {
    const parsed = parseValues(form.values);
    const bad = parsed.filter((v) => typeof v !== 'number');
    if (bad.length > 0) add('values', `values: must be numbers, the plot’s x axis (got ${bad.map((v) => JSON.stringify(v)).join(', ')})`);
    else values = parsed as number[];
    if (parsed.length > MAX_LAB_POINTS) add('values', `values: ${parsed.length} values, more than the lab’s ${MAX_LAB_POINTS} (npm run sweep takes up to 10,000)`);
  } catch (err) {
    add('values', `values: ${(err as Error).message}`);
  }
  const reps = form.replications.trim() === '' ? NaN : Number(form.replications);
  if (!Number.isInteger(reps) || reps < 2 || reps > MAX_REPLICATIONS) {
    add('replications', `replications: a whole number from 2 to ${MAX_REPLICATIONS}, so that each point has a confidence interval (got "${form.replications.trim()}")`);
  }
  if (problems.length > 0) return { ok: false, problems };

  const base: unknown = structuredClone(scenario);
  (base as Record<string, unknown>).replications = reps;
  const param: SweepParam = { path, values };
  const planned = sweepPoints({ base, params: [param] });
  if (!planned.ok) {
    for (const p of planned.problems) {
      if (p.startsWith('--param ')) add('param', `parameter: ${p.slice('--param '.length)}`);
      else add('general', p);
    }
    return { ok: false, problems };
  }
  const metrics = metricChoices(planned.points[0].scenario);
  // A priority class's figures exist only where the run meets that priority: any class is allowed.
  const classMetric = /^summary\.classes\.[^.]+\.(meanWait|meanSojourn)$/.test(form.metric);
  if (!classMetric && !metrics.some((m) => m.path === form.metric)) {
    add('metric', `metric: "${form.metric}" is not a figure of this scenario's summary; choose one from the list`);
    return { ok: false, problems };
  }
  return { ok: true, base, param, points: planned.points };
}
