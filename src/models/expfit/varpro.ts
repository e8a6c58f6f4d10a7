// Variable projection (Golub & Pereyra, SIAM J. Numer. Anal. 10(2), 1973): for given rates the
// amplitudes are the linear least-squares solution, so the fit is a problem in the rates alone.
// The Jacobian of the projected residual uses Kaufman's simplification (BIT 15, 1975), as the
// varpro crate does: J_k = -P_perp * dPhi/dtheta_k * c (O'Leary & Rust, Comput. Optim. Appl.
// 54, 2013, describe both forms). Rates are parametrised as theta = log(rate) so they stay > 0.

import { lstsq, qrFactor, projectOut, type QR } from './linalg.ts';
import type { LinearLayout, Problem } from './problem.ts';
import { exp } from '../../sim/math/index.ts';

/** The projected problem evaluated at one theta (scaled units throughout). */
export interface Projection {
  readonly theta: Float64Array;
  /** Scaled rates exp(theta). */
  readonly rates: Float64Array;
  /** Weighted residual sum of squares and the weighted residuals. */
  readonly sse: number;
  readonly residual: Float64Array;
  /** The full amplitude vector a = [z0 if constant, a_1..a_N] = a0 + E c. */
  readonly amplitudes: Float64Array;
  /** Numerical rank of the weighted basis (q when the amplitudes are determined). */
  readonly rank: number;
  /** The unweighted basis columns [1 if constant, exp(-r_k tau)]. */
  readonly basis: Float64Array[];
  /** d residual / d theta_k (Kaufman), one column per term, computed on first call (the
   *  solver needs it only at accepted steps). */
  jacobian(): Float64Array[];
}

/** Evaluate the projection at theta; the linear solve is a pivoted Householder QR. */
export function project(problem: Problem, layout: LinearLayout, theta: ArrayLike<number>): Projection {
  const { tau, z, w, n } = problem;
  const { p, q, a0, E, terms } = layout;
  const off = layout.constant ? 1 : 0;
  const rates = Float64Array.from(theta, exp);
  // Full basis B (p columns): [1 if constant, exp(-r_k tau)].
  const B: Float64Array[] = [];
  if (layout.constant) B.push(new Float64Array(n).fill(1));
  for (let k = 0; k < terms; k++) {
    const r = rates[k];
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = exp(-r * tau[i]);
    B.push(col);
  }
  // Phi = W B E (q columns) and the target W z - W B a0.
  const phi: Float64Array[] = [];
  for (let j = 0; j < q; j++) {
    const single = E.findIndex((row) => row[j] !== 0);
    const alone = E.every((row, i) => i === single || row[j] === 0) && E[single][j] === 1;
    if (alone && !w) {
      phi.push(B[single]); // unweighted, unconstrained: the basis column itself
      continue;
    }
    const col = new Float64Array(n);
    for (let i = 0; i < p; i++) {
      const e = E[i][j];
      if (e === 0) continue;
      const b = B[i];
      for (let r = 0; r < n; r++) col[r] += e * b[r];
    }
    if (w) for (let r = 0; r < n; r++) col[r] *= w[r];
    phi.push(col);
  }
  const target = Float64Array.from(z);
  for (let i = 0; i < p; i++) {
    if (a0[i] === 0) continue;
    const b = B[i];
    for (let r = 0; r < n; r++) target[r] -= a0[i] * b[r];
  }
  if (w) for (let r = 0; r < n; r++) target[r] *= w[r];

  let qr: QR | null = null;
  let c: Float64Array = new Float64Array(0);
  let residual = target;
  let rank = 0;
  if (q > 0) {
    qr = qrFactor(phi, n);
    rank = qr.rank;
    c = lstsq(qr, target).x;
    residual = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      let s = target[r];
      for (let j = 0; j < q; j++) s -= phi[j][r] * c[j];
      residual[r] = s;
    }
  }
  let sse = 0;
  for (let r = 0; r < n; r++) sse += residual[r] * residual[r];
  const amplitudes = Float64Array.from(a0);
  for (let i = 0; i < p; i++) for (let j = 0; j < q; j++) amplitudes[i] += E[i][j] * c[j];

  let jacobian: Float64Array[] | null = null;
  const jacobianOnce = (): Float64Array[] => {
    if (jacobian) return jacobian;
    jacobian = [];
    for (let k = 0; k < terms; k++) {
      // d residual / d theta_k at fixed c is W * r_k * tau * exp(-r_k tau) * a_k; project it.
      const r = rates[k];
      const a = amplitudes[off + k];
      const b = B[off + k];
      const d = new Float64Array(n);
      for (let i = 0; i < n; i++) d[i] = r * tau[i] * b[i] * a * (w ? w[i] : 1);
      jacobian.push(qr ? projectOut(qr, d) : d);
    }
    return jacobian;
  };
  return { theta: Float64Array.from(theta), rates, sse, residual, amplitudes, rank, basis: B, jacobian: jacobianOnce };
}
