// Goal seeking: the least good value of one scenario parameter (fewest consumers, highest
// arrival rate...) whose simulated metric meets a target with 95% confidence. Theory first,
// where a model gives the metric: it sets the direction, widens a default range to hold the
// answer, and gives the guess the simulation starts from; then simulation confirms, galloping
// and bisecting (search.ts) with every tried value kept as evidence.
import type { JobRunner } from '../../sim/replicate.ts';
import { checkScenario, formatProblem } from '../../sim/scenario/parse.ts';
import { parseParamPath } from '../../sim/sweep/paramPath.ts';
import { metricProblem, scenarioAt, theoryAt, tryValue, type Tried } from './evidence.ts';
import { roundToTolerance, seek, type Direction, type SearchSpace } from './search.ts';
import { lowerIsBetter, meetsValue, readPath, type Comparison, type Target } from './target.ts';

export interface PlanRequest {
  /** The scenario file's JSON (command-line overrides applied). */
  base: unknown;
  /** The parameter's path, e.g. `consumers[0].count` (src/sim/sweep/paramPath.ts). */
  vary: string;
  target: Target;
  /** The range searched; defaults around the scenario's own value (see defaultRange). */
  min?: number;
  max?: number;
  /** Which way the metric improves; default: from theory, else from simulating both ends. */
  direction?: Direction;
  /** Grid spacing; default 1 for a field the schema requires to be an integer, else continuous. */
  step?: number | null;
  /** Continuous search: the answer's precision; default 1% of the scenario's value (or of the range, for 0). */
  tolerance?: number;
  /** At most this many values simulated (default 20). */
  maxProbes?: number;
}

export interface PlanResult {
  /** The answer: the least good value meeting the target with 95% confidence; null if none in range. */
  value: number | null;
  vary: string;
  target: { metric: string; op: Comparison; threshold: number };
  direction: Direction;
  /** How the direction was found. */
  directionFrom: 'option' | 'theory' | 'simulation';
  range: { min: number; max: number };
  /** Grid spacing (integers: 1), or null for a continuous search to `tolerance`. */
  step: number | null;
  tolerance: number | null;
  /** Theory's answer (its mean on the target's side), when a model gives the metric. */
  theory: { value: number | null; note: string } | null;
  /** How 95% confidence is judged for this metric. */
  confidence: string;
  /** false: the probe budget ran out before the bracket closed. */
  converged: boolean;
  /** Why there is no answer, else null. */
  reason: string | null;
  /** Every simulated value, in order of value. */
  tried: Tried[];
}

/** Bad input: one line per problem (the CLI prints them and exits 2). */
export class PlanInputError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

export async function plan(req: PlanRequest, run: JobRunner, onTried?: (t: Tried) => void): Promise<PlanResult> {
  const { base, vary, target } = req;
  const checked = checkScenario(base);
  if (!checked.ok) throw new PlanInputError(checked.problems.map(formatProblem));
  if (checked.scenario.replications < 2) {
    throw new PlanInputError([`replications: 95% confidence needs at least 2 (got ${checked.scenario.replications}): give --replications N`]);
  }
  let current: unknown;
  try {
    current = readPath(checked.scenario, parseParamPath(vary));
  } catch (err) {
    throw new PlanInputError([`--vary ${(err as Error).message}`]);
  }
  if (typeof current !== 'number') throw new PlanInputError([`--vary ${vary}: not a number in the scenario (got ${JSON.stringify(current) ?? 'nothing'})`]);
  const problem = metricProblem(checked.scenario, target);
  if (problem !== null) throw new PlanInputError([problem]);

  const step = req.step !== undefined ? req.step : integerField(base, vary, current) ? 1 : null;
  const theoryMeets = (v: number): boolean | null => {
    const th = theoryAt(base, vary, v, target);
    return th === null ? null : meetsValue(target, th);
  };
  const range = defaultRange(current, step, req.min, req.max);
  const problems: string[] = [];
  if (!(range.min < range.max)) problems.push(`--min ${range.min} --max ${range.max}: the range is empty (min must be < max)`);
  for (const [flag, v] of [['--min', range.min], ['--max', range.max]] as const) {
    const at = scenarioAt(base, vary, v);
    if (!at.ok) problems.push(...at.problems.map((p) => `${flag} ${v}: ${p}`));
  }
  if (problems.length > 0) throw new PlanInputError(problems);

  const cache = new Map<number, Tried>();
  const probe = async (v: number): Promise<Tried> => {
    let t = cache.get(v);
    if (!t) {
      t = await tryValue(base, vary, v, target, run);
      cache.set(v, t);
      onTried?.(t);
    }
    return t;
  };

  // Direction: theory at both ends when it tells them apart, else the simulated means.
  let direction = req.direction;
  let directionFrom: PlanResult['directionFrom'] = 'option';
  if (direction === undefined) {
    const [a, b] = [theoryAt(base, vary, range.min, target), theoryAt(base, vary, range.max, target)];
    if (a !== null && b !== null && a !== b) {
      direction = better(target, b, a) ? 'up' : 'down';
      directionFrom = 'theory';
    }
  }
  // A default range widened (at most 64 times) until theory meets the target at its best end;
  // left as it was when theory does not meet it even then (no use simulating a huge value).
  if (direction !== undefined && (direction === 'up' ? req.max === undefined : req.min === undefined && step === null)) {
    const wide = { ...range };
    const end = () => (direction === 'up' ? wide.max : wide.min);
    for (let k = 0; k < 6 && theoryMeets(end()) === false; k++) {
      if (direction === 'up') wide.max = step !== null ? wide.min + 2 * (wide.max - wide.min) : 2 * wide.max;
      else wide.min /= 2;
    }
    if (theoryMeets(end()) === true) Object.assign(range, wide);
  }
  if (direction === undefined) {
    const [a, b] = [await probe(range.min), await probe(range.max)];
    if (a.metric.mean === null || b.metric.mean === null || a.metric.mean === b.metric.mean) {
      throw new PlanInputError([`cannot tell which way ${target.metric} improves over ${vary} in [${range.min}, ${range.max}]: give --direction up or down`]);
    }
    direction = better(target, b.metric.mean, a.metric.mean) ? 'up' : 'down';
    directionFrom = 'simulation';
  }

  const tolerance = req.tolerance ?? (current !== 0 ? Math.abs(current) / 100 : (range.max - range.min) / 100);
  const space: SearchSpace = { ...range, step, tolerance };
  const theory = theoryAnswer(space, direction, theoryMeets);
  const outcome = await seek(space, direction, theory?.value ?? null, async (v) => (await probe(v)).meets, req.maxProbes ?? 20);
  const tried = [...cache.values()].sort((x, y) => x.value - y.value);
  const best = direction === 'up' ? range.max : range.min;
  const reason =
    outcome.value !== null
      ? null
      : outcome.converged
        ? `${target.metric} ${target.op} ${target.threshold} is not met with 95% confidence anywhere in [${range.min}, ${range.max}]: ` +
          `at ${vary} = ${best} (the best end) it is ${describe(cache.get(best))}`
        : `no value met the target within ${req.maxProbes ?? 20} simulated values`;
  return {
    value: outcome.value,
    vary,
    target: { metric: target.metric, op: target.op, threshold: target.threshold },
    direction,
    directionFrom,
    range,
    step,
    tolerance: step === null ? space.tolerance : null,
    theory,
    confidence: tried[0]?.confidence === 'replications' ? CONFIDENCE.replications : CONFIDENCE.summary,
    converged: outcome.converged,
    reason,
    tried,
  };
}

