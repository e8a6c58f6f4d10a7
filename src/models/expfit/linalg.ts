// Dense kernels for tall, thin least-squares problems (n rows, at most ~10 columns).
//
// Hand-rolled rather than mathjs: math.qr returns the full n x n Q (a 10,000-point series
// would need a 10^8-entry matrix) and took 660 ms for a 1000 x 4 matrix on this machine;
// mathjs also has no SVD. Everything here is O(n m^2) on Float64Arrays. mathjs is still used
// for the small dense work (eigenvalues, log-gamma) in pencil.ts and statistics.ts.

/** Householder QR with column pivoting of an equilibrated n x m matrix (Golub & Van Loan,
 *  Matrix Computations, 4th ed., Alg. 5.4.1): A * diag(1/scale) * P = Q * R. */
export interface QR {
  readonly n: number;
  readonly m: number;
  /** Column j holds R[0..j] above the diagonal and the Householder vector below it. */
  readonly cols: Float64Array[];
  /** Householder scalars: H_k = I - beta_k v_k v_k^T, with v_k[k] = 1. */
  readonly beta: Float64Array;
  /** R's diagonal. */
  readonly rdiag: Float64Array;
  /** perm[k] = the original column in pivot position k. */
  readonly perm: Int32Array;
  /** The original columns' Euclidean norms (1 for a zero column). */
  readonly scale: Float64Array;
  /** Numerical rank: pivots with |R_kk| > rtol * |R_00|. */
  readonly rank: number;
}

/** Factor the columns (each of length n; not modified) with relative rank tolerance rtol. */
export function qrFactor(columns: readonly Float64Array[], n: number, rtol = 1e-12): QR {
  const m = columns.length;
  const cols: Float64Array[] = [];
  const scale = new Float64Array(m);
  const perm = new Int32Array(m);
  // Trailing column norms, downdated after each step and recomputed when cancellation makes
  // the downdate inaccurate (the LAPACK xGEQP3 strategy).
  const norms = new Float64Array(m);
  const fresh = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const src = columns[j];
    const s = norm2(src, 0, n);
    const ok = s > 0 && Number.isFinite(s);
    scale[j] = ok ? s : 1;
    const inv = 1 / scale[j];
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) c[i] = src[i] * inv;
    cols.push(c);
    perm[j] = j;
    norms[j] = fresh[j] = ok ? 1 : 0;
  }
  const beta = new Float64Array(m);
  const rdiag = new Float64Array(m);
  let rank = 0;
  const steps = Math.min(m, n);
  for (let k = 0; k < steps; k++) {
    let best = k;
    for (let j = k + 1; j < m; j++) if (norms[j] > norms[best]) best = j;
    if (best !== k) {
      [cols[k], cols[best]] = [cols[best], cols[k]];
      [perm[k], perm[best]] = [perm[best], perm[k]];
      [norms[k], norms[best]] = [norms[best], norms[k]];
      [fresh[k], fresh[best]] = [fresh[best], fresh[k]];
    }
    const v = cols[k];
    const alpha = norm2(v, k, n);
    if (!(alpha > 0)) {
      rdiag[k] = 0;
      beta[k] = 0;
      continue;
    }
    // v = x + sign(x0) ||x|| e1, scaled so that v[k] = 1.
    const x0 = v[k];
    const r = x0 >= 0 ? -alpha : alpha;
    const v0 = x0 - r;
    const inv0 = 1 / v0;
    for (let i = k + 1; i < n; i++) v[i] *= inv0;
    beta[k] = -v0 / r;
    v[k] = r;
    rdiag[k] = r;
    for (let j = k + 1; j < m; j++) {
      applyReflector(v, beta[k], k, n, cols[j]);
      const rkj = cols[j][k];
      const ratio = rkj / (norms[j] || 1);
      const down = norms[j] * Math.sqrt(Math.max(0, 1 - ratio * ratio));
      // Recompute when (down / fresh)^2 < sqrt(eps), as LAPACK does.
      if (!(down > 1.2e-4 * fresh[j])) norms[j] = fresh[j] = norm2(cols[j], k + 1, n);
      else norms[j] = down;
    }
  }
  const r0 = Math.abs(rdiag[0] ?? 0);
  for (let k = 0; k < steps; k++) {
    if (Math.abs(rdiag[k]) > rtol * r0 && r0 > 0) rank = k + 1;
    else break;
  }
  return { n, m, cols, beta, rdiag, perm, scale, rank };
}

/** y <- H_k y for the reflector stored in column v (v[k] implicitly 1). */
function applyReflector(v: Float64Array, beta: number, k: number, n: number, y: Float64Array): void {
  if (beta === 0) return;
  let s = y[k];
  for (let i = k + 1; i < n; i++) s += v[i] * y[i];
  s *= beta;
  y[k] -= s;
  for (let i = k + 1; i < n; i++) y[i] -= s * v[i];
}

/** y <- Q^T y over the first `rank` reflectors (in place). */
export function applyQt(qr: QR, y: Float64Array): void {
  for (let k = 0; k < qr.rank; k++) applyReflector(qr.cols[k], qr.beta[k], k, qr.n, y);
}

/** y <- Q y over the first `rank` reflectors (in place). */
export function applyQ(qr: QR, y: Float64Array): void {
  for (let k = qr.rank - 1; k >= 0; k--) applyReflector(qr.cols[k], qr.beta[k], k, qr.n, y);
}

/** The projection of y onto the orthogonal complement of the numerical column space. */
export function projectOut(qr: QR, y: Float64Array): Float64Array {
  const out = Float64Array.from(y);
  applyQt(qr, out);
  out.fill(0, 0, qr.rank);
  applyQ(qr, out);
  return out;
}

