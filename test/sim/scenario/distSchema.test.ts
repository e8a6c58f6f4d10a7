import { describe, expect, test } from 'vitest';
import { problems } from './fixtures.ts';

describe('checkScenario(file) checks distribution parameters', () => {
  const at = 'consumers[0].service';
  const cases: [unknown, string][] = [
    [{ dist: 'exponential', rate: -1 }, `${at}.rate: must be > 0 (got -1)`],
    [{ dist: 'exponential', mean: 0 }, `${at}.mean: must be > 0 (got 0)`],
    [{ dist: 'exponential', rate: 1, mean: 1 }, `${at}: exponential needs exactly one of "rate" and "mean" (got both)`],
    [{ dist: 'exponential' }, `${at}: exponential needs exactly one of "rate" and "mean" (got neither)`],
    [{ dist: 'exponential', rate: 'x' }, `${at}.rate: must be a number (got "x")`],
    [{ dist: 'deterministic', value: -1 }, `${at}.value: must be >= 0 (got -1)`],
    [{ dist: 'uniform', min: -1, max: 1 }, `${at}.min: must be >= 0 (got -1)`],
    [{ dist: 'uniform', min: 2, max: 2 }, `${at}.max: must be > min (got 2, min 2)`],
    [{ dist: 'erlang', k: 1.5, mean: 1 }, `${at}.k: must be an integer (got 1.5)`],
    [{ dist: 'erlang', k: 0, mean: 1 }, `${at}.k: must be >= 1 (got 0)`],
    [{ dist: 'erlang', k: 2, mean: 0 }, `${at}.mean: must be > 0 (got 0)`],
    [{ dist: 'gamma', shape: 0, scale: 1 }, `${at}.shape: must be > 0 (got 0)`],
    [{ dist: 'gamma', shape: 1, scale: -2 }, `${at}.scale: must be > 0 (got -2)`],
    [{ dist: 'lognormal', mean: 0, cv: 1 }, `${at}.mean: must be > 0 (got 0)`],
    [{ dist: 'lognormal', mean: 1, cv: -0.5 }, `${at}.cv: must be >= 0 (got -0.5)`],
    [{ dist: 'hyperexponential', probs: [0.5, 0.4], rates: [1, 2] }, `${at}.probs: must sum to 1 (got 0.9)`],
    [{ dist: 'hyperexponential', probs: [-0.5, 1], rates: [1, 2] }, `${at}.probs[0]: must be >= 0 (got -0.5)`],
    [
      { dist: 'hyperexponential', probs: [0.5, 0.5], rates: [1, 2, 3] },
      `${at}.rates: must have one rate per probability (2 probs, got 3 rates)`,
    ],
    [{ dist: 'hyperexponential', probs: [0.5, 0.5], rates: [1, 0] }, `${at}.rates[1]: must be > 0 (got 0)`],
    [{ dist: 'pareto', shape: 0, scale: 1 }, `${at}.shape: must be > 0 (got 0)`],
    [{ dist: 'pareto', shape: 1, scale: 0 }, `${at}.scale: must be > 0 (got 0)`],
    [{ dist: 'weibull', shape: -1, scale: 1 }, `${at}.shape: must be > 0 (got -1)`],
    [{ dist: 'weibull', shape: 1, scale: 0 }, `${at}.scale: must be > 0 (got 0)`],
    [{ dist: 'empirical', values: [] }, `${at}.values: must not be empty`],
    [{ dist: 'empirical', values: [1, -2] }, `${at}.values[1]: must be >= 0 (got -2)`],
    [{ dist: 'empirical', values: [1, NaN] }, `${at}.values[1]: must be a finite number (got NaN)`],
    [{ dist: 'exponential', rate: 1, sigma: 2 }, `${at}.sigma: unknown field`],
    [
      { dist: 'normal', mean: 1 },
      `${at}.dist: unknown distribution "normal" (known: exponential, deterministic, uniform, erlang, gamma, lognormal, hyperexponential, pareto, weibull, empirical)`,
    ],
    [
      { rate: 1 },
      `${at}.dist: missing (expected one of: exponential, deterministic, uniform, erlang, gamma, lognormal, hyperexponential, pareto, weibull, empirical)`,
    ],
    ['exponential', `${at}: must be an object (got "exponential")`],
  ];

  test.each(cases)('%j', (service, expected) => {
    expect(problems((f) => (f.consumers[0].service = service))).toEqual([expected]);
  });

  test('a misspelt parameter is both missing and unknown, with a hint', () => {
    expect(problems((f) => (f.consumers[0].service = { dist: 'gamma', shape: 1, scael: 2 }))).toEqual([
      `${at}.scale: missing (expected a number)`,
      `${at}.scael: unknown field (did you mean "scale"?)`,
    ]);
  });
});
