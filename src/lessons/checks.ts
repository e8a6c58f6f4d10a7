// A lesson's checks against its runs: the simulated mean with its 95% CI, the reference (theory,
// an expected value, or a bound), and a verdict whose tolerance comes from the CI (as
// test/helpers/agreement.ts: the same Student-t standard error at 99.9%, shared over the
// lesson's judged checks by Bonferroni), never from a chosen percentage.
import { studentTQuantile } from '../sim/stats/studentT.ts';
import { meanCI } from '../sim/stats/meanCI.ts';
import type { ParamValue } from '../sim/sweep/values.ts';
import { evaluate, isMeanCI, show, type Scope } from './expr/evaluate.ts';
import { rootNames, type Expr } from './expr/parse.ts';
import { functions } from './functions.ts';
import type { Observation, ReplicationRecord } from './observe.ts';
import type { Check, Lesson, ReferenceKind, Tolerance } from './types.ts';

/** The false-alarm probability of the whole lesson under a correct simulator and theory. */
export const LESSON_ALPHA = 0.001;

export type Verdict = 'pass' | 'fail' | 'shown' | 'error';

export interface CheckOutcome {
  label: string;
  /** The scenario's id, and the varied parameter's value at this point (null: none). */
  scenario: string;
  value: ParamValue | null;
  metric: string;
  reference: { kind: ReferenceKind; text: string };
  tolerance: Tolerance;
  predict: string | null;
  /** Mean over replications (or fit groups) with its 95% CI; n values behind it. */
  simulated: { mean: number | null; ci95: [number, number] | null; n: number };
  /** The reference value (its mean over replications when it is computed per replication). */
  theory: number | null;
  /** Compared replication by replication (both sides read replications.*). */
  paired: boolean;
  /** simulated - theory (the mean of the per-replication differences when paired). */
  difference: number | null;
  /** Half-width the verdict used, and its confidence level (null for exact / none). */
  margin: number | null;
  confidence: number | null;
  verdict: Verdict;
  /** One line: why this verdict. */
  reason: string;
}

/** Roots every expression can read at a point. */
function constants(o: Observation): Record<string, unknown> {
  return { theory: o.result.theory, scenario: o.result.scenario, value: o.value };
}

function scopeOf(roots: Record<string, unknown>): Scope {
  return { roots, functions };
}

function finiteNumber(x: unknown, what: string): number {
  if (typeof x !== 'number') throw new Error(`${what} is not a number (${x === null ? 'null' : typeof x})`);
  return x;
}

/** Per replication: the expression's value in each (non-finite values are dropped later). */
function perReplication(expr: Expr, o: Observation): number[] {
  const base = constants(o);
  return o.replications.map((r: ReplicationRecord) => finiteNumber(evaluate(expr, scopeOf({ ...base, replications: r })), show(expr)));
}

/** Student-t half-width at level 1 - alpha for n values with standard error se. */
function halfWidth(se: number, n: number, alpha: number): number {
  return studentTQuantile(1 - alpha / 2, n - 1) * se;
}

/** Evaluates one check at one point; `family` is the number of judged evaluations in the lesson. */
export function evaluateCheck(check: Check, o: Observation, family: number): CheckOutcome {
  const base: CheckOutcome = {
    label: check.label,
    scenario: o.scenario,
    value: o.value,
    metric: check.metric.text,
    reference: { kind: check.reference.kind, text: check.reference.text },
    tolerance: check.tolerance,
    predict: check.predict,
    simulated: { mean: null, ci95: null, n: 0 },
    theory: null,
    paired: check.reference.perReplication,
    difference: null,
    margin: null,
    confidence: null,
    verdict: 'error',
    reason: '',
  };
  try {
    return judge(check, o, family, base);
  } catch (err) {
    return { ...base, verdict: 'error', reason: (err as Error).message };
  }
}

