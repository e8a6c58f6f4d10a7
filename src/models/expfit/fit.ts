// Fit a given number of terms: start values from init.ts, Levenberg-Marquardt on the log-rates
// of the variable-projection problem over all the data, the best of the starts kept.

import { startingPoints, thetaBounds } from './init.ts';
import { checkEnoughPoints, linearLayout, type Problem } from './problem.ts';
import { buildResult, type FitResult } from './result.ts';
import { levenbergMarquardt, type SolverResult } from './solver.ts';
import { project, type Projection } from './varpro.ts';

/** Fit exactly `terms` exponentials (plus the constant, per the problem's options). */
export function fitTerms(problem: Problem, terms: number): FitResult {
  checkEnoughPoints(problem, terms);
  const layout = linearLayout(problem, terms);
  if (!layout) throw new Error(`X(0) = ${problem.options.initial} cannot hold for the model X(t) = 0`);
  if (terms === 0) {
    const proj = project(problem, layout, []);
    return buildResult(problem, layout, proj, { iterations: 0, evaluations: 1, stopReason: 'linear' });
  }
  const options = { ...thetaBounds(problem), sseFloor: problem.sseFloor };
  // Polish the best start on all the data, and any other start that was nearly as good on
  // the subsample (the full data may prefer it).
  const starts = startingPoints(problem, terms);
  if (starts.length === 0) throw new Error(`no starting values found for ${terms} terms`);
  let best: SolverResult<Projection> | null = null;
  let evaluations = 0;
  for (const start of starts) {
    if (best && start.sse > 1.1 * starts[0].sse) continue;
    const r = levenbergMarquardt((th) => project(problem, layout, th), start.theta, options);
    evaluations += r.evaluations;
    if (!best || r.best.sse < best.best.sse) best = r;
  }
  return buildResult(problem, layout, best!.best, { iterations: best!.iterations, evaluations, stopReason: best!.stopReason });
}
