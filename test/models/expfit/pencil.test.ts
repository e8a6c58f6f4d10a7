import { describe, expect, it } from 'vitest';
import { pencilRates } from '../../../src/models/expfit/pencil.ts';

describe('pencilRates', () => {
  const tau = Array.from({ length: 64 }, (_, i) => i / 63);

  it('recovers the rates of noise-free exponentials on a uniform grid', () => {
    const z = tau.map((t) => 2 * Math.exp(-1.5 * t) - Math.exp(-7 * t) + 0.5 * Math.exp(-30 * t));
    const rates = pencilRates(tau, z, 3);
    [1.5, 7, 30].forEach((r, i) => expect(rates[i] / r).toBeCloseTo(1, 8));
  });

  it('resamples uneven times onto a uniform grid (approximately)', () => {
    const uneven = Array.from({ length: 200 }, (_, i) => (i / 199) ** 1.5);
    const z = uneven.map((t) => Math.exp(-2 * t) + Math.exp(-9 * t));
    const rates = pencilRates(uneven, z, 2);
    expect(rates[0] / 2).toBeCloseTo(1, 2);
    expect(rates[1] / 9).toBeCloseTo(1, 1);
  });

  it('returns nothing when there are too few points for the poles', () => {
    expect(pencilRates([0, 0.5, 1], [1, 0.5, 0.2], 2)).toEqual([]);
  });
});
