// N(0, 1) variates by the ziggurat method (Marsaglia & Tsang, "The ziggurat method for generating
// random variables", J. Stat. Software 5(8), 2000), 128 strips of equal area under e^(-x^2/2) on
// each side. Most samples cost one uniform, a multiply and a compare: no logarithm, square root
// or exponential on the common path (lognormal and gamma service times draw one per message).
import type { Rng } from './rng';
import { exp, log } from '../math/index.ts';

const STRIPS = 128;
/** Right edge of the base strip, and the strips' common area (Marsaglia & Tsang's constants). */
const R = 3.442619855899;
const AREA = 9.91256303526217e-3;

const density = (x: number) => exp(-0.5 * x * x);
/**
 * Strip i spans |x| in [0, X[i]] and y in [f(X[i]), f(X[i+1])], f(x) = e^(-x^2/2); X decreases
 * from X[1] = R to X[128] = 0; the base strip 0 is the box [0, R] x [0, f(R)] plus the tail,
 * written as one box of width X[0] = AREA / f(R). Built with src/sim/math: alike on every engine.
 */
const X = new Float64Array(STRIPS + 1);
const F = new Float64Array(STRIPS + 1);
X[0] = AREA / density(R);
X[1] = R;
for (let i = 1; i < STRIPS - 1; i++) X[i + 1] = Math.sqrt(-2 * log(AREA / X[i] + density(X[i])));
X[STRIPS] = 0;
for (let i = 0; i <= STRIPS; i++) F[i] = density(X[i]);

/**
 * N(0, 1). One uniform u in [0, 1) gives the strip (its top 7 bits), the sign (the next bit) and
 * the position in the strip (the remaining 24 of alea's 32 bits). Wedges and the tail draw more.
 */
export function zigguratNormal(rng: Rng): number {
  for (;;) {
    const scaled = rng() * (2 * STRIPS);
    const bits = scaled | 0;
    const i = bits & (STRIPS - 1);
    const sign = bits < STRIPS ? 1 : -1;
    const x = (scaled - bits) * X[i];
    if (x < X[i + 1]) return sign * x; // inside the box wholly under the curve
    if (i === 0) return sign * normalTail(rng);
    if (F[i] + rng() * (F[i + 1] - F[i]) < density(x)) return sign * x; // in the wedge, under the curve
  }
}

/** |Z| given |Z| > R, by Marsaglia's method (1964): exponential proposals, accepted under the curve. */
function normalTail(rng: Rng): number {
  for (;;) {
    const x = -log(1 - rng()) / R;
    const y = -log(1 - rng());
    if (2 * y > x * x) return R + x;
  }
}
