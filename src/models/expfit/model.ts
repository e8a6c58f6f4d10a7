// The model: X(t) = x0 + sum_i amplitude_i * exp(-rate_i * t), rate_i > 0, terms sorted by rate.
import { exp } from '../../sim/math/index.ts';

/** One exponential term, amplitude * exp(-rate * t). */
export interface ExpTerm {
  amplitude: number;
  rate: number;
}

/** X(t) = x0 + sum amplitude * exp(-rate * t) (DESIGN.md section 4). */
export interface ExpModel {
  x0: number;
  terms: ExpTerm[];
}

/** X(t) for one t. */
export function evaluateModel(model: ExpModel, t: number): number {
  let s = model.x0;
  for (const { amplitude, rate } of model.terms) s += amplitude * exp(-rate * t);
  return s;
}

/** The indices of `rates` in ascending order of rate (a stable sort). Fitted rates may come
 *  out of the solver in any order ("time constants might switch places", as the varpro crate
 *  warns), so every result is sorted by this permutation. */
export function rateOrder(rates: ArrayLike<number>): number[] {
  return Array.from({ length: rates.length }, (_, i) => i).sort((a, b) => rates[a] - rates[b] || a - b);
}

/** The number of free parameters of a model with `terms` exponentials: one rate and one
 *  amplitude per term, plus x0 when it is fitted, minus one when X(0) = initial is imposed. */
export function parameterCount(terms: number, constant: boolean, initial: number | null): number {
  return 2 * terms + (constant ? 1 : 0) - (initial === null ? 0 : 1);
}

/** Parameter names in the order of the covariance matrix: x0, then amplitude and rate per term. */
export function parameterNames(terms: number): string[] {
  const names = ['x0'];
  for (let i = 1; i <= terms; i++) names.push(`amplitude${i}`, `rate${i}`);
  return names;
}
