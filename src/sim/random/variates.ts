// Allocation-free variate kernels shared by the distribution classes (hot path).
import type { Rng } from './rng';

const TWO_PI = 2 * Math.PI;

/** Exp(1): -log1p(-u) with u in [0, 1), so log(0) cannot happen (as d3-random does). */
export function unitExponential(rng: Rng): number {
  return -Math.log1p(-rng());
}

/** N(0, 1) by Box-Muller from two fresh uniforms; the second variate is dropped to keep no state. */
export function standardNormal(rng: Rng): number {
  const r = Math.sqrt(-2 * Math.log1p(-rng())); // 1 - u is in (0, 1]
  return r * Math.cos(TWO_PI * rng());
}

/**
 * Gamma(shape = d + 1/3, scale 1) for shape >= 1, with d = shape - 1/3 and c = 1 / sqrt(9 d)
 * precomputed by the caller. Marsaglia & Tsang, "A simple method for generating gamma
 * variables", ACM TOMS 26(3), 2000.
 */
export function marsagliaTsang(rng: Rng, d: number, c: number): number {
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v; // squeeze: skips the logs ~98% of the time
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}
