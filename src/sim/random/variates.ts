// Allocation-free variate kernels shared by the distribution classes (hot path).
import type { Rng } from './rng';
import { log } from '../math/index.ts';
import { zigguratExponential } from './exponentialZiggurat.ts';
import { zigguratNormal } from './normalZiggurat.ts';

/** Exp(1), by the ziggurat (no logarithm on the common path). */
export const unitExponential = zigguratExponential;

/** N(0, 1), by the ziggurat (no logarithm, square root or sine on the common path). */
export const standardNormal = zigguratNormal;

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
    if (log(u) < 0.5 * x2 + d * (1 - v + log(v))) return d * v;
  }
}