function judge(check: Check, o: Observation, family: number, out: CheckOutcome): CheckOutcome {
  // The metric: per-replication values, or a mean with a CI from the result.
  let values: number[] | null = null;
  if (check.metric.perReplication) {
    values = perReplication(check.metric.expr, o);
    const m = meanCI(values);
    out.simulated = { mean: m.mean, ci95: m.ci95, n: values.filter(Number.isFinite).length };
  } else {
    const roots = { ...constants(o), summary: o.result.summary, fit: o.fit };
    const x = evaluate(check.metric.expr, scopeOf(roots));
    const n = rootNames(check.metric.expr).has('fit') ? (o.fit?.spec.groups ?? 0) : o.result.summary.replications;
    if (isMeanCI(x)) out.simulated = { mean: x.mean, ci95: x.ci95, n };
    else if (typeof x === 'number') out.simulated = { mean: x, ci95: null, n: 1 };
    else throw new Error(`${check.metric.text} is not a simulated figure (it is ${x === null ? 'null' : typeof x})`);
  }
  const sim = out.simulated;
  if (sim.mean === null || !Number.isFinite(sim.mean)) return { ...out, verdict: 'error', reason: `${check.metric.text}: no simulated value` };

  // The reference, and the differences that the verdict is about.
  let spread: { mean: number; se: number | null; n: number; worst: number };
  if (check.reference.perReplication) {
    const ref = perReplication(check.reference.expr, o);
    const d: number[] = [];
    let refSum = 0;
    let refCount = 0;
    ref.forEach((r, i) => {
      if (Number.isFinite(r)) {
        refSum += r;
        refCount++;
      }
      const x = values![i] - r;
      if (Number.isFinite(x)) d.push(x);
    });
    out.theory = refCount > 0 ? refSum / refCount : null;
    if (d.length === 0) return { ...out, verdict: 'error', reason: 'no replication has both values' };
    const m = meanCI(d);
    const se = m.ci95 === null ? null : (m.ci95[1] - m.ci95[0]) / 2 / studentTQuantile(0.975, d.length - 1);
    spread = { mean: m.mean!, se, n: d.length, worst: Math.max(...d.map(Math.abs)) };
  } else {
    const roots = constants(o);
    const r = evaluate(check.reference.expr, scopeOf(roots));
    out.theory = finiteNumber(isMeanCI(r) ? r.mean : r, check.reference.text);
    if (!Number.isFinite(out.theory)) return { ...out, verdict: 'error', reason: `${check.reference.text} = ${out.theory}` };
    const se = sim.ci95 === null || sim.n < 2 ? null : (sim.ci95[1] - sim.ci95[0]) / 2 / studentTQuantile(0.975, sim.n - 1);
    spread = { mean: sim.mean - out.theory, se, n: sim.n, worst: Math.abs(sim.mean - out.theory) };
  }
  out.difference = spread.mean;
  const ref = out.theory ?? 0;
  const word = check.reference.kind === 'theory' ? 'theory' : check.reference.kind === 'expect' ? 'expected' : 'bound';

  if (check.tolerance === 'none') {
    return { ...out, verdict: 'shown', reason: `shown, not judged: simulated ${fmt(sim.mean)} beside ${word} ${fmt(ref)}` };
  }
  if (check.tolerance === 'exact') {
    const margin = 1e-9 * Math.max(1, Math.abs(ref));
    out.margin = margin;
    const pass = spread.worst <= margin;
    return {
      ...out,
      verdict: pass ? 'pass' : 'fail',
      reason: pass
        ? `identity holds${out.paired ? ' in every replication' : ''} (to ${fmt(margin)})`
        : `identity broken: off by ${fmt(spread.worst)}${out.paired ? ' in some replication' : ''}`,
    };
  }
  if (spread.se === null || spread.n < 2) {
    return { ...out, verdict: 'error', reason: 'no confidence interval (it needs 2 or more replications or fit groups)' };
  }
  const alpha = LESSON_ALPHA / Math.max(1, family);
  // Latency percentiles come from a log-binned histogram: add its stated resolution.
  const binning = usesPercentile(check.metric.expr) ? (o.replications[0]?.endToEnd.resolution ?? 0) * Math.abs(sim.mean) : 0;
  // Never below rounding: a figure with no spread (a server always busy) still compares.
  const margin = Math.max(halfWidth(spread.se, spread.n, alpha) + binning, 1e-9 * Math.max(1, Math.abs(ref)));
  out.margin = margin;
  out.confidence = 1 - alpha;
  const level = `${trimLevel(1 - alpha)} CI-derived margin ${fmt(margin)}${binning > 0 ? ' incl. histogram resolution' : ''}, n = ${spread.n}`;
  const diff = spread.mean;
  switch (check.reference.kind) {
    case 'theory':
    case 'expect': {
      const pass = Math.abs(diff) <= margin;
      return { ...out, verdict: pass ? 'pass' : 'fail', reason: `${pass ? 'agrees' : 'differs'}: |simulated - ${word}| = ${fmt(Math.abs(diff))} ${pass ? '<=' : '>'} ${level}` };
    }
    case 'below': {
      const pass = diff + margin < 0;
      return { ...out, verdict: pass ? 'pass' : 'fail', reason: `${pass ? 'below' : 'not shown below'}: simulated - bound = ${fmt(diff)}, ${level}` };
    }
    case 'above': {
      const pass = diff - margin > 0;
      return { ...out, verdict: pass ? 'pass' : 'fail', reason: `${pass ? 'above' : 'not shown above'}: simulated - bound = ${fmt(diff)}, ${level}` };
    }
  }
}

