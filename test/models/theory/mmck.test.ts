import { describe, expect, it } from 'vitest';
import { erlangB } from '../../../src/models/theory/erlang';
import { mm1 } from '../../../src/models/theory/mm1';
import { mmc } from '../../../src/models/theory/mmc';
import { mm1k, mmck } from '../../../src/models/theory/mmck';
import { expectClose, expectJsonSafe, expectLittle, expectSameMeasures } from './helpers';

/** p_n by brute force: unnormalised a^n / n! up to c, then times rho per extra place. */
function bruteForce(lambda: number, mu: number, c: number, K: number) {
  const w: number[] = [1];
  for (let n = 1; n <= K; n++) w.push((w[n - 1] * lambda) / (mu * Math.min(n, c)));
  const Z = w.reduce((s, x) => s + x, 0);
  const p = w.map((x) => x / Z);
  const L = p.reduce((s, x, n) => s + n * x, 0);
  const Lq = p.reduce((s, x, n) => s + Math.max(0, n - c) * x, 0);
  const admitted = lambda * (1 - p[K]);
  return { loss: p[K], L, Lq, W: L / admitted, Wq: Lq / admitted };
}

describe('mmck(lambda, mu, c, K)', () => {
  it('mmck(lambda, mu, c, K) equals the brute-force birth-death distribution', () => {
    for (const [lambda, mu, c, K] of [
      [0.9, 1, 1, 10],
      [3, 1, 2, 6],
      [1, 2, 3, 3],
      [12, 1, 4, 20],
      [2, 2, 1, 1],
    ]) {
      const r = mmck(lambda, mu, c, K);
      const b = bruteForce(lambda, mu, c, K);
      for (const key of ['loss', 'L', 'Lq', 'W', 'Wq'] as const) expectClose(r[key], b[key], 1e-12);
      expectLittle(r);
    }
  });

  it('mm1k(lambda, mu, K) equals the textbook closed form L = rho/(1-rho) - (K+1) rho^(K+1) / (1 - rho^(K+1))', () => {
    const rho = 0.9;
    const K = 10;
    const r = mm1k(0.9, 1, K);
    expect(r.model).toBe('M/M/1/K');
    expectClose(r.L, rho / (1 - rho) - ((K + 1) * rho ** (K + 1)) / (1 - rho ** (K + 1)), 1e-12);
    expectClose(r.loss, ((1 - rho) * rho ** K) / (1 - rho ** (K + 1)), 1e-12);
  });

  it('mm1k(lambda, mu, K) at load 1 has L = K / 2 (uniform distribution)', () => {
    expectClose(mm1k(1, 1, 6).L, 3);
  });

  it('mm1k(lambda, mu, K) tends to mm1 as K grows', () => {
    const far = mm1k(0.8, 1, 400); // rho^400 ~ 1e-39: below rounding
    expectSameMeasures(far, mm1(0.8, 1), 1e-12);
    const errors = [5, 20, 80].map((K) => Math.abs(mm1k(0.8, 1, K).L! - mm1(0.8, 1).L!));
    expect(errors[1]).toBeLessThan(errors[0]);
    expect(errors[2]).toBeLessThan(errors[1]);
  });

  it('mmck(lambda, mu, c, K) with a huge K equals mmc for c = 500', () => {
    expectSameMeasures(mmck(490, 1, 500, 500 + 100_000), mmc(490, 1, 500), 1e-9);
  });

  it('mmck(lambda, mu, c, K) with K = c blocks with Erlang B and nobody waits', () => {
    for (const [lambda, c] of [
      [1, 2],
      [8, 10],
      [450, 500],
      [700, 500],
    ]) {
      const r = mmck(lambda, 1, c, c);
      expectClose(r.loss, erlangB(c, lambda), 1e-12);
      expect(r).toMatchObject({ Lq: 0, Wq: 0, pWait: 0 });
    }
  });

  it('mmck(lambda, mu, c, K) in heavy overload stays finite, loses at least 1 - 1/load and is JSON-safe', () => {
    for (const [lambda, c, K] of [
      [1e6, 500, 600],
      [50, 1, 10_000],
      [3, 2, 5_000_000],
    ]) {
      const r = mmck(lambda, 1, c, K);
      expect(r.stable).toBe(true);
      expect(r.loss).toBeGreaterThanOrEqual(1 - c / lambda - 1e-12);
      expectClose(r.throughput, lambda * (1 - r.loss), 1e-9);
      expectLittle(r);
      expectJsonSafe(r);
    }
  });

  it('mmck(lambda, mu, c, K) rejects K < c', () => {
    expect(() => mmck(1, 1, 3, 2)).toThrow('mmck: K must be an integer >= 3, got 2');
  });
});
