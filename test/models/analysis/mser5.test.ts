import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { mser5 } from '../../../src/models/analysis/mser5.ts';
import { transientBirthDeath } from '../../../src/models/transient/transientBirthDeath.ts';

type Rng = () => number;

function gauss(rng: Rng): number {
  return Math.sqrt(-2 * Math.log1p(-rng())) * Math.cos(2 * Math.PI * rng());
}

/** Queue length (waiting, not in service) of an M/M/1 queue started with n0 in system, sampled at i * dt. */
function mm1Waiting(rng: Rng, lambda: number, mu: number, n0: number, dt: number, points: number): Float64Array {
  const q = new Float64Array(points);
  let n = n0;
  let t = 0;
  let i = 0;
  while (i < points) {
    const rate = lambda + (n > 0 ? mu : 0);
    const next = t - Math.log1p(-rng()) / rate;
    while (i < points && i * dt < next) q[i++] = Math.max(n - 1, 0);
    t = next;
    if (rng() * rate < lambda) n++;
    else n--;
  }
  return q;
}

// M/M/1 at load 0.9 started with 100 in system: Lq = rho^2 / (1 - rho) = 8.1.
const lambda = 0.9;
const mu = 1;
const rho = lambda / mu;
const Lq = (rho * rho) / (1 - rho);
const dt = 10;
const points = 2000;
const times = Array.from({ length: points }, (_, i) => i * dt);
const exact = transientBirthDeath({ lambda, mu, servers: 1, capacity: null, initial: 100, times }).meanQ;

