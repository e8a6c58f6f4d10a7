import { describe, expect, it } from 'vitest';
import { closedQueue } from '../../../src/models/theory/closed.ts';
import { closedSojournMean, closedSojournQuantile, closedSojournSurvival } from '../../../src/lessons/theory/closedSojourn.ts';

const mva = (N: number, Z: number, mu: number, c: number) =>
  closedQueue({ clients: N, delay: Z, visits: 1, meanService: 1 / mu, serviceScv: 1, units: c, held: c, ps: false });

describe('closedSojourn*(clients, delay, mu, c)', () => {
  it('the mean of the arrival-theorem distribution is the MVA / finite-source mean W', () => {
    for (const [N, Z, mu, c] of [[30, 10.05, 2.5, 1], [30, 10.05, 2.5, 2], [30, 10.05, 2.5, 3], [5, 1, 1, 2]]) {
      expect(closedSojournMean(N, Z, mu, c)).toBeCloseTo(mva(N, Z, mu, c).W!, 9);
    }
  });

  it('one client never waits: the sojourn is Exp(mu)', () => {
    expect(closedSojournQuantile(1, 5, 2, 1, 0.99)).toBeCloseTo(-Math.log(0.01) / 2, 8);
    expect(closedSojournSurvival(1, 5, 2, 3, 0.7)).toBeCloseTo(Math.exp(-1.4), 12);
  });

  it('the survival function falls from 1, and the quantiles grow with q', () => {
    expect(closedSojournSurvival(30, 10, 2.5, 2, 0)).toBeCloseTo(1, 12);
    const q = [0.5, 0.9, 0.99, 0.999].map((p) => closedSojournQuantile(30, 10, 2.5, 1, p));
    for (let i = 1; i < q.length; i++) expect(q[i]).toBeGreaterThan(q[i - 1]);
    expect(closedSojournSurvival(30, 10, 2.5, 1, q[2])).toBeCloseTo(0.01, 9);
  });
});
