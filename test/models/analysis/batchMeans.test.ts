import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { batchMeansCI } from '../../../src/models/analysis/batchMeans.ts';
import { mser5 } from '../../../src/models/analysis/mser5.ts';
import { studentTQuantile } from '../../../src/sim/stats/studentT.ts';

function gauss(rng: () => number): number {
  return Math.sqrt(-2 * Math.log1p(-rng())) * Math.cos(2 * Math.PI * rng());
}

/** AR(1) x_{i+1} = phi x_i + e_i around `mean`, started in its stationary law. */
function ar1(rng: () => number, phi: number, n: number, mean: number): Float64Array {
  const v = new Float64Array(n);
  let x = gauss(rng) / Math.sqrt(1 - phi * phi);
  for (let i = 0; i < n; i++) {
    v[i] = mean + x;
    x = phi * x + gauss(rng);
  }
  return v;
}

/**
 * Coverage over S seeds is Binomial(S, p) / S. If the interval is exact (p = 0.95), the observed
 * coverage lies within 0.95 +- 3.29 sqrt(0.95 * 0.05 / S) with probability 99.9% (normal
 * approximation; S = 1000 gives +-0.0227). Batch means are only asymptotically exact: with
 * batches of m values of an AR(1) with phi = 0.9 the variance is underestimated by about
 * 2 phi / ((1 - phi^2) m), 2% for m = 500, which moves p by a few tenths of a percent only.
 */
function coverage(S: number, phi: number, batches: number | 'auto'): number {
  let covered = 0;
  for (let s = 0; s < S; s++) {
    const values = ar1(seedrandom(`ar1-${phi}-${s}`), phi, 10000, 5);
    const r = batchMeansCI(values, { batches });
    if (r.ci[0] <= 5 && 5 <= r.ci[1]) covered++;
  }
  return covered / S;
}
const S = 1000;
const band = 3.29 * Math.sqrt((0.95 * 0.05) / S);

/** Queue length (waiting) of an M/M/1 queue started with n0 in system, sampled every second. */
function mm1Waiting(rng: () => number, rho: number, n0: number, points: number): Float64Array {
  const q = new Float64Array(points);
  let n = n0;
  let t = 0;
  let i = 0;
  while (i < points) {
    const rate = rho + (n > 0 ? 1 : 0);
    const next = t - Math.log1p(-rng()) / rate;
    while (i < points && i < next) q[i++] = Math.max(n - 1, 0);
    t = next;
    if (rng() * rate < rho) n++;
    else n--;
  }
  return q;
}

describe('batchMeansCI', () => {
  it('batchMeansCI(AR(1), 20 batches) covers the true mean about 95% of the time', () => {
    expect(Math.abs(coverage(S, 0.9, 20) - 0.95)).toBeLessThanOrEqual(band);
  });

  it("batchMeansCI(AR(1), 'auto') covers the true mean about 95% of the time", () => {
    expect(Math.abs(coverage(S, 0.9, 'auto') - 0.95)).toBeLessThanOrEqual(band);
    expect(Math.abs(coverage(S, 0.5, 'auto') - 0.95)).toBeLessThanOrEqual(band);
  });

  it('batchMeansCI after an MSER-5 warm-up covers Lq for one long M/M/1 run, started empty or with a backlog', () => {
    // The warm-up comes from pilot runs (mser5 on their average), as the simulator does; choosing
    // it on the very run being analysed selects against early excursions and biases the interval.
    const rho = 0.5;
    const Lq = (rho * rho) / (1 - rho);
    const runs = 400;
    const band400 = 3.29 * Math.sqrt((0.95 * 0.05) / runs);
    for (const n0 of [0, 50]) {
      const pilot = seedrandom(`pilot-${n0}`);
      const average = new Float64Array(4000);
      for (let r = 0; r < 10; r++) mm1Waiting(pilot, rho, n0, 4000).forEach((v, i) => (average[i] += v / 10));
      const warmup = mser5(average, 1);
      expect(warmup.truncatedTooMuch).toBe(false);
      let covered = 0;
      for (let s = 0; s < runs; s++) {
        const q = mm1Waiting(seedrandom(`mm1-${n0}-${s}`), rho, n0, 20000);
        const r = batchMeansCI(q.subarray(warmup.warmupIndex));
        if (r.ci[0] <= Lq && Lq <= r.ci[1]) covered++;
      }
      expect(Math.abs(covered / runs - 0.95)).toBeLessThanOrEqual(band400);
    }
  });

  it('batchMeansCI computes the t interval on the batch means, dropping the first n mod b values', () => {
    // 2 leading values dropped, then batches [1,2], [3,4], [5,9]: means 1.5, 3.5, 7
    const r = batchMeansCI([100, -100, 1, 2, 3, 4, 5, 9], { batches: 3 });
    expect(r.used).toBe(6);
    expect(r.batchSize).toBe(2);
    expect(r.mean).toBeCloseTo(4, 14);
    const sd = Math.sqrt(((1.5 - 4) ** 2 + (3.5 - 4) ** 2 + (7 - 4) ** 2) / 2);
    expect(r.batchStdDev).toBeCloseTo(sd, 14);
    expect(r.halfWidth).toBeCloseTo((studentTQuantile(0.975, 2) * sd) / Math.sqrt(3), 13);
    expect(r.ci).toEqual(r.ci95);
    // lag-1: ((1.5-4)(3.5-4) + (3.5-4)(7-4)) / sum of squares
    expect(r.lag1).toBeCloseTo((1.25 - 1.5) / (6.25 + 0.25 + 9), 14);
  });

  it('batchMeansCI honours the level and keeps ci95 at 95%', () => {
    const values = ar1(seedrandom('level'), 0.5, 2000, 0);
    const r90 = batchMeansCI(values, { level: 0.9 });
    const r95 = batchMeansCI(values);
    expect(r90.halfWidth).toBeLessThan(r95.halfWidth);
    expect(r90.ci95).toEqual(r95.ci95);
    expect(r95.batches).toBe(20);
  });

  it('batchMeansCI warns when the batch means are correlated (lag-1 > 0.2)', () => {
    const values = ar1(seedrandom('correlated'), 0.999, 5000, 0);
    const r = batchMeansCI(values, { batches: 20 });
    expect(r.lag1).toBeGreaterThan(0.2);
    expect(r.warnings[0]).toMatch(/^batch means are correlated \(lag-1 autocorrelation 0\.\d{3} > 0\.2\)/);
  });

  it("batchMeansCI 'auto' uses 40 batches for independent data and fewer, larger ones for correlated data", () => {
    expect(batchMeansCI(ar1(seedrandom('iid'), 0, 10000, 0), { batches: 'auto' }).batches).toBe(40);
    expect(batchMeansCI(ar1(seedrandom('slow'), 0.99, 10000, 0), { batches: 'auto' }).batches).toBe(10);
  });

  it('batchMeansCI rejects bad input', () => {
    expect(() => batchMeansCI([1, 2, 3], { batches: 20 })).toThrow(
      'batchMeansCI: needs at least one value per batch: 20 batches, got 3 values',
    );
    expect(() => batchMeansCI([1, 2, 3], { batches: 1 })).toThrow("batchMeansCI: batches must be an integer >= 2 or 'auto', got 1");
    expect(() => batchMeansCI([1, NaN, 3], { batches: 2 })).toThrow('batchMeansCI: values[1] must be a finite number, got NaN');
    expect(() => batchMeansCI([1, 2, 3, 4], { batches: 2, level: 95 })).toThrow('batchMeansCI: level must be in (0, 1), got 95');
  });
});
