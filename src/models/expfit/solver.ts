// Levenberg-Marquardt for a small number of parameters (here the log-rates), with the
// gain-ratio damping update of Nielsen (1999) as given in Madsen, Nielsen & Tingleff, "Methods
// for non-linear least squares problems" (DTU, 2004), section 3.2, MINPACK-style column scaling
// (Moré, "The Levenberg-Marquardt algorithm: implementation and theory", 1978), and each damped
// step solved as a least-squares problem [J; sqrt(lambda) D] delta = [-r; 0] by QR rather than
// through the normal equations, which would square J's condition number.

import { lstsq, norm2, qrFactor } from './linalg.ts';
import { pow } from '../../sim/math/index.ts';

/** Why the solver stopped. The first five mean converged. */
export type StopReason =
  | 'linear' //         no nonlinear parameters: the linear least-squares solution is exact
  | 'ftol' //           the relative reduction of the SSE, actual and predicted, fell below ftol
  | 'xtol' //           the step in every log-rate fell below xtol
  | 'gtol' //           the residual is orthogonal to every Jacobian column (cosine < gtol)
  | 'roundoff' //       the SSE is at the rounding level of the data and cannot decrease
  | 'maxIterations' //  the iteration limit was reached
  | 'stalled'; //       no step reduced the SSE even with maximal damping

export const STOP_MESSAGES: Record<StopReason, string> = {
  linear: 'no rates to fit: the linear least-squares solution is exact',
  ftol: 'the relative change of the sum of squares fell below ftol',
  xtol: 'the relative change of every rate fell below xtol',
  gtol: 'the residuals are orthogonal to the Jacobian (gradient below gtol)',
  roundoff: 'the fit is exact to rounding error',
  maxIterations: 'the iteration limit was reached before convergence',
  stalled: 'no step reduced the sum of squares, even with maximal damping',
};

export function isConverged(reason: StopReason): boolean {
  return reason !== 'maxIterations' && reason !== 'stalled';
}

export interface SolverOptions {
  maxIterations: number;
  /** Relative SSE reduction, step size (in theta) and gradient cosine tolerances. */
  ftol: number;
  xtol: number;
  gtol: number;
  /** SSE at or below which a rejected step means "exact to rounding". */
  sseFloor: number;
  /** Bounds on every parameter (theta is clamped into them). */
  lower: number;
  upper: number;
}

export const DEFAULT_SOLVER: SolverOptions = {
  maxIterations: 200,
  ftol: 1e-13,
  xtol: 1e-12,
  gtol: 1e-10,
  sseFloor: 0,
  lower: -Infinity,
  upper: Infinity,
};

/** What the solver needs from a problem: SSE, residual and Jacobian columns (d residual /
 *  d theta_k; asked for only at accepted points). */
export interface Evaluation {
  readonly sse: number;
  readonly residual: Float64Array;
  jacobian(): Float64Array[];
}

export interface SolverResult<E extends Evaluation> {
  theta: Float64Array;
  best: E;
  iterations: number;
  evaluations: number;
  stopReason: StopReason;
}

