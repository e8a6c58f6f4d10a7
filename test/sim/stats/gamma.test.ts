import { describe, expect, it } from 'vitest';
import { gamma, logGamma } from '../../../src/sim/stats/special.ts';

describe('gamma(x) and logGamma(x)', () => {
  it('gamma(n) is (n - 1)! for integers', () => {
    let factorial = 1;
    for (let n = 1; n <= 20; n++) {
      expect(gamma(n) / factorial).toBeCloseTo(1, 13);
      factorial *= n;
    }
  });

  it('gamma(1/2) is sqrt(pi) and gamma(3/2) is sqrt(pi) / 2', () => {
    expect(gamma(0.5) / Math.sqrt(Math.PI)).toBeCloseTo(1, 13);
    expect(gamma(1.5) / (Math.sqrt(Math.PI) / 2)).toBeCloseTo(1, 13);
  });

  it('satisfies gamma(x + 1) = x gamma(x), including below 1/2 (the reflection branch)', () => {
    for (const x of [0.01, 0.2, 0.49, 0.7, 3.3, 12.25]) {
      expect(gamma(x + 1) / (x * gamma(x))).toBeCloseTo(1, 12);
    }
  });

  it('logGamma(100) is ln(99!) = 359.1342053695754', () => {
    expect(logGamma(100)).toBeCloseTo(359.1342053695754, 10);
  });

  it('logGamma(x) throws for x <= 0', () => {
    expect(() => logGamma(0)).toThrow('logGamma: x must be > 0, got 0');
  });
});
