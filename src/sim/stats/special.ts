/**
 * Special functions for output analysis: log-gamma, the regularized incomplete beta and gamma
 * functions, and the standard normal distribution. Pure numerics, no dependencies.
 */
import { exp, log, log1p } from '../math/index.ts';

const LOG_SQRT_2PI = 0.9189385332046728; // log(sqrt(2 pi))
const LOG_SQRT_PI = 0.5723649429247001; // log(sqrt(pi)) = logGamma(1/2)
const EPS = 1e-16;
const TINY = 1e-300;

// Lanczos approximation (C. Lanczos, SIAM J. Numer. Anal. B 1, 1964), g = 7, n = 9: P. Godfrey's coefficients.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** log(Gamma(x)) for x > 0 (Gamma(x) = Gamma(x + 1) / x below 1/2), relative error about 1e-15. */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new Error(`logGamma: x must be > 0, got ${x}`);
  if (x < 0.5) return logGamma(x + 1) - log(x); // no reflection: it needs sin, see src/sim/math
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + LANCZOS_G + 0.5;
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i] / (z + i);
  return LOG_SQRT_2PI + (z + 0.5) * log(t) - t + log(a);
}

/** Stirling series remainder S(z) of log Gamma(z) (Bernoulli terms up to B8), for z >= 20. */
function stirlingTail(z: number): number {
  const r = 1 / (z * z);
  return (1 / 12 - r * (1 / 360 - r * (1 / 1260 - r / 1680))) / z;
}

/**
 * log(Gamma(a + 1/2) / Gamma(a)) without the cancellation of two large log-gammas: for a >= 20
 * the difference of Stirling series, 1/2 log a + a log1p(1/(2a)) - 1/2 + S(a + 1/2) - S(a).
 */
export function logGammaRatioHalf(a: number): number {
  if (a < 20) return logGamma(a + 0.5) - logGamma(a);
  return 0.5 * log(a) + a * log1p(0.5 / a) - 0.5 + stirlingTail(a + 0.5) - stirlingTail(a);
}

/** Continued fraction of the incomplete beta function, modified Lentz (Numerical Recipes 3rd ed. §6.4, betacf). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  const maxIterations = 20000 + Math.ceil(20 * Math.sqrt(Math.max(a, b)));
  for (let m = 1; m <= maxIterations; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) <= EPS) return h;
  }
  throw new Error(`incompleteBeta: continued fraction did not converge for a=${a}, b=${b}, x=${x}`);
}

/**
 * Regularized incomplete beta I_x(a, b) for a, b > 0 and 0 <= x <= 1. `y` may give 1 - x
 * exactly when the caller knows it more precisely than 1 - x can be rounded. `logBeta`
 * (log B(a, b)) may be passed when the caller can compute it without cancellation.
 */
export function incompleteBeta(a: number, b: number, x: number, y = 1 - x, logBeta?: number): number {
  if (!(a > 0) || !(b > 0)) throw new Error(`incompleteBeta: a and b must be > 0, got a=${a}, b=${b}`);
  if (!(x >= 0 && x <= 1)) throw new Error(`incompleteBeta: x must be in [0, 1], got ${x}`);
  if (x === 0) return 0;
  if (y === 0) return 1;
  const lb = logBeta ?? logGamma(a) + logGamma(b) - logGamma(a + b);
  const front = exp(a * log(x) + b * log(y) - lb);
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, y)) / b;
}

/**
 * Regularized upper incomplete gamma Q(a, x) = Gamma(a, x) / Gamma(a), by the series for
 * P = 1 - Q when x < a + 1 and Lentz's continued fraction otherwise (Numerical Recipes §6.2).
 */
export function upperIncompleteGamma(a: number, x: number): number {
  if (!(a > 0)) throw new Error(`upperIncompleteGamma: a must be > 0, got ${a}`);
  if (!(x >= 0)) throw new Error(`upperIncompleteGamma: x must be >= 0, got ${x}`);
  if (x === 0) return 1;
  const lga = a === 0.5 ? LOG_SQRT_PI : logGamma(a);
  const front = exp(-x + a * log(x) - lga);
  if (x < a + 1) {
    let ap = a;
    let del = 1 / a;
    let sum = del;
    for (let n = 0; n < 100000; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * EPS) return 1 - sum * front;
    }
    throw new Error(`upperIncompleteGamma: series did not converge for a=${a}, x=${x}`);
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) <= EPS) return front * h;
  }
  throw new Error(`upperIncompleteGamma: continued fraction did not converge for a=${a}, x=${x}`);
}

/** Standard normal CDF; the lower tail is computed as erfc(-x / sqrt 2) / 2 = Q(1/2, x^2/2) / 2, so tails keep relative accuracy. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === 0) return 0.5;
  const tail = 0.5 * upperIncompleteGamma(0.5, (x * x) / 2);
  return x < 0 ? tail : 1 - tail;
}

/** Standard normal density. */
export function normalPdf(x: number): number {
  return exp(-0.5 * x * x - LOG_SQRT_2PI);
}

/**
 * Standard normal quantile: start from Abramowitz & Stegun 26.2.23 (|error| < 4.5e-4), then
 * Halley steps on the tail probability computed by `normalCdf` (relative error about 1e-15).
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    throw new Error(`normalQuantile: p must be in [0, 1], got ${p}`);
  }
  if (p === 0.5) return 0;
  const q = p < 0.5 ? p : 1 - p; // lower-tail probability, x < 0
  const s = Math.sqrt(-2 * log(q));
  let x = -(s - (2.515517 + s * (0.802853 + s * 0.010328)) / (1 + s * (1.432788 + s * (0.189269 + s * 0.001308))));
  for (let i = 0; i < 50; i++) {
    const u = (normalCdf(x) - q) / normalPdf(x);
    const step = u / (1 + (x * u) / 2);
    x -= step;
    if (Math.abs(step) <= 1e-15 * Math.abs(x)) break;
  }
  return p < 0.5 ? x : -x;
}

/** Gamma(x) for x > 0; overflows to Infinity above x ~ 171.6. */
export function gamma(x: number): number {
  return exp(logGamma(x));
}
