import { beforeAll, describe, expect, it } from 'vitest';
import { fitSeries, type ExpModel } from '../../../src/models/expfit/index.ts';
import { fTestPValue, regularizedBeta, studentTCoverage } from '../../../src/models/expfit/statistics.ts';
import { binomialRegion, gaussian, grid, sample } from './helpers.ts';

describe('regularizedBeta(x, a, b)', () => {
  it('is x for a = b = 1 and x^a for b = 1', () => {
    for (const x of [0.01, 0.3, 0.77, 0.999]) {
      expect(regularizedBeta(x, 1, 1)).toBeCloseTo(x, 14);
      expect(regularizedBeta(x, 3.5, 1)).toBeCloseTo(x ** 3.5, 14);
    }
  });

  it('satisfies I_x(a, b) = 1 - I_(1-x)(b, a)', () => {
    for (const [x, a, b] of [[0.2, 2, 7], [0.9, 0.5, 30], [0.5, 40, 45]]) {
      expect(regularizedBeta(x, a, b) + regularizedBeta(1 - x, b, a)).toBeCloseTo(1, 13);
    }
  });
});

describe('fTestPValue and studentTCoverage against tabulated quantiles', () => {
  it('F(2, 10) has its upper 1% point at 7.5594 and F(1, 30) its 5% point at 4.1709', () => {
    // fTestPValue(sseSmall, kSmall, sseBig, kBig, n) with F = ((sseSmall - sseBig)/d1) / (sseBig/d2)
    expect(fTestPValue(1 + (2 * 7.5594) / 10, 1, 1, 3, 13)).toBeCloseTo(0.01, 5);
    expect(fTestPValue(1 + 4.1709 / 30, 1, 1, 2, 32)).toBeCloseTo(0.05, 4);
  });

  it('is 1 when the bigger model does not improve, 0 when it is exact', () => {
    expect(fTestPValue(1, 1, 1, 3, 20)).toBe(1);
    expect(fTestPValue(1, 1, 0, 3, 20)).toBe(0);
  });

  it('P(|T| <= 2.228) = 0.95 for 10 degrees of freedom, and the normal 0.95 at 1.96 for 10^6', () => {
    expect(studentTCoverage(2.228138852, 10)).toBeCloseTo(0.95, 8);
    expect(studentTCoverage(1.959963985, 1e6)).toBeCloseTo(0.95, 5);
  });
});

describe('standard errors: coverage over 200 seeds of Gaussian noise', () => {
  // Two terms and a constant, sigma = 0.02 on 201 points (about 1% of the signal).
  const truth: ExpModel = { x0: 1, terms: [{ amplitude: 2, rate: 0.1 }, { amplitude: 3, rate: 1 }] };
  const t = grid(201, 50);
  const f = sample(truth, t);
  const sigma = 0.02;
  const seeds = 200;
  const names = ['x0', 'amplitude1', 'rate1', 'amplitude2', 'rate2'];
  const trueValues = [truth.x0, ...truth.terms.flatMap((term) => [term.amplitude, term.rate])];
  const hits = new Array<number>(5).fill(0);
  let converged = 0;
  beforeAll(() => {
    for (let s = 0; s < seeds; s++) {
      const noise = gaussian(`expfit-coverage-${s}`);
      const fit = fitSeries(t, f.map((v) => v + sigma * noise()), { terms: 2 });
      if (fit.converged && fit.identifiable) converged++;
      const est = [fit.x0, ...fit.terms.flatMap((term) => [term.amplitude, term.rate])];
      const se = [fit.stderr.x0, ...fit.stderr.terms.flatMap((e) => [e.amplitude, e.rate])];
      est.forEach((e, i) => {
        if (se[i] !== null && Math.abs(e - trueValues[i]) <= 2 * se[i]!) hits[i]++;
      });
    }
  });

  // Near the optimum the model is close to linear in its parameters, so (estimate - truth) /
  // stderr is Student t with n - k = 196 degrees of freedom and |t| <= 2 has probability
  // p0 = studentTCoverage(2, 196) = 0.9531. Each count of covered seeds is then
  // Binomial(200, p0); we accept the central region with at most 1e-4 in each tail, which is
  // [178, 199] (89% to 99.5%): 5 parameters x 2 tails x 1e-4 makes a false alarm at most 0.1%.
  // (Observed with these seeds: 190, 190, 189, 192, 189.)
  const p0 = studentTCoverage(2, t.length - 5);
  const [lo, hi] = binomialRegion(seeds, p0, 1e-4);

  it('every fit converges and is identifiable', () => {
    expect(converged).toBe(seeds);
  });

  for (let i = 0; i < 5; i++) {
    it(`${names[i]} lies within 2 standard errors in ${lo}..${hi} of ${seeds} seeds`, () => {
      expect(lo).toBeGreaterThanOrEqual(178);
      expect(hits[i]).toBeGreaterThanOrEqual(lo);
      expect(hits[i]).toBeLessThanOrEqual(hi);
    });
  }
});
