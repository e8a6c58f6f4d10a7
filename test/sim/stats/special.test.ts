import { describe, expect, it } from 'vitest';
import {
  incompleteBeta,
  logGamma,
  logGammaRatioHalf,
  normalCdf,
  normalQuantile,
  upperIncompleteGamma,
} from '../../../src/sim/stats/special.ts';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('logGamma', () => {
  it('logGamma(n) is log((n-1)!) and logGamma(1/2) is log(sqrt(pi))', () => {
    let fact = 1;
    for (let n = 1; n <= 30; n++) {
      expect(Math.abs(logGamma(n) - Math.log(fact))).toBeLessThan(1e-13 * Math.max(1, Math.log(fact)));
      fact *= n;
    }
    expect(rel(logGamma(0.5), 0.5 * Math.log(Math.PI))).toBeLessThan(1e-15);
    // reflection branch: Gamma(1/4) = 3.625609908221908...
    expect(rel(Math.exp(logGamma(0.25)), 3.625609908221908)).toBeLessThan(1e-14);
  });

  it('logGammaRatioHalf(a) equals logGamma(a + 1/2) - logGamma(a) where both are accurate', () => {
    for (const a of [20, 21.5, 50, 300]) {
      // the reference difference itself carries about 1e-16 * logGamma(a) of rounding
      expect(Math.abs(logGammaRatioHalf(a) - (logGamma(a + 0.5) - logGamma(a)))).toBeLessThan(4e-16 * logGamma(a) + 1e-15);
    }
    // Gamma(a + 1/2) / Gamma(a) -> sqrt(a) (1 - 1/(8a) + ...)
    const a = 1e8;
    expect(Math.abs(logGammaRatioHalf(a) - (0.5 * Math.log(a) - 1 / (8 * a)))).toBeLessThan(1e-17);
  });

  it('logGamma(x) throws for x <= 0', () => {
    expect(() => logGamma(0)).toThrow('logGamma: x must be > 0, got 0');
  });
});

describe('incompleteBeta', () => {
  it('matches the closed forms I_x(a, 1) = x^a and I_x(1, b) = 1 - (1 - x)^b', () => {
    for (const x of [0.01, 0.3, 0.5, 0.9, 0.999]) {
      for (const a of [0.5, 2, 7.5, 40]) {
        expect(rel(incompleteBeta(a, 1, x), x ** a)).toBeLessThan(1e-13);
        expect(rel(incompleteBeta(1, a, x), 1 - (1 - x) ** a)).toBeLessThan(1e-13);
      }
    }
  });

  it('is symmetric: I_x(a, b) = 1 - I_{1-x}(b, a)', () => {
    for (const [a, b, x] of [[3, 0.5, 0.2], [50, 0.5, 0.97], [0.7, 4, 0.6]]) {
      expect(Math.abs(incompleteBeta(a, b, x) - (1 - incompleteBeta(b, a, 1 - x)))).toBeLessThan(1e-14);
    }
  });
});

describe('normal distribution', () => {
  it('normalCdf matches reference values, tails to full relative accuracy', () => {
    expect(rel(normalCdf(1.96), 0.9750021048517795)).toBeLessThan(1e-15);
    expect(rel(normalCdf(-5), 2.866515718791939e-7)).toBeLessThan(1e-13);
    expect(rel(normalCdf(-10), 7.619853024160527e-24)).toBeLessThan(1e-13);
    expect(normalCdf(0)).toBe(0.5);
  });

  it('normalQuantile inverts normalCdf', () => {
    expect(rel(normalQuantile(0.975), 1.959963984540054)).toBeLessThan(1e-15);
    for (const p of [1e-300, 1e-12, 0.001, 0.2, 0.5, 0.8, 0.999]) {
      const x = normalQuantile(p);
      const back = p < 0.5 ? normalCdf(x) : 1 - normalCdf(x);
      expect(rel(back, p < 0.5 ? p : 1 - p)).toBeLessThan(1e-13);
    }
  });

  it('upperIncompleteGamma(1, x) is exp(-x)', () => {
    for (const x of [0.1, 1, 2, 10, 100]) expect(rel(upperIncompleteGamma(1, x), Math.exp(-x))).toBeLessThan(1e-14);
  });
});
