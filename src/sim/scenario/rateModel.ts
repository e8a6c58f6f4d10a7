// Checks that a time-varying rate lambda(t) = x0 + sum a exp(-r t) never goes negative.
import type { RateModel } from './types.ts';
import { exp, log10, pow } from '../math/index.ts';

export function lambdaAt(model: RateModel, t: number): number {
  let sum = model.x0;
  for (const { amplitude, rate } of model.terms) sum += amplitude * exp(-rate * t);
  return sum;
}

const POINTS_PER_DECADE = 50;
// Beyond 50 time constants of the slowest term, exp(-50) ~ 2e-22: lambda has reached x0.
const LAST_TIME_CONSTANTS = 50;
const FIRST_TIME_CONSTANTS = 1e-3;

/**
 * Where lambda dips below zero for t >= 0, at its lowest point found, or null if it stays >= 0.
 * Checks t = 0, the limit x0 (t = Infinity) and a log-spaced grid over every time scale of the
 * terms, then refines the grid minimum by golden-section search. Rates must be > 0.
 */
export function findNegativeRate(model: RateModel): { t: number; value: number } | null {
  // Values below -tol are real, not rounding (amplitudes that cancel exactly at t = 0).
  const tol = 1e-12 * (Math.abs(model.x0) + model.terms.reduce((s, k) => s + Math.abs(k.amplitude), 0));
  const at0 = lambdaAt(model, 0);
  if (at0 < -tol) return { t: 0, value: at0 };
  if (model.x0 < -tol) return { t: Infinity, value: model.x0 };
  if (model.terms.length === 0) return null;

  const rates = model.terms.map((k) => k.rate);
  const lo = log10(FIRST_TIME_CONSTANTS / Math.max(...rates));
  const hi = log10(LAST_TIME_CONSTANTS / Math.min(...rates));
  const n = Math.ceil((hi - lo) * POINTS_PER_DECADE) + 1;
  const grid = Array.from({ length: n + 2 }, (_, i) => (i === 0 ? 0 : pow(10, lo + ((i - 1) * (hi - lo)) / n)));
  let best = 0;
  let bestValue = at0;
  for (let i = 1; i < grid.length; i++) {
    const v = lambdaAt(model, grid[i]);
    if (v < bestValue) [best, bestValue] = [i, v];
  }
  const t = refineMinimum(model, grid[Math.max(best - 1, 0)], grid[Math.min(best + 1, grid.length - 1)]);
  const value = Math.min(lambdaAt(model, t), bestValue);
  return value < -tol ? { t: value === bestValue ? grid[best] : t, value } : null;
}

// Golden-section search for the minimum of lambda on [a, b] (lambda is smooth there).
function refineMinimum(model: RateModel, a: number, b: number): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  for (let i = 0; i < 80 && b - a > 1e-12 * b; i++) {
    if (lambdaAt(model, c) < lambdaAt(model, d)) b = d;
    else a = c;
    c = b - g * (b - a);
    d = a + g * (b - a);
  }
  return (a + b) / 2;
}
