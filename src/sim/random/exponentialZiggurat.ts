// Exp(1) variates by the ziggurat method (Marsaglia & Tsang, "The ziggurat method for generating
// random variables", J. Stat. Software 5(8), 2000): 256 strips of equal area under e^-x. About 98%
// of samples cost one uniform, a multiply and a compare; no logarithm on the hot path (one
// logarithm was the engine's largest single cost per message).
import type { Rng } from './rng';
import { exp, log } from '../math/index.ts';

const STRIPS = 256;
/** Right edge of the base strip, and the strips' common area (Marsaglia & Tsang's constants). */
const R = 7.69711747013104972;
const AREA = 0.0039496598225815571993;

/**
 * Strip i (0 <= i < 256) spans x in [0, X[i]] and y in [e^-X[i], e^-X[i+1]]; X decreases from
 * X[1] = R to X[256] = 0. The base strip 0 is the box [0, R] x [0, e^-R] plus the tail x > R,
 * written as one box of width X[0] = AREA / e^-R. Built with src/sim/math, so the same on every
 * engine.
 */
const X = new Float64Array(STRIPS + 1);
/** F[i] = e^-X[i]. */
const F = new Float64Array(STRIPS + 1);
X[0] = AREA / exp(-R);
X[1] = R;
for (let i = 1; i < STRIPS - 1; i++) X[i + 1] = -log(AREA / X[i] + exp(-X[i]));
X[STRIPS] = 0;
for (let i = 0; i <= STRIPS; i++) F[i] = exp(-X[i]);

/**
 * Exp(1). One uniform u in [0, 1) picks the strip from its top 8 bits and the position in the
 * strip from the rest (seedrandom's alea gives 32 random bits, so 24 are left: the position is
 * exact to 2^-24 of the strip's width). A second uniform is drawn only in a wedge or the tail.
 */
export function zigguratExponential(rng: Rng): number {
  for (;;) {
    const scaled = rng() * STRIPS;
    const i = scaled | 0;
    const x = (scaled - i) * X[i];
    if (x < X[i + 1]) return x; // inside the box wholly under the curve
    if (i === 0) return R - log(1 - rng()); // the tail is R + Exp(1): memoryless
    if (F[i] + rng() * (F[i + 1] - F[i]) < exp(-x)) return x; // in the wedge, under the curve
  }
}