/** Minimise evaluate(theta).sse from theta0. */
export function levenbergMarquardt<E extends Evaluation>(
  evaluate: (theta: Float64Array) => E,
  theta0: ArrayLike<number>,
  options: Partial<SolverOptions> = {},
): SolverResult<E> {
  const o = { ...DEFAULT_SOLVER, ...options };
  const m = theta0.length;
  let theta = Float64Array.from(theta0, (x) => clamp(x, o.lower, o.upper));
  let cur = evaluate(theta);
  let evaluations = 1;
  if (m === 0) return { theta, best: cur, iterations: 0, evaluations, stopReason: 'linear' };
  const diag = new Float64Array(m);
  let lambda = -1;
  let nu = 2;
  for (let iter = 1; iter <= o.maxIterations; iter++) {
    const J = cur.jacobian();
    const r = cur.residual;
    const n = r.length;
    if (cur.sse === 0) return done('roundoff', iter - 1);
    // Gradient test: cos(angle(J_k, r)) for every column.
    const rNorm = Math.sqrt(cur.sse);
    let gmax = 0;
    for (let k = 0; k < m; k++) {
      const jn = norm2(J[k]);
      diag[k] = Math.max(diag[k], jn);
      if (jn > 0) {
        let s = 0;
        for (let i = 0; i < n; i++) s += J[k][i] * r[i];
        gmax = Math.max(gmax, Math.abs(s) / (jn * rNorm));
      }
    }
    if (gmax <= o.gtol) return done('gtol', iter - 1);
    let dmax = 0;
    for (let k = 0; k < m; k++) {
      if (!(diag[k] > 0)) diag[k] = 1;
      dmax = Math.max(dmax, diag[k]);
    }
    if (lambda < 0) lambda = 1e-3 * dmax * dmax;
    // Reduce J once: J P = Q R (rank-revealing only for zero columns), then each damped step
    // is a 2m x m problem.
    const qr = qrFactor(J, n, 0);
    const qtr = lstsq(qr, r).qtb;
    for (;;) {
      const delta = dampedStep(qr, qtr, diag, lambda);
      const next = new Float64Array(m);
      let stepMax = 0;
      for (let k = 0; k < m; k++) {
        next[k] = clamp(theta[k] + delta[k], o.lower, o.upper);
        delta[k] = next[k] - theta[k];
        stepMax = Math.max(stepMax, Math.abs(delta[k]));
      }
      if (stepMax <= o.xtol) return done('xtol', iter);
      // Predicted reduction ||r||^2 - ||r + J delta||^2.
      let lin = 0;
      for (let i = 0; i < n; i++) {
        let s = r[i];
        for (let k = 0; k < m; k++) s += J[k][i] * delta[k];
        lin += s * s;
      }
      const predicted = cur.sse - lin;
      const trial = evaluate(next);
      evaluations++;
      const actual = cur.sse - trial.sse;
      const rho = predicted > 0 ? actual / predicted : -1;
      if (rho > 1e-4 && Number.isFinite(trial.sse)) {
        const before = cur.sse;
        theta = next;
        cur = trial;
        lambda *= Math.max(1 / 3, 1 - pow(2 * rho - 1, 3));
        nu = 2;
        if (actual <= o.ftol * before && predicted <= o.ftol * before) return done('ftol', iter);
        break;
      }
      if (cur.sse <= o.sseFloor) return done('roundoff', iter);
      lambda *= nu;
      nu *= 2;
      if (!(lambda <= 1e30 * dmax * dmax)) return done('stalled', iter);
    }
  }
  return done('maxIterations', o.maxIterations);

  function done(stopReason: StopReason, iterations: number): SolverResult<E> {
    return { theta, best: cur, iterations, evaluations, stopReason };
  }
}

/** argmin ||J delta + r||^2 + lambda ||D delta||^2 from J P = Q R and Q^T r. */
function dampedStep(
  qr: ReturnType<typeof qrFactor>,
  qtr: Float64Array,
  diag: Float64Array,
  lambda: number,
): Float64Array {
  const m = qr.m;
  const sl = Math.sqrt(lambda);
  // Columns of the 2m x m matrix [R P^T S; sqrt(lambda) D] where S = diag(scale).
  const cols: Float64Array[] = [];
  for (let j = 0; j < m; j++) {
    // Original column j sits at pivot position pj; R P^T S has column j = R[:, pj] * scale_j.
    const pj = qr.perm.indexOf(j);
    const col = new Float64Array(2 * m);
    for (let i = 0; i <= pj; i++) col[i] = (i === pj ? qr.rdiag[pj] : qr.cols[pj][i]) * qr.scale[j];
    col[m + j] = sl * diag[j];
    cols.push(col);
  }
  const rhs = new Float64Array(2 * m);
  for (let i = 0; i < m; i++) rhs[i] = -qtr[i];
  return lstsq(qrFactor(cols, 2 * m, 0), rhs).x;
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
