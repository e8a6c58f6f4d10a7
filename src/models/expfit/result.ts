// The result of a fit: one JSON-safe object that documents every field (in the manner of
// lmfit's MinimizerResult). Its first fields are exactly DESIGN.md section 4's shape; the rest
// are additions. No field is ever NaN or Infinity: what cannot be computed is null.

import { checkIdentifiability } from './identifiability.ts';
import { parameterNames, rateOrder, type ExpTerm } from './model.ts';
import type { LinearLayout, Problem, TermCount } from './problem.ts';
import { isConverged, STOP_MESSAGES, type StopReason } from './solver.ts';
import { fitStatistics, SINGULAR_CONDITION } from './statistics.ts';
import type { Projection } from './varpro.ts';
import { exp } from '../../sim/math/index.ts';

/** Standard errors, in the shape of the parameters; null where they cannot be computed. */
export interface StandardErrors {
  x0: number | null;
  terms: { amplitude: number | null; rate: number | null }[];
}

/** One row of the `auto` term-count selection. */
export interface SelectionStep {
  /** Terms in this candidate model, and its fit (null: no usable fit, see `decision`). */
  terms: number;
  sse: number | null;
  aic: number | null;
  bic: number | null;
  /** P-value of the F-test against the last accepted model (null for the first row). */
  pValue: number | null;
  identifiable: boolean;
  reason: string | null;
  /** Whether auto accepted this model (the result is the last accepted one). */
  accepted: boolean;
  /** Why it was accepted, skipped or rejected, with the numbers. */
  decision: string;
}

export interface FitResult {
  /** The constant X0 (exactly 0 with constant: false). */
  x0: number;
  /** The exponential terms, sorted by rate ascending; every rate > 0. */
  terms: ExpTerm[];
  /** Weighted sum of squared residuals sum (w_i (y_i - X(t_i)))^2. */
  sse: number;
  /** Root mean square residual sqrt(sse / n). */
  rmse: number;
  /** Coefficient of determination 1 - sse/sst about the weighted mean of y (null when y is
   *  constant and the fit is not exact). */
  r2: number | null;
  /** Akaike and Bayesian information criteria n log(sse/n) + 2k and + k log(n), lmfit's
   *  definitions; sse is floored at the rounding level so that exact fits stay finite. */
  aic: number;
  bic: number;
  /** Standard errors from the Jacobian at the optimum, sigma^2 = sse / dof (lmfit's scaled
   *  covariance). Fixed parameters (x0 with constant: false) have 0; the others are all null
   *  when the Jacobian is singular or no degrees of freedom are left. */
  stderr: StandardErrors;
  /** Covariance of the parameters named in `parameterNames` (null when singular). */
  covariance: number[][] | null;
  /** ['x0', 'amplitude1', 'rate1', ...]: the order of `covariance`'s rows and columns. */
  parameterNames: string[];
  /** Points used (with a positive weight), free parameters, and degrees of freedom n - k. */
  n: number;
  parameters: number;
  dof: number;
  /** Whether the solver met a convergence test, which one (or why it stopped), in words. */
  converged: boolean;
  stopReason: StopReason;
  message: string;
  /** Solver iterations and model evaluations of the final refinement. */
  iterations: number;
  evaluations: number;
  /** False when the data cannot tell this model apart from a simpler one; `reason` says why. */
  identifiable: boolean;
  reason: string | null;
  /** Condition number of the equilibrated Jacobian (null when singular). */
  condition: number | null;
  /** 1 / rate and ln 2 / rate for each term, in the order of `terms`. */
  timeConstants: number[];
  halfLives: number[];
  /** The options that produced this fit. */
  termsRequested: TermCount | 'auto';
  constant: boolean;
  initial: number | null;
  weighted: boolean;
  /** With terms: 'auto', every candidate model considered and the decision; else null. */
  selection: SelectionStep[] | null;
  /** Remarks that do not make the fit degenerate (e.g. no degrees of freedom left). */
  warnings: string[];
}

export interface SolverSummary {
  iterations: number;
  evaluations: number;
  stopReason: StopReason;
}

/** Assemble the result of an N-term fit at the optimum `proj` (scaled units). */
export function buildResult(problem: Problem, layout: LinearLayout, proj: Projection, solver: SolverSummary): FitResult {
  const { yScale, yShift, tScale, tRef } = problem;
  const N = layout.terms;
  const off = layout.constant ? 1 : 0;
  const stats = fitStatistics(problem, layout, proj);
  const x0 = layout.constant ? yShift + yScale * proj.amplitudes[0] : 0;
  const raw: ExpTerm[] = [];
  for (let k = 0; k < N; k++) {
    const r = proj.rates[k];
    raw.push({ amplitude: yScale * proj.amplitudes[off + k] * exp((r * tRef) / tScale), rate: r / tScale });
  }
  if (!Number.isFinite(x0) || raw.some((term) => !Number.isFinite(term.amplitude) || !Number.isFinite(term.rate))) {
    throw new Error(
      `the fitted amplitudes overflow at t = 0 (the data start at t = ${problem.t[0]}, long after the fitted decays): shift t to start near 0`,
    );
  }
  const order = rateOrder(raw.map((term) => term.rate));
  const terms = order.map((i) => raw[i]);
  // Parameter index in the solver's order: x0 = 0, amplitude_k = 1 + 2k, rate_k = 2 + 2k.
  const index = [0, ...order.flatMap((i) => [1 + 2 * i, 2 + 2 * i])];
  const covariance = stats.covariance ? index.map((a) => index.map((b) => stats.covariance![a][b])) : null;
  const se = (i: number): number | null => (covariance ? Math.sqrt(Math.max(0, covariance[i][i])) : null);
  const stderr: StandardErrors = {
    x0: layout.constant ? se(0) : 0,
    terms: terms.map((_, k) => ({ amplitude: se(1 + 2 * k), rate: se(2 + 2 * k) })),
  };
  const singular = !covariance && stats.dof > 0 && stats.k > 0 ? stats.covarianceNote : null;
  const id = checkIdentifiability({
    terms,
    rateStderr: stderr.terms.map((s) => s.rate),
    singular,
    t: problem.t,
    dtMin: problem.dtMin,
    span: problem.span,
  });
  const warnings: string[] = [];
  if (!covariance && !singular && stats.covarianceNote) warnings.push(stats.covarianceNote);
  const o = problem.options;
  return {
    x0,
    terms,
    sse: stats.sse,
    rmse: stats.rmse,
    r2: stats.r2,
    aic: stats.aic,
    bic: stats.bic,
    stderr,
    covariance,
    parameterNames: parameterNames(N),
    n: stats.n,
    parameters: stats.k,
    dof: stats.dof,
    converged: isConverged(solver.stopReason),
    stopReason: solver.stopReason,
    message: STOP_MESSAGES[solver.stopReason],
    iterations: solver.iterations,
    evaluations: solver.evaluations,
    identifiable: id.identifiable,
    reason: id.reason,
    condition: stats.condition !== null && stats.condition < SINGULAR_CONDITION ? stats.condition : null,
    timeConstants: terms.map((term) => 1 / term.rate),
    halfLives: terms.map((term) => Math.LN2 / term.rate),
    termsRequested: o.terms,
    constant: o.constant,
    initial: o.initial,
    weighted: o.weights !== null,
    selection: null,
    warnings,
  };
}
