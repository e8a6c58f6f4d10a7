// The Plan card's inputs read and checked, each problem tied to its field (the Sweep card's rule:
// problems show live at their field and the button waits until there are none): the parameter
// path (src/sim/sweep's parser, as `npm run plan --vary` reads it), the target's metric and
// threshold, the optional range, and the replications per tried value.
import { parseParamPath } from '../../sim/sweep/paramPath.ts';

export type PlanField = 'vary' | 'target' | 'range' | 'replications' | 'general';

export interface PlanFormValues {
  vary: string;
  metric: string;
  threshold: string;
  min: string;
  max: string;
  replications: string;
}

export type PlanInputs =
  | { ok: true; vary: string; replications: number; min: number | undefined; max: number | undefined }
  | { ok: false; problems: { field: PlanField; message: string }[] };

/** `scenarioValid`: whether the scenario on the panel checks. */
export function readPlanInputs(form: PlanFormValues, scenarioValid: boolean): PlanInputs {
  const problems: { field: PlanField; message: string }[] = [];
  const add = (field: PlanField, message: string) => problems.push({ field, message });
  if (!scenarioValid) add('general', 'the scenario has problems: fix them first (listed under the JSON editor)');
  const vary = form.vary.trim();
  try {
    parseParamPath(vary);
  } catch (err) {
    add('vary', `parameter: ${(err as Error).message}`);
  }
  if (form.metric.trim() === '') add('target', 'target: name a summary metric, e.g. summary.queues.q.meanWait');
  const threshold = form.threshold.trim();
  if (threshold === '' || !Number.isFinite(Number(threshold))) add('target', `threshold: a number (got "${threshold}")`);
  const bound = (text: string, name: string): number | undefined => {
    if (text.trim() === '') return undefined;
    const x = Number(text.trim());
    if (!Number.isFinite(x)) add('range', `${name}: a number, or empty for the default (got "${text.trim()}")`);
    return x;
  };
  const min = bound(form.min, 'range from');
  const max = bound(form.max, 'range to');
  if (min !== undefined && max !== undefined && Number.isFinite(min) && Number.isFinite(max) && !(min < max)) add('range', `range: empty, from must be below to (got ${min} to ${max})`);
  const reps = form.replications.trim() === '' ? NaN : Number(form.replications);
  if (!Number.isInteger(reps) || reps < 2) add('replications', `replications: a whole number >= 2, so that each value has a confidence interval (got "${form.replications.trim()}")`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, vary, replications: reps, min, max };
}