describe('mser5', () => {
  // Why a warm-up lands where the bias is about sqrt(2) batch-noise sd: adding batch d to a
  // truncated tail of m batches changes MSER by the factor (1 + e^2 / S) (m / (m + 1))^2, which is
  // below 1 iff e^2 < ~2 S / m ~ 2 sigma_b^2 (e: the batch's deviation, S / m: the tail's variance).
  // So the chosen batch has bias about sqrt(2) sigma_b, give or take noise; we allow 3 sigma_b.

  it('mser5(exact E[Q(t)] + noise) ends the warm-up where E[Q(t)] is within a few % of Lq', () => {
    const sigma = 0.2; // per-point noise, 2.5% of Lq
    const sigmaB = sigma / Math.sqrt(5); // sd of a batch mean of 5
    const settled = exact.findIndex((v) => Math.abs(v - Lq) <= 0.1 * sigmaB);
    for (let seed = 1; seed <= 20; seed++) {
      const rng = seedrandom(`mser-noise-${seed}`);
      const series = exact.map((v) => v + sigma * gauss(rng));
      const r = mser5(series, dt);
      expect(r.truncatedTooMuch).toBe(false);
      expect(Math.abs(exact[r.warmupIndex] - Lq)).toBeLessThanOrEqual(3 * sigmaB); // 3.3% of Lq
      expect(r.warmupIndex).toBeLessThan(settled); // and it does not throw away settled data
      expect(r.warmupTime).toBe(r.warmupIndex * dt);
    }
  });

  it('mser5(replication-averaged simulated Q(t)) removes the bias of an M/M/1 started at 100', () => {
    // At load 0.9 the averaged series wanders slowly (relaxation time ~380 s), so where exactly
    // MSER cuts is noisy; what it promises is a truncated mean whose bias is below its standard
    // error. Check that against the exact E[Q(t)], and that without the cut it would not be.
    const R = 20;
    const biasAndSe = (reps: Float64Array[], d: number): [number, number] => {
      let bias = 0;
      for (let i = d; i < points; i++) bias += exact[i] - Lq;
      bias /= points - d;
      const means = reps.map((q) => q.slice(d).reduce((a, b) => a + b, 0) / (points - d));
      const grand = means.reduce((a, b) => a + b, 0) / R;
      return [bias, Math.sqrt(means.reduce((a, b) => a + (b - grand) ** 2, 0) / (R - 1) / R)];
    };
    for (let seed = 1; seed <= 5; seed++) {
      const rng = seedrandom(`mser-mm1-${seed}`);
      const reps = Array.from({ length: R }, () => mm1Waiting(rng, lambda, mu, 100, dt, points));
      const average = new Float64Array(points);
      for (const q of reps) for (let i = 0; i < points; i++) average[i] += q[i] / R;
      const r = mser5(average, dt);
      expect(r.truncatedTooMuch).toBe(false);
      const [bias, se] = biasAndSe(reps, r.warmupIndex);
      expect(Math.abs(bias)).toBeLessThan(se);
      const [bias0, se0] = biasAndSe(reps, 0);
      expect(bias0).toBeGreaterThan(3 * se0);
      // and most of the backlog is gone at the cut: the drain from 99 waiting is over
      expect(exact[r.warmupIndex] - Lq).toBeLessThan(0.2 * (exact[0] - Lq));
    }
  });

  it('mser5(stationary series) keeps (nearly) everything', () => {
    // No bias to remove: MSER(d) only grows in expectation with d, a minimum away from 0 needs a chance run.
    const warmups: number[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const rng = seedrandom(`mser-stationary-${seed}`);
      const white = Float64Array.from({ length: 2000 }, () => gauss(rng));
      const ar = new Float64Array(2000);
      let x = gauss(rng) / Math.sqrt(1 - 0.81); // AR(1), phi = 0.9, started in its stationary law
      for (let i = 0; i < ar.length; i++) {
        ar[i] = x;
        x = 0.9 * x + gauss(rng);
      }
      for (const s of [white, ar]) {
        const r = mser5(s, 1);
        expect(r.truncatedTooMuch).toBe(false);
        expect(r.warmupIndex).toBeLessThanOrEqual(0.1 * s.length);
        warmups.push(r.warmupIndex);
      }
    }
    expect(warmups.filter((w) => w === 0).length).toBeGreaterThan(warmups.length / 2);
  });

  it('mser5 flags a series that is still trending: the minimum lies in the second half', () => {
    const rng = seedrandom('mser-trend');
    const series = Float64Array.from({ length: 1000 }, (_, i) => 100 - 0.1 * i + gauss(rng));
    const r = mser5(series, 2);
    expect(r.truncatedTooMuch).toBe(true);
    expect(r.warmupIndex).toBeLessThanOrEqual(500);
  });

  it('mser5 computes MSER(d) = sum_{j>d} (Z_j - mean)^2 / (k - d)^2 on batch means of 5', () => {
    const series = [1, 1, 1, 1, 1, 7, 7, 7, 7, 7, 3, 3, 3, 3, 3, 5, 5, 5, 5, 5, 4, 4];
    const r = mser5(series, 0.5, { ignoreEnd: 1 });
    expect(r.batches).toBe(4); // the last 2 points are not used
    // d = 0: Z = 1, 7, 3, 5 (mean 4): (9 + 9 + 1 + 1) / 16; d = 1: 7, 3, 5: 8 / 9; d = 2: 3, 5: 2 / 4
    expect(Array.from(r.curve)).toEqual([20 / 16, 8 / 9, 2 / 4]);
    expect(r.warmupIndex).toBe(10);
    expect(r.warmupTime).toBe(5);
    expect(r.statistic).toBe(0.5);
  });

  it('mser5 rejects short series, bad dt and non-finite values', () => {
    expect(() => mser5([1, 2, 3], 1)).toThrow('mser5: series needs at least 20 points (4 batches of 5), got 3');
    expect(() => mser5(new Array(30).fill(1), 0)).toThrow('mser5: dt must be a finite number > 0, got 0');
    const bad = new Array(30).fill(1);
    bad[7] = NaN;
    expect(() => mser5(bad, 1)).toThrow('mser5: series[7] must be a finite number, got NaN');
  });
});
