// Matrix pencil estimate of the rates (Hua & Sarkar, "Matrix pencil method for estimating
// parameters of exponentially damped/undamped sinusoids in noise", IEEE Trans. ASSP 38(5),
// 1990), used only to start the solver. The data are put on a uniform grid, the
// Hankel matrix Y[i][j] = s[i + j] is reduced to its K dominant right singular vectors V, and
// the poles z_k = exp(-r_k h) are the eigenvalues of pinv(V without its last row) *
// (V without its first row).

import { eigs, inv, typeOf, type Complex } from 'mathjs';
import { svdRight } from './linalg.ts';
import { log } from '../../sim/math/index.ts';

/** Up to `count` positive rates (in tau units), ascending, from K = count poles; rates that
 *  come out <= 0 or non-finite are dropped. `points` caps the resampling grid. */
export function pencilRates(
  tau: ArrayLike<number>,
  z: ArrayLike<number>,
  count: number,
  points = 64,
): number[] {
  const n = tau.length;
  if (count < 1 || Math.min(points, n) < 2 * count + 2) return [];
  const { s, h } = uniformSamples(tau, z, points);
  const M = s.length;
  if (M < 2 * count + 2) return [];
  // Pencil parameter L between M/3 and M/2 is the noise-robust choice (Hua & Sarkar, sec. IV).
  const L = Math.max(count + 1, Math.floor(M / 3));
  const rows: Float64Array[] = [];
  for (let i = 0; i + L < M; i++) rows.push(s.subarray(i, i + L + 1));
  const { s: sv, v } = svdRight(rows);
  if (!(sv[0] > 0)) return [];
  const K = count;
  // V1 = rows 0..L-1, V2 = rows 1..L of the (L+1) x K matrix of right singular vectors.
  const A: number[][] = [];
  // Solve (V1^T V1) A = V1^T V2 via the normal equations of a K x K system (K <= 5, V has
  // orthonormal columns so V1 is well conditioned unless a pole sits at the grid's edge).
  const G: number[][] = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  const H: number[][] = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  for (let a = 0; a < K; a++) {
    for (let b = 0; b < K; b++) {
      let g = 0;
      let hh = 0;
      for (let i = 0; i < L; i++) {
        g += v[i][a] * v[i][b];
        hh += v[i][a] * v[i + 1][b];
      }
      G[a][b] = g;
      H[a][b] = hh;
    }
  }
  let values: unknown[];
  try {
    const Ginv = inv(G);
    for (let a = 0; a < K; a++) {
      A.push(new Array<number>(K).fill(0));
      for (let b = 0; b < K; b++) for (let c = 0; c < K; c++) A[a][b] += Ginv[a][c] * H[c][b];
    }
    values = eigs(A, { eigenvectors: false }).values as unknown as unknown[];
  } catch {
    return []; // singular G or no convergence: the grid search still provides starts
  }
  const rates: number[] = [];
  for (const value of values) {
    const mod = typeOf(value) === 'Complex' ? modulus(value as Complex) : Math.abs(value as number);
    const r = -log(mod) / h;
    if (Number.isFinite(r) && r > 0) rates.push(r);
  }
  return rates.sort((a, b) => a - b);
}

/** At most `points` samples on a uniform grid: every k-th point when t is already uniform
 *  (exact), else linear interpolation (approximate, good enough for a start). */
function uniformSamples(tau: ArrayLike<number>, z: ArrayLike<number>, points: number): { s: Float64Array; h: number } {
  const n = tau.length;
  const step0 = tau[1] - tau[0];
  let uniform = true;
  for (let i = 1; i < n && uniform; i++) uniform = Math.abs(tau[i] - tau[i - 1] - step0) <= 1e-9 * step0;
  if (uniform) {
    const stride = Math.ceil(n / points);
    const M = Math.floor((n - 1) / stride) + 1;
    return { s: Float64Array.from({ length: M }, (_, j) => z[j * stride]), h: stride * step0 };
  }
  const M = Math.min(points, n);
  const t0 = tau[0];
  const h = (tau[n - 1] - t0) / (M - 1);
  const s = new Float64Array(M);
  for (let j = 0, i = 0; j < M; j++) {
    const x = j === M - 1 ? tau[n - 1] : t0 + j * h;
    while (i < n - 2 && tau[i + 1] < x) i++;
    const f = (x - tau[i]) / (tau[i + 1] - tau[i]);
    s[j] = z[i] + Math.min(1, Math.max(0, f)) * (z[i + 1] - z[i]);
  }
  return { s, h };
}

/** |z| without Math.hypot, whose rounding differs between engines (see src/sim/math). */
function modulus(z: Complex): number {
  const scale = Math.max(Math.abs(z.re), Math.abs(z.im));
  if (scale === 0 || scale === Infinity) return scale;
  const re = z.re / scale;
  const im = z.im / scale;
  return scale * Math.sqrt(re * re + im * im);
}
