import { describe, expect, it } from 'vitest';
import { chooseTruncation, truncationBound } from '../../../src/models/transient/truncation.ts';

describe('chooseTruncation', () => {
  it('chooseTruncation(q, n0, T, eps) is the smallest level whose bound is <= eps', () => {
    const cases = [
      { q: { lambda: 0.5, mu: 1, servers: 1, capacity: null }, n0: 50, T: 1000 },
      { q: { lambda: 0.9, mu: 1, servers: 1, capacity: null }, n0: 0, T: 1e5 },
      { q: { lambda: 2.9, mu: 1, servers: 3, capacity: null }, n0: 10, T: 100 },
      { q: { lambda: 1.5, mu: 1, servers: 1, capacity: null }, n0: 5, T: 50 }, // unstable: arrivals bound only
    ];
    for (const { q, n0, T } of cases) {
      const cut = chooseTruncation(q, n0, T, 1e-10);
      expect(cut.massBound).toBeLessThanOrEqual(1e-10);
      expect(cut.massBound).toBe(truncationBound(q, n0, T, cut.level));
      expect(cut.level).toBeGreaterThanOrEqual(Math.max(n0, q.servers));
      if (cut.level > Math.max(n0, q.servers)) expect(truncationBound(q, n0, T, cut.level - 1)).toBeGreaterThan(1e-10);
    }
  });

  it('the stationarity bound keeps stable queues small over long horizons; the arrivals bound covers unstable ones', () => {
    // M/M/1 at load 0.5 from 50: (pi(>N) + lambda T pi(N)) / pi(>= 50) = (1 - rho) rho^(N-50) (rho / (1 - rho) + lambda T)
    const stable = chooseTruncation({ lambda: 0.5, mu: 1, servers: 1, capacity: null }, 50, 1e4, 1e-10);
    expect(stable.level - 50).toBe(Math.ceil(Math.log2((0.5 * (1 + 0.5 * 1e4)) / 1e-10)));
    // at load 1.5 over 50 s the queue can grow by ~75 +- a few sqrt(75)
    const unstable = chooseTruncation({ lambda: 1.5, mu: 1, servers: 1, capacity: null }, 5, 50, 1e-10);
    expect(unstable.level - 5).toBeGreaterThan(75 + 5 * Math.sqrt(75));
    expect(unstable.level - 5).toBeLessThan(75 + 10 * Math.sqrt(75));
  });
});
