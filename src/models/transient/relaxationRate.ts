/**
 * Relaxation rate of an M/M/c/K or M/M/c queue: the spectral gap of its birth-death generator Q,
 * i.e. the smallest nonzero eigenvalue of -Q, the rate at which the transient forgets its start.
 *
 * -Q is similar to the symmetric tridiagonal A = -D^(1/2) Q D^(-1/2) (D = diag(stationary)), with
 * diagonal birth_n + death_n and squared off-diagonals birth_n death_(n+1). Its eigenvalues are
 * found by bisection on Sturm counts: the number of negative pivots of A - x I equals the number
 * of eigenvalues below x (Barth, Martin & Wilkinson, "Calculation of the eigenvalues of a symmetric
 * tridiagonal matrix by the method of bisection", Numer. Math. 9:386-393, 1967; LAPACK dstebz).
 *
 * Unbounded queues: the states n >= c form a homogeneous tail (diagonal lambda + c mu, squared
 * off-diagonal lambda c mu) whose spectrum starts at edge = (sqrt(c mu) - sqrt(lambda))^2. Below the
 * edge that tail is positive definite and its Schur complement on state c - 1 is exact (the
 * continued fraction of a semi-infinite Toeplitz tridiagonal converges to the larger root of
 * q^2 - (alpha - x) q + beta^2 = 0), so the Sturm count of the infinite chain needs only c pivots
 * (Haynsworth inertia additivity). The gap is the lowest eigenvalue below the edge if there is one
 * (there can be for c > 1), else the edge itself. For c = 1 this gives the classical closed form
 * (sqrt(mu) - sqrt(lambda))^2, which is returned directly.
 */
import { birthDeathRates, checkQueue, type BirthDeathQueue } from './birthDeath.ts';
import { pow } from '../../sim/math/index.ts';

export interface RelaxationRate {
  /** the spectral gap: smallest nonzero eigenvalue of -Q, per unit time */
  rate: number;
  /** 1 / rate */
  timeConstant: number;
  /**
   * 'closed-form': unbounded M/M/1, (sqrt(mu) - sqrt(lambda))^2;
   * 'sturm-finite': bisection on the (K+1)-state symmetrised generator;
   * 'sturm-infinite': unbounded M/M/c, c > 1 (Sturm count with the exact tail).
   */
  method: 'closed-form' | 'sturm-finite' | 'sturm-infinite';
  /** unbounded queues: bottom of the continuous spectrum (sqrt(c mu) - sqrt(lambda))^2; null for finite K */
  edge: number | null;
  /** unbounded queues: whether the gap is an isolated eigenvalue below the edge; null for finite K */
  isolated: boolean | null;
}

/** Number of eigenvalues below x of the symmetric tridiagonal with diagonal `diag` and squared off-diagonal `off2`. */
export function sturmCount(diag: ArrayLike<number>, off2: ArrayLike<number>, x: number, pivmin: number): number {
  let count = 0;
  let q = diag[0] - x;
  if (Math.abs(q) < pivmin) q = -pivmin;
  if (q < 0) count++;
  for (let i = 1; i < diag.length; i++) {
    q = diag[i] - x - off2[i - 1] / q;
    if (Math.abs(q) < pivmin) q = -pivmin;
    if (q < 0) count++;
  }
  return count;
}

/** Smallest x in [lo, hi] with count(x) >= k, by bisection to full precision. */
function bisect(count: (x: number) => number, k: number, lo: number, hi: number): number {
  for (let i = 0; i < 2000; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if (count(mid) >= k) hi = mid;
    else lo = mid;
  }
  return 0.5 * (lo + hi);
}

function finiteGap(q: BirthDeathQueue, K: number): number {
  const { birth, death } = birthDeathRates(q, K);
  const diag = new Float64Array(K + 1);
  const off2 = new Float64Array(K);
  let gersh = 0;
  let scale = 0;
  for (let n = 0; n <= K; n++) {
    diag[n] = birth[n] + death[n];
    if (n < K) off2[n] = birth[n] * death[n + 1];
  }
  for (let n = 0; n <= K; n++) {
    const r = (n > 0 ? Math.sqrt(off2[n - 1]) : 0) + (n < K ? Math.sqrt(off2[n]) : 0);
    gersh = Math.max(gersh, diag[n] + r);
    scale = Math.max(scale, diag[n]);
  }
  const pivmin = Number.MIN_VALUE * Math.max(1, scale * scale);
  return bisect((x) => sturmCount(diag, off2, x, pivmin), 2, 0, gersh);
}

function infiniteGap(q: BirthDeathQueue): { rate: number; edge: number; isolated: boolean } {
  const { lambda, mu, servers: c } = q;
  const edge = pow(Math.sqrt(c * mu) - Math.sqrt(lambda), 2);
  const alpha = lambda + c * mu;
  const beta2 = lambda * c * mu;
  // Top block: states 0..c-1, diagonal lambda + n mu, squared off-diagonal lambda (n+1) mu.
  const count = (x: number): number => {
    const s = alpha - x;
    const tailPivot = 0.5 * (s + Math.sqrt(Math.max(0, s * s - 4 * beta2)));
    const pivmin = Number.MIN_VALUE * Math.max(1, alpha * alpha);
    let p = lambda + (c - 1) * mu - x - (beta2 === 0 ? 0 : beta2 / tailPivot);
    if (Math.abs(p) < pivmin) p = -pivmin;
    let n = p < 0 ? 1 : 0;
    for (let i = c - 2; i >= 0; i--) {
      p = lambda + i * mu - x - (lambda * (i + 1) * mu) / p;
      if (Math.abs(p) < pivmin) p = -pivmin;
      if (p < 0) n++;
    }
    return n;
  };
  if (count(edge) < 2) return { rate: edge, edge, isolated: false };
  return { rate: bisect(count, 2, 0, edge), edge, isolated: true };
}

/**
 * The relaxation rate (spectral gap) of an M/M/c/K queue, or of an unbounded stable M/M/c queue.
 * Throws for an unbounded queue with lambda >= c mu, which has no steady state to relax to.
 */
export function relaxationRate(q: BirthDeathQueue): RelaxationRate {
  checkQueue('relaxationRate', q);
  const { lambda, mu, servers: c, capacity } = q;
  if (capacity !== null) {
    const rate = finiteGap(q, capacity);
    return { rate, timeConstant: 1 / rate, method: 'sturm-finite', edge: null, isolated: null };
  }
  if (!(lambda < c * mu)) {
    throw new Error(
      `relaxationRate: an unbounded queue needs lambda < servers * mu to have a steady state, got lambda=${lambda}, servers * mu=${c * mu}`,
    );
  }
  if (c === 1) {
    const rate = pow(Math.sqrt(mu) - Math.sqrt(lambda), 2);
    return { rate, timeConstant: 1 / rate, method: 'closed-form', edge: rate, isolated: false };
  }
  const { rate, edge, isolated } = infiniteGap(q);
  return { rate, timeConstant: 1 / rate, method: 'sturm-infinite', edge, isolated };
}
