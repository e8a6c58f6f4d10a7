import { describe, expect, it } from 'vitest';
import { poissonWeights } from '../../../src/models/transient/poissonWeights.ts';
import { logGamma } from '../../../src/sim/stats/special.ts';

describe('poissonWeights', () => {
  it('poissonWeights(a, eps) matches exp(-a) a^k / k! and leaves out at most eps', () => {
    for (const a of [1e-9, 0.3, 5, 47.5, 1000]) {
      for (const eps of [1e-6, 1e-12]) {
        const pw = poissonWeights(a, eps);
        expect(pw.tailBound).toBeLessThanOrEqual(eps);
        let inside = 0;
        for (let k = pw.left; k <= pw.right; k++) {
          const exact = Math.exp(-a + k * Math.log(a) - logGamma(k + 1));
          inside += exact;
          // normalised over [left, right]: w_k = p_k / (mass inside), mass inside >= 1 - eps; the
          // reference itself carries ~2e-16 * (a log a) of rounding in its logarithm
          expect(Math.abs(pw.weights[k - pw.left] - exact)).toBeLessThanOrEqual((2 * eps + 5e-12) * exact + 1e-15);
        }
        expect(1 - inside).toBeLessThanOrEqual(pw.tailBound + 5e-12);
      }
    }
  });

  it('poissonWeights sum to 1 and have mean and variance a, even where exp(-a) underflows', () => {
    const a = 1e6;
    const pw = poissonWeights(a, 1e-10);
    let sum = 0;
    let mean = 0;
    let m2 = 0;
    pw.weights.forEach((w, i) => {
      sum += w;
      mean += w * (pw.left + i);
    });
    pw.weights.forEach((w, i) => (m2 += w * (pw.left + i - mean) ** 2));
    expect(Math.abs(sum - 1)).toBeLessThan(1e-12);
    expect(Math.abs(mean - a)).toBeLessThan(1e-6 * a);
    expect(Math.abs(m2 - a)).toBeLessThan(1e-6 * a);
    expect(pw.left).toBeGreaterThan(0);
  });

  it('poissonWeights(0) is a point mass at 0; bad input throws', () => {
    expect(poissonWeights(0, 1e-10)).toEqual({ left: 0, right: 0, weights: Float64Array.of(1), tailBound: 0 });
    expect(() => poissonWeights(-1, 1e-10)).toThrow('poissonWeights: a must be a finite number >= 0, got -1');
    expect(() => poissonWeights(1, 0)).toThrow('poissonWeights: epsilon must be in (0, 1), got 0');
  });
});
