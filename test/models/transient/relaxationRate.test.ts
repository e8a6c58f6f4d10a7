import { eigs } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { relaxationRate } from '../../../src/models/transient/relaxationRate.ts';

/** Dense generator of the M/M/c/K queue. */
function generator(lambda: number, mu: number, c: number, K: number): number[][] {
  const Q = Array.from({ length: K + 1 }, () => new Array<number>(K + 1).fill(0));
  for (let n = 0; n <= K; n++) {
    if (n < K) {
      Q[n][n + 1] = lambda;
      Q[n][n] -= lambda;
    }
    if (n > 0) {
      const d = mu * Math.min(n, c);
      Q[n][n - 1] = d;
      Q[n][n] -= d;
    }
  }
  return Q;
}

const mm1Gap = (lambda: number, mu: number): number => (Math.sqrt(mu) - Math.sqrt(lambda)) ** 2;

describe('relaxationRate', () => {
  it('relaxationRate(M/M/1/K) is lambda + mu - 2 sqrt(lambda mu) cos(pi / (K + 1))', () => {
    for (const [lambda, mu] of [[0.5, 1], [2, 1], [1, 1]]) {
      for (const K of [1, 4, 30, 500]) {
        const exact = lambda + mu - 2 * Math.sqrt(lambda * mu) * Math.cos(Math.PI / (K + 1));
        const r = relaxationRate({ lambda, mu, servers: 1, capacity: K });
        expect(Math.abs(r.rate - exact)).toBeLessThan(1e-14 * (lambda + mu));
        expect(r.method).toBe('sturm-finite');
        expect(r.timeConstant).toBe(1 / r.rate);
      }
    }
  });

  it('relaxationRate(M/M/c/K) equals the second-smallest |eigenvalue| of the dense generator (mathjs eigs)', () => {
    for (const [lambda, mu, c, K] of [[1.3, 0.8, 2, 6], [2.5, 1, 3, 8], [0.2, 3, 4, 9]]) {
      const values = eigs(generator(lambda, mu, c, K), { eigenvectors: false }).values as unknown;
      const list = (Array.isArray(values) ? values : (values as { toArray(): unknown[] }).toArray()) as (number | { re: number })[];
      const magnitudes = list.map((v) => Math.abs(typeof v === 'number' ? v : v.re)).sort((a, b) => a - b);
      expect(magnitudes[0]).toBeLessThan(1e-12);
      const r = relaxationRate({ lambda, mu, servers: c, capacity: K });
      expect(Math.abs(r.rate - magnitudes[1])).toBeLessThan(1e-12 * (lambda + c * mu));
    }
  });

  it('relaxationRate(M/M/1/K) decreases to (sqrt(mu) - sqrt(lambda))^2 as K grows, within sqrt(lambda mu) pi^2 / (K+1)^2', () => {
    const limit = mm1Gap(0.5, 1);
    let previous = Infinity;
    for (const K of [10, 100, 1000, 10000]) {
      const rate = relaxationRate({ lambda: 0.5, mu: 1, servers: 1, capacity: K }).rate;
      expect(rate).toBeLessThan(previous);
      expect(rate - limit).toBeGreaterThan(0);
      expect(rate - limit).toBeLessThanOrEqual((Math.sqrt(0.5) * Math.PI ** 2) / (K + 1) ** 2);
      previous = rate;
    }
  });

  it('relaxationRate(unbounded M/M/1) is the closed form (sqrt(mu) - sqrt(lambda))^2', () => {
    const r = relaxationRate({ lambda: 0.9, mu: 1, servers: 1, capacity: null });
    expect(r).toEqual({ rate: mm1Gap(0.9, 1), timeConstant: 1 / mm1Gap(0.9, 1), method: 'closed-form', edge: mm1Gap(0.9, 1), isolated: false });
  });

  it('relaxationRate(unbounded M/M/c) is the limit of the finite-K gaps: an isolated eigenvalue or the spectrum edge', () => {
    // light load, c = 3: an eigenvalue below the edge; finite K converge to it exponentially fast
    const isolated = relaxationRate({ lambda: 0.5, mu: 1, servers: 3, capacity: null });
    expect(isolated.method).toBe('sturm-infinite');
    expect(isolated.isolated).toBe(true);
    expect(isolated.rate).toBeLessThan(isolated.edge!);
    expect(Math.abs(relaxationRate({ lambda: 0.5, mu: 1, servers: 3, capacity: 200 }).rate - isolated.rate)).toBeLessThan(1e-13);
    // heavy load: the gap is the edge (sqrt(c mu) - sqrt(lambda))^2, approached like 1 / K^2
    const edge = relaxationRate({ lambda: 2.5, mu: 1, servers: 3, capacity: null });
    expect(edge.isolated).toBe(false);
    expect(edge.rate).toBe((Math.sqrt(3) - Math.sqrt(2.5)) ** 2);
    for (const K of [200, 2000, 20000]) {
      const finite = relaxationRate({ lambda: 2.5, mu: 1, servers: 3, capacity: K }).rate;
      expect(finite).toBeGreaterThan(edge.rate);
      expect(finite - edge.rate).toBeLessThanOrEqual((Math.sqrt(2.5 * 3) * Math.PI ** 2) / (K - 3) ** 2);
    }
  });

  it('relaxationRate with lambda = 0 is mu: the last customer leaves at rate mu', () => {
    expect(relaxationRate({ lambda: 0, mu: 2, servers: 4, capacity: null }).rate).toBeCloseTo(2, 14);
    expect(relaxationRate({ lambda: 0, mu: 2, servers: 4, capacity: 10 }).rate).toBeCloseTo(2, 14);
  });

  it('relaxationRate refuses an unbounded queue without a steady state', () => {
    expect(() => relaxationRate({ lambda: 3, mu: 1, servers: 3, capacity: null })).toThrow(
      'relaxationRate: an unbounded queue needs lambda < servers * mu to have a steady state, got lambda=3, servers * mu=3',
    );
  });
});