function usesPercentile(e: Expr): boolean {
  return /\bendToEnd\.p\d+\b/.test(show(e));
}

function trimLevel(p: number): string {
  return `${Number((100 * p).toPrecision(6))}%`;
}

/** A number in 4 significant digits (exact integers as they are). */
export function fmt(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e9) return String(x);
  return Number(x.toPrecision(4)).toString();
}

/** The checks of a lesson that apply at an observation (its scenario, and its value when `at` is set). */
export function checksAt(lesson: Lesson, o: Observation): Check[] {
  return lesson.checks.filter((c) => c.scenario === o.scenario && (c.at === null || c.at.some((v) => v === o.value)));
}

/**
 * Every check at every observation, in the lesson's order of checks, then of points. `family`
 * (the Bonferroni count) defaults to the judged pairs among these observations; a lab that ran
 * only some of the lesson's points passes judgedFamily(lesson), so each verdict is the one the
 * whole lesson's run gives at that point.
 */
export function evaluateChecks(lesson: Lesson, observations: readonly Observation[], family?: number): CheckOutcome[] {
  const pairs = lesson.checks.flatMap((check) =>
    observations.filter((o) => checksAt(lesson, o).includes(check)).map((o) => ({ check, o })),
  );
  const judged = family ?? pairs.filter(({ check }) => check.tolerance === 'ci').length;
  return pairs.map(({ check, o }) => evaluateCheck(check, o, judged));
}

/** The judged (check, point) pairs of the whole lesson: the family its verdicts share. */
export function judgedFamily(lesson: Lesson): number {
  let n = 0;
  for (const check of lesson.checks) {
    if (check.tolerance !== 'ci') continue;
    const vary = lesson.scenarios.find((s) => s.id === check.scenario)?.vary ?? null;
    if (vary === null) n++;
    else n += vary.values.filter((v) => check.at === null || check.at.some((x) => x === v)).length;
  }
  return n;
}

/** Whether a lesson's outcomes all pass (shown ones do not count; an error fails). */
export function allPass(outcomes: readonly CheckOutcome[]): boolean {
  return outcomes.every((o) => o.verdict === 'pass' || o.verdict === 'shown');
}

/**
 * The reference of a check as a function of the varied parameter, for a theory curve through the
 * points: evaluated with only `value` bound, so null where the expression reads anything else
 * (theory.*, scenario.*, replications.*) or the function has no value there (e.g. load >= 1).
 */
export function theoryCurve(check: Check, values: readonly number[]): (number | null)[] {
  const roots = rootNames(check.reference.expr);
  if ([...roots].some((r) => r !== 'value')) return values.map(() => null);
  return values.map((value) => {
    try {
      const y = evaluate(check.reference.expr, scopeOf({ value }));
      return typeof y === 'number' && Number.isFinite(y) ? y : null;
    } catch {
      return null;
    }
  });
}
