// The problem: checked options and data, normalised so that the solver sees the same numbers
// whether t runs over [0, 1e-3] or [0, 1e4] and y over [0, 1] or [1e6, 1e6 + 1].
//
//   tau = (t - tRef) / tScale,  tScale = t[n-1] - t[0], tRef = t[0] (0 when X(0) is constrained)
//   z   = (y - yShift) / yScale, yShift = mean(y) when x0 is free and unconstrained, else 0
//
// so the fitted scaled model Z(tau) = z0 + sum a_i exp(-r_i tau) maps back exactly:
//   rate = r / tScale, amplitude = yScale * a * exp(r * tRef / tScale), x0 = yShift + yScale * z0.

import { parameterCount } from './model.ts';
import { pow } from '../../sim/math/index.ts';

export type TermCount = 0 | 1 | 2 | 3 | 4;

/** What a caller may ask for. Every field is optional; the defaults are listed per field. */
export interface FitOptions {
  /** Number of exponential terms 0..4, or 'auto' to choose it (default 'auto'). */
  terms?: TermCount | 'auto';
  /** Fit the constant x0 (default true); false fixes x0 = 0 (`--no-constant`). */
  constant?: boolean;
  /** Constrain X(0) = x0 + sum amplitudes = initial (default null: unconstrained; `--initial V`). */
  initial?: number | null;
  /** One weight >= 0 per point multiplying its residual, so the fit minimises
   *  sum (w_i (y_i - X(t_i)))^2; use w_i = 1 / sigma_i for known noise levels (lmfit's and the
   *  varpro crate's convention). Default: all 1. Points with weight 0 are ignored. */
  weights?: ArrayLike<number> | null;
}

/** FitOptions with every default filled in and every value checked. */
export interface CheckedOptions {
  terms: TermCount | 'auto';
  constant: boolean;
  initial: number | null;
  weights: Float64Array | null;
}

/** The checked, normalised data shared by the fits of every term count. */
export interface Problem {
  readonly options: CheckedOptions;
  /** Number of points, and number with a positive weight (the statistics use the latter). */
  readonly n: number;
  readonly nEff: number;
  readonly t: Float64Array;
  readonly y: Float64Array;
  readonly tau: Float64Array;
  readonly z: Float64Array;
  /** Residual weights, or null for all 1. */
  readonly w: Float64Array | null;
  readonly tRef: number;
  readonly tScale: number;
  readonly yShift: number;
  readonly yScale: number;
  /** X(0) = initial in scaled units, or null. */
  readonly initialScaled: number | null;
  /** The smallest spacing of t (original units) and the span t[n-1] - t[0]. */
  readonly dtMin: number;
  readonly span: number;
  /** A weighted SSE (scaled units) at which the fit is exact to rounding. */
  readonly sseFloor: number;
}

const TERM_COUNTS = [0, 1, 2, 3, 4];

/** Fill defaults and check the options; `n` is the number of points, for the weights. */
export function checkOptions(options: FitOptions | undefined, n: number): CheckedOptions {
  const o = options ?? {};
  const terms = o.terms ?? 'auto';
  if (terms !== 'auto' && !TERM_COUNTS.includes(terms as number)) {
    throw new Error(`terms must be 0, 1, 2, 3, 4 or "auto", got ${JSON.stringify(terms)}`);
  }
  const constant = o.constant ?? true;
  if (typeof constant !== 'boolean') throw new Error(`constant must be true or false, got ${JSON.stringify(constant)}`);
  const initial = o.initial ?? null;
  if (initial !== null && !(typeof initial === 'number' && Number.isFinite(initial))) {
    throw new Error(`initial must be a finite number or null, got ${String(initial)}`);
  }
  let weights: Float64Array | null = null;
  if (o.weights != null) {
    if (o.weights.length !== n) {
      throw new Error(`weights must have one entry per point: got ${o.weights.length} for ${n} points`);
    }
    weights = Float64Array.from(o.weights);
    weights.forEach((w, i) => {
      if (!(Number.isFinite(w) && w >= 0)) throw new Error(`weights[${i}] = ${w}: every weight must be a finite number >= 0`);
    });
  }
  if (terms === 0 && !constant) {
    throw new Error('nothing to fit: terms = 0 without a constant leaves the model X(t) = 0');
  }
  return { terms: terms as TermCount | 'auto', constant, initial, weights };
}

/** Check t and y: same non-zero length, finite numbers, t strictly increasing. */
export function checkData(t: ArrayLike<number>, y: ArrayLike<number>): void {
  if (typeof t?.length !== 'number' || typeof y?.length !== 'number') throw new Error('t and y must be arrays of numbers');
  if (t.length === 0 && y.length === 0) throw new Error('no data: t and y are empty');
  if (t.length !== y.length) throw new Error(`t and y differ in length: ${t.length} vs ${y.length}`);
  for (const [name, v] of [['t', t], ['y', y]] as const) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (typeof x !== 'number' || !Number.isFinite(x)) {
        throw new Error(`${name}[${i}] is ${String(x)}: every value must be a finite number`);
      }
    }
  }
  if (t.length > 1 && Array.prototype.every.call(t, (x: number) => x === t[0])) {
    throw new Error(`t is constant (every t = ${t[0]}): rates need at least two distinct times`);
  }
  for (let i = 1; i < t.length; i++) {
    if (!(t[i] > t[i - 1])) {
      throw new Error(`t must be strictly increasing: t[${i}] = ${t[i]} follows t[${i - 1}] = ${t[i - 1]}`);
    }
  }
}

