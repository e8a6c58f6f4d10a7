// Special functions for analytic moments (not on the sampling hot path).

// Lanczos approximation, g = 7, n = 9, Godfrey's coefficients as in
// https://en.wikipedia.org/wiki/Lanczos_approximation (relative error ~1e-15 for x > 0).
const G = 7;
const C = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (NaN otherwise). */
export function lgamma(x: number): number {
  if (!(x > 0)) return NaN;
  // Reflection Γ(x)Γ(1-x) = π / sin(πx) keeps the series in its accurate range.
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lgamma(1 - x);
  const z = x - 1;
  let a = C[0];
  for (let i = 1; i < G + 2; i++) a += C[i] / (z + i);
  const t = z + G + 0.5;
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Γ(x) for x > 0; overflows to Infinity above x ≈ 171.6. */
export function gamma(x: number): number {
  return Math.exp(lgamma(x));
}
