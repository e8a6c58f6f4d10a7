// terms: 'auto'. Raw AIC/BIC happily add a term whose rate merges with another or whose
// amplitude cancels one, so N is stepped up from 0 and a model is accepted only when it is
//   1. identifiable (identifiability.ts): distinct rates inside the data's window, no huge
//      cancelling amplitudes, a non-singular Jacobian, every rate determined; and
//   2. significant against the last accepted model: the extra-sum-of-squares F-test at the 1%
//      level AND a lower BIC (DESIGN.md section 4: "chooses N by an information criterion").
// A degenerate candidate (or one with no usable fit at all) is skipped, neither accepted nor ending the search: data from
// 5 - 3 exp(-t/2) + 2 exp(-t/20) may be fitted best by a single term that is a degenerate
// near-linear trend, and with X(0) = 0 and no constant a single term is X(t) = 0 by
// construction; the search goes on to the next N. It stops at the first identifiable
// candidate that is not significant, at 4 terms, or when the fit is exact (an RMSE below 1e-10
// of the data's scale). The last accepted model is returned with the whole `selection` table.

import { fitTerms } from './fit.ts';
import { parameterCount } from './model.ts';
import type { Problem } from './problem.ts';
import type { FitResult, SelectionStep } from './result.ts';
import { fTestPValue } from './statistics.ts';
import { pow } from '../../sim/math/index.ts';

/** Significance level of the F-test for adding a term. */
export const ALPHA = 0.01;
export const MAX_TERMS = 4;
/** RMSE, relative to the data's scale, below which a fit counts as exact. */
export const EXACT = 1e-10;

export function fitAuto(problem: Problem): FitResult {
  const { constant, initial } = problem.options;
  const n = problem.nEff;
  const floor = problem.sseFloor * pow(problem.yScale, 2);
  // A model that reproduces the data to ~10 significant digits leaves nothing to explain.
  const sumW2 = problem.w ? problem.w.reduce((a, w) => a + w * w, 0) : problem.n;
  const exact = sumW2 * pow(EXACT * problem.yScale, 2);
  const feasible = (N: number) => {
    if (N === 0 && !constant && initial !== null && initial !== 0) return false;
    return parameterCount(N, constant, initial) < n;
  };
  let N = 0;
  while (N <= MAX_TERMS && !feasible(N)) N++;
  if (N > MAX_TERMS) {
    throw new Error(`too few points: ${n} points leave no degrees of freedom for any model`);
  }
  let current = fitTerms(problem, N);
  const selection: SelectionStep[] = [step(current, N, null, true, 'the starting model')];
  let kCurrent = parameterCount(N, constant, initial);
  for (N = N + 1; N <= MAX_TERMS && feasible(N); N++) {
    const k1 = parameterCount(N, constant, initial);
    if (current.sse <= exact) {
      selection[selection.length - 1].decision += `; stopped: the fit is exact (RMSE < 1e-10 of the data's scale), nothing is left for term ${N}`;
      break;
    }
    const candidate = tryFitTerms(problem, N);
    if (typeof candidate === 'string') {
      selection.push(failedStep(N, `skipped, no usable fit: ${candidate}`));
      continue;
    }
    const pValue = fTestPValue(Math.max(current.sse, floor), kCurrent, Math.max(candidate.sse, floor), k1, n);
    const significant = pValue < ALPHA && candidate.bic < current.bic;
    const versus = `against ${current.terms.length} term${current.terms.length === 1 ? '' : 's'}: F-test p = ${pValue.toPrecision(3)}, BIC ${current.bic.toFixed(2)} -> ${candidate.bic.toFixed(2)}`;
    if (!candidate.identifiable) {
      selection.push(step(candidate, N, pValue, false, `skipped, not identifiable: ${candidate.reason}`));
      continue;
    }
    if (!significant) {
      selection.push(step(candidate, N, pValue, false, `rejected, not significant (${versus}); stopped`));
      break;
    }
    selection.push(step(candidate, N, pValue, true, `accepted (${versus})`));
    current = candidate;
    kCurrent = k1;
  }
  // A skipped candidate may be the model the data need (a decay that ended before the data):
  // say so beside the chosen one.
  const failed = selection.filter((s) => s.sse === null).map((s) => `the ${s.terms}-term candidate was ${s.decision}`);
  return { ...current, selection, warnings: [...current.warnings, ...failed] };
}

/** An N-term fit, or why there is none (e.g. a decay so fast, so long before the data, that its amplitude at t = 0 overflows). */
function tryFitTerms(problem: Problem, N: number): FitResult | string {
  try {
    return fitTerms(problem, N);
  } catch (err) {
    return (err as Error).message;
  }
}

function failedStep(terms: number, decision: string): SelectionStep {
  return { terms, sse: null, aic: null, bic: null, pValue: null, identifiable: false, reason: decision, accepted: false, decision };
}

function step(fit: FitResult, terms: number, pValue: number | null, accepted: boolean, decision: string): SelectionStep {
  return {
    terms,
    sse: fit.sse,
    aic: fit.aic,
    bic: fit.bic,
    pValue,
    identifiable: fit.identifiable,
    reason: fit.reason,
    accepted,
    decision,
  };
}