/** Basic least-squares solution of A x ~ b: columns beyond the numerical rank get x = 0.
 *  Returns x in the original column order and units, and Q^T b (length n). */
export function lstsq(qr: QR, b: Float64Array): { x: Float64Array; qtb: Float64Array } {
  const qtb = Float64Array.from(b);
  applyQt(qr, qtb);
  const xp = solveUpper(qr, qtb);
  const x = new Float64Array(qr.m);
  for (let k = 0; k < qr.m; k++) x[qr.perm[k]] = xp[k] / qr.scale[qr.perm[k]];
  return { x, qtb };
}

/** Back substitution with the leading rank x rank block of R (pivoted, equilibrated units). */
function solveUpper(qr: QR, rhs: ArrayLike<number>): Float64Array {
  const x = new Float64Array(qr.m);
  for (let k = qr.rank - 1; k >= 0; k--) {
    let s = rhs[k];
    for (let j = k + 1; j < qr.rank; j++) s -= qr.cols[j][k] * x[j];
    x[k] = s / qr.rdiag[k];
  }
  return x;
}

/** R's entry (i, j), i <= j, in pivoted order. */
export function rEntry(qr: QR, i: number, j: number): number {
  return i === j ? qr.rdiag[i] : qr.cols[j][i];
}

/** (A^T A)^{-1} in original column order and units, with the 1-norm condition number of the
 *  equilibrated R; null when A is rank-deficient. */
export function inverseNormal(qr: QR): { inv: number[][]; cond: number } | null {
  const m = qr.m;
  if (qr.rank < m) return null;
  // Rinv by back substitution, column by column (upper triangular).
  const rinv: number[][] = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  for (let j = 0; j < m; j++) {
    rinv[j][j] = 1 / qr.rdiag[j];
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= j; k++) s += rEntry(qr, i, k) * rinv[k][j];
      rinv[i][j] = -s / qr.rdiag[i];
    }
  }
  let rNorm = 0;
  let rinvNorm = 0;
  for (let j = 0; j < m; j++) {
    let a = 0;
    let b = 0;
    for (let i = 0; i <= j; i++) {
      a += Math.abs(rEntry(qr, i, j));
      b += Math.abs(rinv[i][j]);
    }
    rNorm = Math.max(rNorm, a);
    rinvNorm = Math.max(rinvNorm, b);
  }
  const inv: number[][] = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      let s = 0;
      for (let k = Math.max(a, b); k < m; k++) s += rinv[a][k] * rinv[b][k];
      const ia = qr.perm[a];
      const ib = qr.perm[b];
      inv[ia][ib] = s / (qr.scale[ia] * qr.scale[ib]);
    }
  }
  return { inv, cond: rNorm * rinvNorm };
}

/** Euclidean norm of x[from..to); rescaled only when the plain sum of squares over- or
 *  underflows. */
export function norm2(x: ArrayLike<number>, from = 0, to = x.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i] * x[i];
  if (s > 1e-280 && s < 1e280) return Math.sqrt(s);
  let big = 0;
  for (let i = from; i < to; i++) big = Math.max(big, Math.abs(x[i]));
  if (big === 0 || !Number.isFinite(big)) return big;
  s = 0;
  for (let i = from; i < to; i++) {
    const u = x[i] / big;
    s += u * u;
  }
  return big * Math.sqrt(s);
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Right singular vectors and singular values (descending) of a small dense matrix given by
 *  rows, by one-sided Jacobi rotations (Hestenes 1958; Demmel & Veselic, SIAM J. Matrix Anal.
 *  Appl. 13(4), 1992), accurate to high relative precision. Cost O(sweeps * rows * cols^2). */
export function svdRight(rows: readonly ArrayLike<number>[]): { s: number[]; v: number[][] } {
  const p = rows.length;
  const q = rows[0]?.length ?? 0;
  // Work on columns of A (length p) and accumulate V (q x q).
  const a: Float64Array[] = Array.from({ length: q }, (_, j) => Float64Array.from(rows, (r) => r[j]));
  const v: Float64Array[] = Array.from({ length: q }, (_, j) => {
    const c = new Float64Array(q);
    c[j] = 1;
    return c;
  });
  const eps = 2.220446049250313e-16;
  let fro2 = 0;
  for (const c of a) fro2 += dot(c, c);
  // Columns below eps * ||A||_F are numerically zero: rotating them changes nothing.
  const negligible = eps * eps * fro2;
  for (let sweep = 0; sweep < 60; sweep++) {
    let rotated = false;
    for (let j = 0; j < q - 1; j++) {
      for (let k = j + 1; k < q; k++) {
        const aj = a[j];
        const ak = a[k];
        const alpha = dot(aj, aj);
        const betaN = dot(ak, ak);
        const gamma = dot(aj, ak);
        if (Math.min(alpha, betaN) <= negligible || Math.abs(gamma) <= eps * Math.sqrt(alpha * betaN)) continue;
        rotated = true;
        const zeta = (betaN - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < p; i++) {
          const x = aj[i];
          const y = ak[i];
          aj[i] = c * x - s * y;
          ak[i] = s * x + c * y;
        }
        const vj = v[j];
        const vk = v[k];
        for (let i = 0; i < q; i++) {
          const x = vj[i];
          const y = vk[i];
          vj[i] = c * x - s * y;
          vk[i] = s * x + c * y;
        }
      }
    }
    if (!rotated) break;
  }
  const order = Array.from({ length: q }, (_, j) => j);
  const sv = a.map((c) => norm2(c));
  order.sort((x, y) => sv[y] - sv[x]);
  return {
    s: order.map((j) => sv[j]),
    // v[i][k]: component i of the k-th right singular vector.
    v: Array.from({ length: q }, (_, i) => order.map((j) => v[j][i])),
  };
}
