// Exponential-sum fitting: X(t) = x0 + sum_i X_i exp(-r_i t), without start values.
// Split as in the varpro crate: model / problem / solver / result / statistics.

import { fitTerms } from './fit.ts';
import { makeProblem, type FitOptions } from './problem.ts';
import type { FitResult } from './result.ts';
import { fitAuto } from './select.ts';

export { evaluateModel, type ExpModel, type ExpTerm } from './model.ts';
export type { FitOptions, TermCount } from './problem.ts';
export type { FitResult, SelectionStep, StandardErrors } from './result.ts';
export type { StopReason } from './solver.ts';
export { formatFit } from './format.ts';

/** Fit the model to the series (t strictly increasing, all finite; arrays or typed arrays).
 *  Throws an Error with one clear message on bad input; see FitResult for what comes back. */
export function fitSeries(t: ArrayLike<number>, y: ArrayLike<number>, options?: FitOptions): FitResult {
  const problem = makeProblem(t, y, options);
  return problem.options.terms === 'auto' ? fitAuto(problem) : fitTerms(problem, problem.options.terms);
}