const CONFIDENCE = {
  summary: 'the 95% Student-t confidence interval over replications lies wholly on the target side of the threshold',
  replications:
    'the metric has no interval in the summary (a pooled percentile): each replication\'s own value is read, and ' +
    'their 95% Student-t confidence interval must lie wholly on the target side of the threshold',
};

function better(target: Target, x: number, than: number): boolean {
  return lowerIsBetter(target) ? x < than : x > than;
}

function describe(t: Tried | undefined): string {
  if (!t) return 'not simulated';
  const { mean, ci95 } = t.metric;
  // plan() refuses fewer than 2 replications: a missing interval means missing values, e.g.
  // a wait at a queue no message reached in that replication.
  if (mean === null) return 'unmeasured: no replication gave a value (nothing reached it?)';
  if (ci95 === null) return `${fmt(mean)} (no interval: only one replication gave a value)`;
  return `${fmt(mean)} [${fmt(ci95[0])}, ${fmt(ci95[1])}]`;
}

const fmt = (x: number) => Number(x.toPrecision(4)).toString();

/**
 * Whether the schema requires the field to be an integer: the scenario with value + 0.5 there
 * gets a "must be an integer" problem it does not have with the value itself.
 */
function integerField(base: unknown, vary: string, value: number): boolean {
  const at = scenarioAt(base, vary, value + 0.5);
  return !at.ok && at.problems.some((p) => p.includes('must be an integer'));
}

/** --min / --max, or defaults around the current value v: integers 1 (0 if v is 0) .. max(2v, v + 8); else v/16 .. 16v. */
function defaultRange(v: number, step: number | null, min?: number, max?: number): { min: number; max: number } {
  if (step !== null) return { min: min ?? (v >= 1 ? 1 : 0), max: max ?? Math.max(2 * v, v + 8) };
  const lo = v > 0 ? v / 16 : v < 0 ? 16 * v : -1;
  const hi = v > 0 ? 16 * v : v < 0 ? v / 16 : 1;
  return { min: min ?? lo, max: max ?? hi };
}

/** Theory's answer by bisection on its own predicate (the mean meets), when theory gives the metric at the best end. */
function theoryAnswer(space: SearchSpace, direction: Direction, meets: (v: number) => boolean | null): PlanResult['theory'] {
  const { min, max, step } = space;
  const worst = direction === 'up' ? min : max;
  const bestEnd = direction === 'up' ? max : min;
  const atBest = meets(bestEnd);
  if (atBest === null) return null;
  if (!atBest) return { value: null, note: `theory: not met even at ${bestEnd}` };
  if (meets(worst) === true) return { value: worst, note: 'theory: met over the whole range' };
  // Bisection between a failing and a meeting value (in grid steps for a grid).
  let fail = worst;
  let pass = bestEnd;
  const close = (a: number, b: number) => (step !== null ? Math.abs(a - b) <= step * (1 + 1e-9) : Math.abs(a - b) <= space.tolerance / 16);
  while (!close(fail, pass)) {
    let mid = (fail + pass) / 2;
    if (step !== null) mid = min + Math.round((mid - min) / step) * step;
    if (mid === fail || mid === pass) break;
    if (meets(mid)) pass = mid;
    else fail = mid;
  }
  const value = step === null ? roundToTolerance(pass, space.tolerance) : pass;
  return { value, note: 'theory: the least good value whose theoretical value meets the target' };
}
