import { beforeAll, describe, expect, it } from 'vitest';
import { fitSeries, type ExpModel, type FitResult } from '../../../src/models/expfit/index.ts';
import { MIN_RATE_RATIO } from '../../../src/models/expfit/identifiability.ts';
import { gaussian, grid, sample } from './helpers.ts';
import { LANCZOS3_CERTIFIED_SSE, LANCZOS3_Y, X } from './lanczos.ts';

function ratesDistinct(fit: FitResult): boolean {
  return fit.terms.every((term, i) => i === 0 || term.rate / fit.terms[i - 1].rate >= MIN_RATE_RATIO);
}

describe("fitSeries(t, y, { terms: 'auto' }) on noisy data", () => {
  const truth: ExpModel = { x0: 1, terms: [{ amplitude: 2, rate: 0.1 }, { amplitude: 3, rate: 1 }] };
  const t = grid(201, 50);
  const f = sample(truth, t);
  const seeds = 30;
  const fits: FitResult[] = [];
  beforeAll(() => {
    for (let s = 0; s < seeds; s++) {
      const noise = gaussian(`expfit-auto-${s}`);
      fits.push(fitSeries(t, f.map((v) => v + 0.02 * noise()), { terms: 'auto' }));
    }
  });

  it('never returns a degenerate model: identifiable, distinct rates, a covariance', () => {
    for (const fit of fits) {
      expect(fit.identifiable).toBe(true);
      expect(ratesDistinct(fit)).toBe(true);
      expect(fit.covariance).not.toBeNull();
    }
  });

  it('picks the true N = 2 in most seeds', () => {
    const two = fits.filter((fit) => fit.terms.length === 2).length;
    expect(two).toBeGreaterThanOrEqual(0.9 * seeds);
  });

  it('records every candidate, and accepts only identifiable, significant ones', () => {
    for (const fit of fits) {
      const steps = fit.selection!;
      expect(steps[0].terms).toBe(0);
      for (const step of steps.slice(1)) {
        if (step.accepted) {
          expect(step.identifiable).toBe(true);
          expect(step.pValue!).toBeLessThan(0.01);
        }
      }
      expect(steps.filter((step) => step.accepted).at(-1)!.terms).toBe(fit.terms.length);
    }
  });
});

describe("terms: 'auto' with two close rates (ratio 1.5) and noise", () => {
  it('returns 1 or 2 identifiable terms, never merged ones', () => {
    const truth: ExpModel = { x0: 0.5, terms: [{ amplitude: 1, rate: 0.4 }, { amplitude: 1.5, rate: 0.6 }] };
    const t = grid(201, 20);
    const f = sample(truth, t);
    for (let s = 0; s < 6; s++) {
      const noise = gaussian(`expfit-close-${s}`);
      const fit = fitSeries(t, f.map((v) => v + 1e-3 * noise()), { terms: 'auto' });
      expect(fit.terms.length).toBeGreaterThanOrEqual(1);
      expect(fit.terms.length).toBeLessThanOrEqual(2);
      expect(fit.identifiable).toBe(true);
      expect(ratesDistinct(fit)).toBe(true);
    }
  });
});

describe("terms: 'auto' on constant data with noise", () => {
  it('chooses N = 0 in most seeds and x0 is the mean', () => {
    const t = grid(100, 10);
    let zero = 0;
    for (let s = 0; s < 12; s++) {
      const noise = gaussian(`expfit-flat-${s}`);
      const y = t.map(() => 7 + 0.1 * noise());
      const fit = fitSeries(t, y, { terms: 'auto' });
      expect(fit.identifiable).toBe(true);
      if (fit.terms.length === 0) {
        zero++;
        expect(fit.x0).toBeCloseTo(y.reduce((a, b) => a + b, 0) / y.length, 12);
      }
    }
    expect(zero).toBeGreaterThanOrEqual(11);
  });
});

describe("terms: 'auto' on Lanczos3 (5-digit data)", () => {
  it('without a constant chooses the three certified terms', () => {
    const fit = fitSeries(X, LANCZOS3_Y, { terms: 'auto', constant: false });
    expect(fit.terms).toHaveLength(3);
    expect(fit.sse / LANCZOS3_CERTIFIED_SSE).toBeCloseTo(1, 7);
    expect(fit.selection!.at(-1)).toMatchObject({ terms: 4, accepted: false });
  });

  it('with a constant returns an identifiable, converged model at least as good as the certified one', () => {
    const fit = fitSeries(X, LANCZOS3_Y, { terms: 'auto' });
    expect(fit.identifiable).toBe(true);
    expect(fit.converged).toBe(true);
    expect(fit.sse).toBeLessThanOrEqual(LANCZOS3_CERTIFIED_SSE);
  });
});
