// Automatic start values: the user gives none. Variable projection makes a trial cheap (only
// the rates are tried, the amplitudes follow), so the search is a small greedy tree, run on a
// subsample of at most ~110 points (evenly spaced in index, plus log-spaced indices so that
// fast early decays keep their points), one term count k = 1, 2, ... at a time:
//   1. trials: each kept (k-1)-term model plus one rate of a log-spaced grid over the data's
//      window (for the best model, the best trial in each gap between its rates), or with one
//      of its rates split in two; at k = N also the matrix pencil poles and an even spread;
//   2. each trial is refined by the solver; a result whose rates merged (a stationary point
//      that attracts the solver) is split apart and refined once more;
//   3. if the best result is still degenerate (merged rates, or a rate outside the window,
//      typically a spike fitting the first point), its offending rate is swapped for grid rates;
//   4. the best two are kept for k + 1, and returned at k = N to be polished on all the data.

import { MIN_RATE_RATIO, WINDOW } from './identifiability.ts';
import { linearLayout, type Problem } from './problem.ts';
import { pencilRates } from './pencil.ts';
import { levenbergMarquardt, type SolverOptions } from './solver.ts';
import { project } from './varpro.ts';
import { exp, log, log10, pow } from '../../sim/math/index.ts';

/** Log-rate bounds for the solver (scaled units): 1/r from 1000 spans down to dt/1000. */
export function thetaBounds(problem: Problem): { lower: number; upper: number } {
  const dt = problem.dtMin / problem.tScale;
  return { lower: log(1e-3), upper: log(1e3 / dt) };
}

/** A start: log-rates (scaled units) and their SSE on the subsample. */
export interface Candidate {
  theta: Float64Array;
  sse: number;
}

/** Refined models kept per term count, and swaps refined when the best is degenerate. */
const KEEP = 2;
const REFINE_SWAPS = 3;
const SUBSAMPLE_EVEN = 64;
const SUBSAMPLE_LOG = 48;
const INIT_SOLVER: Partial<SolverOptions> = { maxIterations: 40, ftol: 1e-8, xtol: 1e-5, gtol: 1e-6 };

/** Per problem: the subsample and the kept models per term count (auto asks for N = 1, 2, ...). */
const chains = new WeakMap<Problem, { sub: Problem; levels: Candidate[][] }>();

