import { describe, expect, test } from 'vitest';
import { findNegativeRate, lambdaAt } from '../../../src/sim/scenario/rateModel.ts';

const model = (x0: number, ...terms: [number, number][]) => ({
  x0,
  terms: terms.map(([amplitude, rate]) => ({ amplitude, rate })),
});

describe('findNegativeRate(model)', () => {
  test('is null for a rate that stays >= 0', () => {
    expect(findNegativeRate(model(0.5))).toBeNull();
    expect(findNegativeRate(model(0.5, [2, 0.01]))).toBeNull();
    expect(findNegativeRate(model(1, [-1, 0.1]))).toBeNull(); // 1 - exp(-t/10): 0 at t = 0, then up
  });

  test('ignores rounding when amplitudes cancel exactly', () => {
    expect(findNegativeRate(model(0, [0.1, 1], [0.2, 1], [-0.3, 1]))).toBeNull();
  });

  test('finds a negative start, lambda(0) = x0 + sum of amplitudes', () => {
    expect(findNegativeRate(model(1, [-1.5, 1]))).toEqual({ t: 0, value: -0.5 });
  });

  test('finds a dip between t = 0 and the limit, at its lowest point', () => {
    // 1 + 2u^2 - 3u with u = exp(-t/2) is lowest at u = 3/4: t = 2 ln(4/3), lambda = -1/8
    const dip = findNegativeRate(model(1, [2, 1], [-3, 0.5]));
    expect(dip?.t).toBeCloseTo(2 * Math.log(4 / 3), 6);
    expect(dip?.value).toBeCloseTo(-0.125, 12);
  });

  test('finds a dip whatever the time scale', () => {
    for (const scale of [1e-6, 1, 1e6]) {
      const dip = findNegativeRate(model(1, [2, scale], [-3, 0.5 * scale]));
      expect((dip!.t * scale) / (2 * Math.log(4 / 3))).toBeCloseTo(1, 6);
      expect(dip?.value).toBeCloseTo(-0.125, 12);
    }
  });

  test('finds a fast dip at the start of a slow rise', () => {
    // 1 - exp(-t/1000) starts at 0; the two fast terms cancel at t = 0 but push it below 0 just after.
    const m = model(1, [-1, 1e-3], [-0.5, 10], [0.5, 100]);
    const dip = findNegativeRate(m);
    expect(dip!.t).toBeGreaterThan(0);
    expect(dip!.value).toBeLessThan(-0.3);
    expect(lambdaAt(m, dip!.t)).toBe(dip!.value);
    for (const t of [dip!.t * 0.99, dip!.t * 1.01]) expect(lambdaAt(m, t)).toBeGreaterThan(dip!.value);
  });
});