/** Check that `terms` exponentials leave at least as many (weighted) points as parameters. */
export function checkEnoughPoints(problem: Problem, terms: number): void {
  const k = parameterCount(terms, problem.options.constant, problem.options.initial);
  if (problem.nEff < k) {
    const what = problem.options.weights ? 'points with a positive weight' : 'points';
    throw new Error(
      `too few points: ${problem.nEff} ${what} for ${k} parameters (${describeModel(terms, problem.options)})`,
    );
  }
}

function describeModel(terms: number, o: CheckedOptions): string {
  const parts = [`${terms} term${terms === 1 ? '' : 's'}`, o.constant ? 'a constant' : 'no constant'];
  if (o.initial !== null) parts.push(`X(0) = ${o.initial}`);
  return parts.join(', ');
}

/** Check and normalise; throws an Error with one clear message on bad input. */
export function makeProblem(t: ArrayLike<number>, y: ArrayLike<number>, options?: FitOptions): Problem {
  checkData(t, y);
  const o = checkOptions(options, t.length);
  const n = t.length;
  if (n < 2) throw new Error(`too few points: ${n} point; a fit needs at least 2 distinct times`);
  const w = o.weights;
  const nEff = w ? w.reduce((c, x) => c + (x > 0 ? 1 : 0), 0) : n;
  const tArr = Float64Array.from(t);
  const yArr = Float64Array.from(y);
  const span = tArr[n - 1] - tArr[0];
  let dtMin = Infinity;
  for (let i = 1; i < n; i++) dtMin = Math.min(dtMin, tArr[i] - tArr[i - 1]);
  const tRef = o.initial === null ? tArr[0] : 0;
  const tScale = span;
  let yShift = 0;
  if (o.constant && o.initial === null) {
    let sw = 0;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const wi = w ? w[i] * w[i] : 1;
      sw += wi;
      s += wi * yArr[i];
    }
    yShift = sw > 0 ? s / sw : 0;
  }
  let yScale = 0;
  for (let i = 0; i < n; i++) yScale = Math.max(yScale, Math.abs(yArr[i] - yShift));
  if (o.initial !== null) yScale = Math.max(yScale, Math.abs(o.initial));
  if (!(yScale > 0)) yScale = 1;
  const tau = tArr.map((x) => (x - tRef) / tScale);
  const z = yArr.map((x) => (x - yShift) / yScale);
  let sw2 = 0;
  for (let i = 0; i < n; i++) sw2 += w ? w[i] * w[i] : 1;
  // Rounding level: residuals of ~256 ulps of the data's scale at every point.
  const sseFloor = sw2 * pow(256 * Number.EPSILON, 2);
  return {
    options: o,
    n,
    nEff,
    t: tArr,
    y: yArr,
    tau,
    z,
    w,
    tRef,
    tScale,
    yShift,
    yScale,
    initialScaled: o.initial === null ? null : o.initial / yScale,
    dtMin,
    span,
    sseFloor,
  };
}

/** The linear part of a model with N terms in scaled units: the full amplitude vector
 *  a = [z0 if constant, a_1..a_N] is a0 + E c, with c the free linear parameters. This one
 *  form covers all four cases of constant / no constant, with / without X(0) = V. */
export interface LinearLayout {
  readonly terms: number;
  readonly constant: boolean;
  /** Length of a (p) and of c (q). */
  readonly p: number;
  readonly q: number;
  readonly a0: Float64Array;
  /** E as p rows of q entries. */
  readonly E: number[][];
}

/** The layout for N terms; null when the constraints leave no such model (X(t) = 0 with
 *  X(0) = V != 0). */
export function linearLayout(problem: Problem, terms: number): LinearLayout | null {
  const { constant } = problem.options;
  const v = problem.initialScaled;
  const p = terms + (constant ? 1 : 0);
  const a0 = new Float64Array(p);
  if (v === null) {
    const E = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => (i === j ? 1 : 0)));
    return { terms, constant, p, q: p, a0, E };
  }
  if (p === 0) return v === 0 ? { terms, constant, p, q: 0, a0, E: [] } : null;
  // Eliminate one amplitude: z0 when there is a constant, else the last term's amplitude.
  const elim = constant ? 0 : p - 1;
  const q = p - 1;
  a0[elim] = v;
  const E: number[][] = [];
  for (let i = 0, j = 0; i < p; i++) {
    if (i === elim) E.push(new Array<number>(q).fill(-1));
    else {
      const row = new Array<number>(q).fill(0);
      row[j++] = 1;
      E.push(row);
    }
  }
  return { terms, constant, p, q, a0, E };
}
