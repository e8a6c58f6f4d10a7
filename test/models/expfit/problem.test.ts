// Bad input: one clear message, as an Error from the API (the CLI prints it and exits 2).

import { describe, expect, it } from 'vitest';
import { fitSeries } from '../../../src/models/expfit/index.ts';
import { makeProblem } from '../../../src/models/expfit/problem.ts';

const t = [0, 1, 2, 3, 4, 5];
const y = [5, 3, 2, 1.5, 1.2, 1.1];

describe('fitSeries rejects bad data with one pinned message', () => {
  const cases: [string, () => unknown, string][] = [
    ['empty data', () => fitSeries([], []), 'no data: t and y are empty'],
    ['different lengths', () => fitSeries([0, 1, 2], [1, 2]), 't and y differ in length: 3 vs 2'],
    ['NaN in y', () => fitSeries(t, [5, 3, NaN, 1.5, 1.2, 1.1]), 'y[2] is NaN: every value must be a finite number'],
    ['Infinity in t', () => fitSeries([0, 1, Infinity], [1, 2, 3]), 't[2] is Infinity: every value must be a finite number'],
    ['constant t', () => fitSeries([2, 2, 2, 2], [1, 2, 3, 4]), 't is constant (every t = 2): rates need at least two distinct times'],
    [
      'non-increasing t',
      () => fitSeries([0, 1, 3, 2], [1, 2, 3, 4]),
      't must be strictly increasing: t[3] = 2 follows t[2] = 3',
    ],
    ['repeated t', () => fitSeries([0, 1, 1, 2], [1, 2, 3, 4]), 't must be strictly increasing: t[2] = 1 follows t[1] = 1'],
    ['a single point', () => fitSeries([1], [1]), 'too few points: 1 point; a fit needs at least 2 distinct times'],
    [
      'fewer points than parameters',
      () => fitSeries(t, y, { terms: 3 }),
      'too few points: 6 points for 7 parameters (3 terms, a constant)',
    ],
    [
      'fewer weighted points than parameters',
      () => fitSeries(t, y, { terms: 2, weights: [1, 1, 0, 0, 1, 1] }),
      'too few points: 4 points with a positive weight for 5 parameters (2 terms, a constant)',
    ],
  ];
  for (const [name, run, message] of cases) {
    it(name, () => expect(run).toThrow(new Error(message)));
  }
});

describe('fitSeries rejects bad options with one pinned message', () => {
  const cases: [string, () => unknown, string][] = [
    ['terms out of range', () => fitSeries(t, y, { terms: 5 as 4 }), 'terms must be 0, 1, 2, 3, 4 or "auto", got 5'],
    ['terms not an integer', () => fitSeries(t, y, { terms: 1.5 as 1 }), 'terms must be 0, 1, 2, 3, 4 or "auto", got 1.5'],
    ['initial NaN', () => fitSeries(t, y, { initial: NaN }), 'initial must be a finite number or null, got NaN'],
    ['weights of the wrong length', () => fitSeries(t, y, { weights: [1, 2] }), 'weights must have one entry per point: got 2 for 6 points'],
    ['a negative weight', () => fitSeries(t, y, { weights: [1, 1, -1, 1, 1, 1] }), 'weights[2] = -1: every weight must be a finite number >= 0'],
    [
      'nothing to fit',
      () => fitSeries(t, y, { terms: 0, constant: false }),
      'nothing to fit: terms = 0 without a constant leaves the model X(t) = 0',
    ],
  ];
  for (const [name, run, message] of cases) {
    it(name, () => expect(run).toThrow(new Error(message)));
  }
});

describe('fitSeries refuses amplitudes it cannot represent', () => {
  it('data that start long after t = 0 with a fast decay: the amplitude at t = 0 overflows', () => {
    const late = Array.from({ length: 101 }, (_, i) => 1000 + i * 0.1);
    const values = late.map((x) => 2 + 3 * Math.exp(-(x - 1000)));
    const message =
      'the fitted amplitudes overflow at t = 0 (the data start at t = 1000, long after the fitted decays): shift t to start near 0';
    expect(() => fitSeries(late, values, { terms: 1 })).toThrow(new Error(message));
    // auto skips the candidates it cannot fit and says why beside the model it keeps
    const auto = fitSeries(late, values, { terms: 'auto' });
    expect(auto.warnings).toContain(`the 1-term candidate was skipped, no usable fit: ${message}`);
    const shifted = fitSeries(late.map((x) => x - 1000), values, { terms: 1 });
    expect(shifted.terms[0].rate).toBeCloseTo(1, 10);
  });
});

describe('makeProblem normalises t and y', () => {
  it('maps t onto [0, 1] and y to at most 1 in magnitude about its mean', () => {
    const p = makeProblem([10, 20, 40], [1e6 + 1, 1e6 + 2, 1e6 + 4]);
    expect(Array.from(p.tau)).toEqual([0, 1 / 3, 1]);
    expect(Math.max(...Array.from(p.z, Math.abs))).toBe(1);
    expect(p.dtMin).toBe(10);
    expect(p.span).toBe(30);
  });

  it('keeps t = 0 as the origin when X(0) is constrained', () => {
    const p = makeProblem([10, 20, 40], [1, 2, 4], { initial: 0 });
    expect(p.tRef).toBe(0);
    expect(p.yShift).toBe(0);
  });
});
