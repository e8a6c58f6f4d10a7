// Synthetic series from known parameters, and seeded Gaussian noise, for the expfit tests.

import seedrandom from 'seedrandom';
import { evaluateModel, type ExpModel } from '../../../src/models/expfit/index.ts';

/** n points evenly spaced on [0, span] (or [start, start + span]). */
export function grid(n: number, span: number, start = 0): number[] {
  return Array.from({ length: n }, (_, i) => start + (i * span) / (n - 1));
}

export function sample(model: ExpModel, t: readonly number[]): number[] {
  return t.map((x) => evaluateModel(model, x));
}

/** Standard normal deviates by Box-Muller from seedrandom's default (ARC4) stream for `seed`. */
export function gaussian(seed: string): () => number {
  const rng = seedrandom(seed);
  return () => Math.sqrt(-2 * Math.log1p(-rng())) * Math.cos(2 * Math.PI * rng());
}

/** max over parameters of |estimate - truth| / |truth| (absolute where truth = 0). */
export function maxRelativeError(fit: ExpModel, truth: ExpModel): number {
  const rel = (a: number, b: number) => Math.abs(a - b) / (b === 0 ? 1 : Math.abs(b));
  let worst = rel(fit.x0, truth.x0);
  if (fit.terms.length !== truth.terms.length) return Infinity;
  truth.terms.forEach((term, i) => {
    worst = Math.max(worst, rel(fit.terms[i].amplitude, term.amplitude), rel(fit.terms[i].rate, term.rate));
  });
  return worst;
}

/** Every number reachable from value is finite (what JSON.stringify would otherwise mangle). */
export function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value && typeof value === 'object') return Object.values(value).every(allFinite);
  return true;
}

/** P(X <= k) for X ~ Binomial(n, p), summed exactly in log space. */
export function binomialCdf(k: number, n: number, p: number): number {
  let s = 0;
  let logC = 0; // log C(n, 0)
  for (let i = 0; i <= k; i++) {
    if (i > 0) logC += Math.log((n - i + 1) / i);
    s += Math.exp(logC + i * Math.log(p) + (n - i) * Math.log1p(-p));
  }
  return Math.min(1, s);
}

/** The acceptance region [lo, hi] for a Binomial(n, p) count with at most `tail` probability
 *  in each tail: P(X < lo) <= tail and P(X > hi) <= tail. */
export function binomialRegion(n: number, p: number, tail: number): [number, number] {
  let lo = 0;
  while (lo < n && binomialCdf(lo, n, p) <= tail) lo++;
  let hi = n;
  while (hi > 0 && 1 - binomialCdf(hi - 1, n, p) <= tail) hi--;
  return [lo, hi];
}