/** Up to `keep` refined starts for an N-term fit (N >= 1), best first. */
export function startingPoints(problem: Problem, terms: number, keep = KEEP): Candidate[] {
  let cached = chains.get(problem);
  if (!cached) chains.set(problem, (cached = { sub: subsample(problem), levels: [] }));
  const { sub, levels: chain } = cached;
  const grid = rateGrid(problem);
  const bounds = thetaBounds(problem);
  const rateRange = rateWindow(problem);
  const solver = { ...INIT_SOLVER, ...bounds, sseFloor: sub.sseFloor };
  for (let k = chain.length + 1; k <= terms; k++) {
    const layout = linearLayout(sub, k);
    if (!layout) return [];
    const sseOf = (theta: Float64Array) => project(sub, layout, theta).sse;
    const solve = (theta: Float64Array): Candidate => {
      const r = levenbergMarquardt((th) => project(sub, layout, th), theta, solver);
      return { theta: r.theta, sse: r.best.sse };
    };
    // Two rates that merge are a saddle varpro is often drawn to; split them once and retry.
    const refine = (theta: Float64Array): Candidate => {
      const c = solve(theta);
      const split = splitMerged(c.theta);
      if (!split) return c;
      const d = solve(split);
      return d.sse < c.sse ? d : c;
    };
    // Trials, each family with its own quota of refinements so that one kind of start (say,
    // a grid rate that fits only the first point) cannot crowd out the others:
    //   - add one grid rate (not close to an existing one) to a (k-1)-term model: for the best
    //     model, the best trial in each gap (slower than all its rates, between two, faster
    //     than all), since ranking by the unrefined SSE alone tends to pick the same gap;
    //   - split one of the (k-1) rates in two, a factor 4 apart;
    //   - at k = N, the pencil poles and an evenly spread set.
    const families: Candidate[][] = [];
    const previous = k === 1 ? [{ theta: new Float64Array(0), sse: 0 }] : chain[k - 2];
    previous.forEach((prev, p) => {
      const gaps: Candidate[][] = Array.from({ length: k }, () => []);
      for (const g of grid) {
        const lg = log(g);
        if (Array.from(prev.theta).some((th) => Math.abs(th - lg) < log(1.25))) continue;
        const theta = Float64Array.from([...prev.theta, lg]);
        const gap = Array.from(prev.theta).filter((th) => th < lg).length;
        gaps[p === 0 ? gap : 0].push({ theta, sse: sseOf(theta) });
      }
      for (const gap of gaps) families.push(best1(gap));
      const splits: Candidate[] = [];
      for (let j = 0; j < prev.theta.length; j++) {
        const theta = Float64Array.from([...prev.theta, prev.theta[j] + Math.LN2]);
        theta[j] -= Math.LN2;
        splits.push({ theta, sse: sseOf(theta) });
      }
      if (p === 0) families.push(best1(splits));
    });
    if (k === terms) families.push(extraStarts(problem, k, grid).map((theta) => ({ theta, sse: sseOf(theta) })));
    const refined: Candidate[] = [];
    const tried: Float64Array[] = [];
    for (const family of families) {
      for (const trial of family) {
        if (tried.some((theta) => sameRates(theta, trial.theta))) continue;
        tried.push(trial.theta);
        const c = refine(trial.theta);
        if (!refined.some((d) => sameRates(d.theta, c.theta))) refined.push(c);
      }
    }
    refined.sort((a, b) => a.sse - b.sse);
    // If the best model is degenerate (two rates merged, or a rate outside the window the data
    // can see, typically a spike fitting the first point), swap its offending rate for each
    // grid rate in turn and refine the best swaps.
    for (let round = 0; round < 2; round++) {
      const best = refined[0];
      const drop = best ? offending(best.theta, rateRange) : -1;
      if (drop < 0) break;
      const keepRates = Array.from(best.theta).filter((_, i) => i !== drop);
      const swaps: Candidate[] = [];
      for (const g of grid) {
        if (keepRates.some((th) => Math.abs(th - log(g)) < log(1.25))) continue;
        const theta = Float64Array.from([...keepRates, log(g)]);
        swaps.push({ theta, sse: sseOf(theta) });
      }
      swaps.sort((a, b) => a.sse - b.sse);
      for (const trial of swaps.slice(0, REFINE_SWAPS)) {
        const c = refine(trial.theta);
        if (!refined.some((d) => sameRates(d.theta, c.theta))) refined.push(c);
      }
      refined.sort((a, b) => a.sse - b.sse);
      if (refined[0] === best) break;
    }
    chain.push(refined.slice(0, KEEP));
  }
  return chain[terms - 1].slice(0, keep);
}

/** Pencil poles (dropping the constant's pole) from all the data, and an evenly log-spaced
 *  set over the grid. */
function extraStarts(problem: Problem, k: number, grid: number[]): Float64Array[] {
  const starts: Float64Array[] = [];
  const constant = problem.options.constant;
  let poles = pencilRates(problem.tau, problem.z, k + (constant ? 1 : 0));
  if (constant && poles.length > k) poles = poles.slice(1);
  if (poles.length === k) starts.push(Float64Array.from(poles, log));
  const lo = log(grid[0]);
  const hi = log(grid[grid.length - 1]);
  starts.push(Float64Array.from({ length: k }, (_, i) => lo + ((i + 1) * (hi - lo)) / (k + 1)));
  return starts;
}

/** The identifiability window of rates in scaled units (see identifiability.ts). */
function rateWindow(problem: Problem): { lo: number; hi: number } {
  return { lo: problem.tScale / (WINDOW * problem.span), hi: (WINDOW * problem.tScale) / problem.dtMin };
}

