// Statistics of a converged fit: the covariance from the Jacobian at the optimum (O'Leary &
// Rust, "Variable projection for nonlinear least squares problems", Comput. Optim. Appl. 54,
// 2013, sec. 5, as in the varpro crate: sigma^2 (H^T H)^{-1} with H the Jacobian of the model in
// all free parameters), goodness of fit, information criteria (lmfit's definitions) and the
// F-test used to add terms.

import { incompleteBeta } from '../../sim/stats/special.ts';
import { inverseNormal, qrFactor } from './linalg.ts';
import type { LinearLayout, Problem } from './problem.ts';
import type { Projection } from './varpro.ts';
import { exp, log, pow } from '../../sim/math/index.ts';

/** Condition number of the equilibrated Jacobian above which it is treated as singular. */
export const SINGULAR_CONDITION = 1e12;

export interface FitStatistics {
  /** Weighted sum of squared residuals, original units. */
  sse: number;
  /** sqrt(sse / n). */
  rmse: number;
  /** 1 - sse / sst (weighted, about the weighted mean); null when y is constant but sse > 0. */
  r2: number | null;
  /** n log(sse/n) + 2k and n log(sse/n) + k log(n); sse is floored at the rounding level. */
  aic: number;
  bic: number;
  /** Points with a positive weight, free parameters, and n - k. */
  n: number;
  k: number;
  dof: number;
  /** Covariance of [x0, amplitude_1, rate_1, ...] in the solver's term order, or null. */
  covariance: number[][] | null;
  /** Condition number of the equilibrated Jacobian (null when rank-deficient). */
  condition: number | null;
  /** Why the covariance is null, if it is. */
  covarianceNote: string | null;
}

/** Everything but the term order: the result sorts the terms and permutes the covariance. */
export function fitStatistics(problem: Problem, layout: LinearLayout, proj: Projection): FitStatistics {
  const { n: nAll, tau, w, yScale, tScale } = problem;
  const n = problem.nEff;
  const N = layout.terms;
  const q = layout.q;
  const k = q + N;
  const off = layout.constant ? 1 : 0;
  const sse = proj.sse * yScale * yScale;
  const floor = problem.sseFloor * yScale * yScale;
  const sst = totalSumOfSquares(problem);
  const r2 = sst > 0 ? 1 - sse / sst : sse === 0 ? 1 : null;
  const ll = n * log(Math.max(sse, floor, Number.MIN_VALUE) / n);
  const dof = n - k;
  const stats: FitStatistics = {
    sse,
    rmse: Math.sqrt(sse / n),
    r2,
    aic: ll + 2 * k,
    bic: ll + k * log(n),
    n,
    k,
    dof,
    covariance: null,
    condition: null,
    covarianceNote: null,
  };

  // Jacobian of the weighted scaled model in the free parameters [c, r'].
  const cols: Float64Array[] = [];
  const B = proj.basis;
  for (let j = 0; j < q; j++) {
    const col = new Float64Array(nAll);
    for (let i = 0; i < layout.p; i++) {
      const e = layout.E[i][j];
      if (e !== 0) for (let r = 0; r < nAll; r++) col[r] += e * B[i][r];
    }
    cols.push(col);
  }
  for (let t = 0; t < N; t++) {
    const a = proj.amplitudes[off + t];
    const b = B[off + t];
    const col = new Float64Array(nAll);
    for (let r = 0; r < nAll; r++) col[r] = -tau[r] * b[r] * a;
    cols.push(col);
  }
  if (w) for (const col of cols) for (let r = 0; r < nAll; r++) col[r] *= w[r];

  const full = 1 + 2 * N;
  // M = d[x0, a_1, r_1, ...] / d[c, r'] maps the free covariance to the reported parameters.
  const M: number[][] = Array.from({ length: full }, () => new Array<number>(k).fill(0));
  const rho = problem.tRef / tScale;
  for (let j = 0; j < q; j++) if (off === 1) M[0][j] = yScale * layout.E[0][j];
  for (let t = 0; t < N; t++) {
    const grow = exp(proj.rates[t] * rho);
    for (let j = 0; j < q; j++) M[1 + 2 * t][j] = yScale * grow * layout.E[off + t][j];
    M[1 + 2 * t][q + t] = yScale * proj.amplitudes[off + t] * grow * rho;
    M[2 + 2 * t][q + t] = 1 / tScale;
  }

  if (k === 0) {
    stats.covariance = Array.from({ length: full }, () => new Array<number>(full).fill(0));
    stats.condition = 1;
    return stats;
  }
  if (dof <= 0) {
    stats.covarianceNote = `no degrees of freedom left to estimate the noise (${n} points, ${k} parameters)`;
    return stats;
  }
  const inv = inverseNormal(qrFactor(cols, nAll, 0));
  if (!inv || !(inv.cond < SINGULAR_CONDITION)) {
    stats.condition = inv && Number.isFinite(inv.cond) ? inv.cond : null;
    stats.covarianceNote = `the Jacobian at the optimum is singular (condition number ${
      inv && Number.isFinite(inv.cond) ? inv.cond.toExponential(1) : 'infinite'
    } >= ${SINGULAR_CONDITION.toExponential(0)})`;
    return stats;
  }
  stats.condition = inv.cond;
  const s2 = proj.sse / dof;
  const cov: number[][] = Array.from({ length: full }, () => new Array<number>(full).fill(0));
  for (let a = 0; a < full; a++) {
    for (let b = a; b < full; b++) {
      let s = 0;
      for (let i = 0; i < k; i++) {
        const mai = M[a][i];
        if (mai === 0) continue;
        for (let j = 0; j < k; j++) s += mai * inv.inv[i][j] * M[b][j];
      }
      cov[a][b] = cov[b][a] = s * s2;
    }
  }
  if (cov.some((row) => row.some((x) => !Number.isFinite(x)))) {
    stats.covarianceNote = 'the covariance overflows';
    return stats;
  }
  stats.covariance = cov;
  return stats;
}

/** sum w^2 (y - weighted mean)^2 in original units. */
export function totalSumOfSquares(problem: Problem): number {
  const { y, w, n } = problem;
  let sw = 0;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i] * w[i] : 1;
    sw += wi;
    s += wi * y[i];
  }
  const mean = sw > 0 ? s / sw : 0;
  let sst = 0;
  for (let i = 0; i < n; i++) sst += (w ? w[i] * w[i] : 1) * pow(y[i] - mean, 2);
  return sst;
}

/** P(F > f) for the extra-sum-of-squares F-test of a model with kBig parameters against a
 *  nested one with kSmall < kBig, both fitted to n points. */
export function fTestPValue(sseSmall: number, kSmall: number, sseBig: number, kBig: number, n: number): number {
  const d1 = kBig - kSmall;
  const d2 = n - kBig;
  if (d1 <= 0 || d2 <= 0) return 1;
  if (!(sseSmall > sseBig)) return 1;
  if (sseBig <= 0) return 0;
  const f = (sseSmall - sseBig) / d1 / (sseBig / d2);
  return regularizedBeta(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
}

/** Two-sided P(|T| <= x) for Student's t with nu degrees of freedom. */
export function studentTCoverage(x: number, nu: number): number {
  return 1 - regularizedBeta(nu / (nu + x * x), nu / 2, 0.5);
}

/** The regularized incomplete beta function I_x(a, b) (the core's, deterministic on every
 *  engine: mathjs's lgamma uses the engine's Math.log), 0 below and 1 above (0, 1). */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(x > 0)) return 0;
  if (!(x < 1)) return 1;
  return incompleteBeta(a, b, x);
}