/** The index of a rate that makes theta degenerate (one of two merged rates, or one outside
 *  the window), or -1. */
function offending(theta: Float64Array, range: { lo: number; hi: number }): number {
  for (let i = 0; i < theta.length; i++) {
    const r = exp(theta[i]);
    if (r < range.lo || r > range.hi) return i;
    for (let j = 0; j < i; j++) if (Math.abs(theta[i] - theta[j]) < log(MIN_RATE_RATIO)) return i;
  }
  return -1;
}

/** theta with its closest pair of rates, if they are within a factor 1.05, moved apart to a
 *  factor 4 around their geometric mean; null when no pair is that close. */
function splitMerged(theta: Float64Array): Float64Array | null {
  const order = Array.from(theta.keys()).sort((a, b) => theta[a] - theta[b]);
  for (let i = 1; i < order.length; i++) {
    const a = order[i - 1];
    const b = order[i];
    if (theta[b] - theta[a] < log(1.05)) {
      const out = Float64Array.from(theta);
      const mid = (theta[a] + theta[b]) / 2;
      out[a] = mid - Math.LN2;
      out[b] = mid + Math.LN2;
      return out;
    }
  }
  return null;
}

/** Log-spaced rates (scaled units) from 1/r = 5 spans to 1/r = the smallest spacing, ~4 per decade. */
function rateGrid(problem: Problem): number[] {
  const lo = 0.2;
  const hi = problem.tScale / problem.dtMin;
  const count = Math.min(32, Math.max(8, Math.ceil(4 * log10(hi / lo)) + 1));
  return Array.from({ length: count }, (_, i) => lo * pow(hi / lo, i / (count - 1)));
}

/** The trial with the lowest SSE, as a family of one (none when empty). */
function best1(trials: Candidate[]): Candidate[] {
  let best: Candidate | null = null;
  for (const c of trials) if (!best || c.sse < best.sse) best = c;
  return best ? [best] : [];
}

function sameRates(a: Float64Array, b: Float64Array): boolean {
  const x = Array.from(a).sort((u, v) => u - v);
  const y = Array.from(b).sort((u, v) => u - v);
  return x.every((v, i) => Math.abs(v - y[i]) < 1e-3);
}

/** The problem restricted to at most ~110 points (all of them when there are few). */
export function subsample(problem: Problem): Problem {
  const n = problem.n;
  if (n <= SUBSAMPLE_EVEN + SUBSAMPLE_LOG) return problem;
  const keep = new Set<number>();
  for (let i = 0; i < SUBSAMPLE_EVEN; i++) keep.add(Math.round((i * (n - 1)) / (SUBSAMPLE_EVEN - 1)));
  for (let i = 0; i < SUBSAMPLE_LOG; i++) keep.add(Math.round(exp((i * log(n)) / (SUBSAMPLE_LOG - 1))) - 1);
  const idx = [...keep].filter((i) => i >= 0 && i < n).sort((a, b) => a - b);
  const pick = (a: Float64Array) => Float64Array.from(idx, (i) => a[i]);
  const w = problem.w ? pick(problem.w) : null;
  let sw2 = 0;
  for (let i = 0; i < idx.length; i++) sw2 += w ? w[i] * w[i] : 1;
  return {
    ...problem,
    n: idx.length,
    nEff: w ? w.reduce((c, x) => c + (x > 0 ? 1 : 0), 0) : idx.length,
    t: pick(problem.t),
    y: pick(problem.y),
    tau: pick(problem.tau),
    z: pick(problem.z),
    w,
    sseFloor: (problem.sseFloor * sw2) / Math.max(1e-300, totalW2(problem)),
  };
}

function totalW2(problem: Problem): number {
  if (!problem.w) return problem.n;
  let s = 0;
  for (const x of problem.w) s += x * x;
  return s;
}
