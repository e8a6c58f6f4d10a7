import { expm, matrix } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { stationaryDistribution } from '../../../src/models/transient/birthDeath.ts';
import { relaxationRate } from '../../../src/models/transient/relaxationRate.ts';
import { transientBirthDeath } from '../../../src/models/transient/transientBirthDeath.ts';

const tv = (p: ArrayLike<number>, q: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < Math.max(p.length, q.length); i++) s += Math.abs((p[i] ?? 0) - (q[i] ?? 0));
  return s / 2;
};

describe('transientBirthDeath', () => {
  it('transientBirthDeath(M/M/1/K) converges to the closed-form stationary law at the spectral-gap rate', () => {
    // In l2(1/pi): ||p_t / pi - 1|| <= exp(-gap t) ||delta_n0 / pi - 1|| = exp(-gap t) sqrt(1/pi_n0 - 1),
    // and total variation is at most half of it (Cauchy-Schwarz).
    const K = 10;
    const rho = 0.8;
    const n0 = 7;
    const pi = Array.from({ length: K + 1 }, (_, n) => ((1 - rho) * rho ** n) / (1 - rho ** (K + 1)));
    const gap = relaxationRate({ lambda: 0.8, mu: 1, servers: 1, capacity: K }).rate;
    const times = [0, 1, 5, 20, 50, 100, 200, 400];
    const r = transientBirthDeath({ lambda: 0.8, mu: 1, servers: 1, capacity: K, initial: n0, times, distribution: true, detectSteadyState: false });
    let previous = Infinity;
    r.distributions!.forEach((p, i) => {
      const d = tv(p, pi);
      expect(d).toBeLessThanOrEqual(0.5 * Math.sqrt(1 / pi[n0] - 1) * Math.exp(-gap * times[i]) + r.errorBound + 1e-14);
      expect(d).toBeLessThanOrEqual(previous + 1e-15);
      previous = d;
    });
    expect(previous).toBeLessThan(1e-12);
    const L = pi.reduce((a, p, n) => a + n * p, 0);
    expect(Math.abs(r.meanN[times.length - 1] - L)).toBeLessThan(1e-11);
  });

  it('E[N(t)] at small t is n0 + (lambda - mu min(n0, c)) t, up to Lambda (lambda + mu) t^2 / 2', () => {
    // E[N(t)] = n0 + t Qf(n0) + int_0^t (t - s) E[Q^2 f(N(s))] ds with f(n) = n, and
    // |Q^2 f| <= Lambda (lambda + mu), since Qf = birth - death moves by at most lambda + mu per step.
    const cases = [
      { lambda: 0.7, mu: 1, servers: 1, capacity: null, initial: 0 },
      { lambda: 0.7, mu: 1, servers: 1, capacity: null, initial: 1 },
      { lambda: 2, mu: 0.5, servers: 3, capacity: 5, initial: 2 },
      { lambda: 2, mu: 0.5, servers: 3, capacity: 5, initial: 5 }, // full: no arrivals get in
    ];
    for (const q of cases) {
      for (const t of [1e-3, 1e-2]) {
        const r = transientBirthDeath({ ...q, times: [t] });
        const birth = q.capacity !== null && q.initial === q.capacity ? 0 : q.lambda;
        const slope = birth - q.mu * Math.min(q.initial, q.servers);
        const bound = (r.uniformizationRate * (q.lambda + q.mu) * t * t) / 2 + r.errorBound * (r.top + 1);
        expect(Math.abs(r.meanN[0] - (q.initial + slope * t))).toBeLessThanOrEqual(bound);
      }
    }
  });

  it('transientBirthDeath keeps total probability 1 and its reported error bound', () => {
    const q = { lambda: 1.5, mu: 1, servers: 2, capacity: 30, initial: 25, times: [0.5, 3, 10, 40], distribution: true };
    const coarse = transientBirthDeath({ ...q, epsilon: 1e-6, detectSteadyState: false });
    const fine = transientBirthDeath({ ...q, epsilon: 1e-14, detectSteadyState: false });
    expect(coarse.errorBound).toBeLessThanOrEqual(1e-6);
    expect(fine.errorBound).toBeLessThanOrEqual(1e-14);
    coarse.distributions!.forEach((p, i) => {
      expect(Math.abs(p.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-13);
      expect(Math.min(...p)).toBeGreaterThanOrEqual(0);
      expect(tv(p, fine.distributions![i])).toBeLessThanOrEqual(coarse.errorBound + fine.errorBound + 1e-14);
    });
  });

  it('transientBirthDeath(M/M/3/8) equals the matrix exponential of the dense generator (mathjs expm)', () => {
    const [lambda, mu, c, K, n0] = [2.5, 1, 3, 8, 6];
    const Q = Array.from({ length: K + 1 }, () => new Array<number>(K + 1).fill(0));
    for (let n = 0; n <= K; n++) {
      if (n < K) (Q[n][n + 1] = lambda), (Q[n][n] -= lambda);
      if (n > 0) (Q[n][n - 1] = mu * Math.min(n, c)), (Q[n][n] -= mu * Math.min(n, c));
    }
    const times = [0.1, 1.7, 6];
    const r = transientBirthDeath({ lambda, mu, servers: c, capacity: K, initial: n0, times, distribution: true });
    times.forEach((t, i) => {
      const row = (expm(matrix(Q.map((q) => q.map((v) => v * t)))).toArray() as number[][])[n0];
      // expm (Pade, scaling and squaring) is good to ~1e-13 here
      row.forEach((v, n) => expect(Math.abs(v - r.distributions![i][n])).toBeLessThanOrEqual(r.errorBound + 1e-12));
      expect(r.meanQ[i]).toBeCloseTo(row.reduce((a, p, n) => a + Math.max(n - c, 0) * p, 0), 11);
      expect(r.pEmpty[i]).toBeCloseTo(row[0], 11);
    });
  });

  it('transientBirthDeath stepping through times equals jumping straight to the last one', () => {
    const q = { lambda: 0.9, mu: 1, servers: 1, capacity: null, initial: 30, distribution: true, detectSteadyState: false };
    const stepped = transientBirthDeath({ ...q, times: [0, 0.3, 2, 2, 7.5, 60] });
    const direct = transientBirthDeath({ ...q, times: [60] });
    expect(stepped.top).toBe(direct.top);
    expect(tv(stepped.distributions![5], direct.distributions![0])).toBeLessThanOrEqual(stepped.errorBound + direct.errorBound + 1e-14);
    expect(stepped.meanN[0]).toBe(30);
    expect(stepped.meanN[2]).toBe(stepped.meanN[3]);
  });

  it('transientBirthDeath(unbounded M/M/1) agrees with a huge finite K within the reported truncation bound', () => {
    const q = { lambda: 0.9, mu: 1, servers: 1, initial: 20, times: [10, 100, 1000], distribution: true };
    const cut = transientBirthDeath({ ...q, capacity: null });
    const big = transientBirthDeath({ ...q, capacity: 3000 }); // mass beyond 3000 ~ 0.9^3000: none
    expect(cut.truncated).toBe(true);
    expect(cut.top).toBeLessThan(1000);
    expect(cut.truncationMassBound).toBeLessThanOrEqual(1e-10);
    cut.distributions!.forEach((p, i) => {
      expect(tv(p, big.distributions![i])).toBeLessThanOrEqual(cut.truncationMassBound + cut.errorBound + big.errorBound + 1e-14);
    });
  });

  it('transientBirthDeath(draining backlog): log(E[N(t)] - L) decays at a rate that approaches the spectral gap', () => {
    // M/M/1 at load 0.5 started with 50: the backlog drains at mu - lambda = 0.5 for ~100 s, then
    // E[N(t)] - L relaxes at the gap (1 - sqrt(0.5))^2 = 0.0858.
    const gap = relaxationRate({ lambda: 0.5, mu: 1, servers: 1, capacity: null }).rate;
    const dt = 5;
    const times = Array.from({ length: 81 }, (_, i) => i * dt); // up to 400 s, while E[N] - L >> rounding
    const r = transientBirthDeath({ lambda: 0.5, mu: 1, servers: 1, capacity: null, initial: 50, times, epsilon: 1e-15, detectSteadyState: false });
    const L = 1; // rho / (1 - rho)
    const excess = r.meanN.map((m) => m - L);
    // Never faster than the gap allows: E[N(t)] - L <= exp(-gap t) sqrt(1/pi_50 - 1) sd(N) (Cauchy-Schwarz in l2(pi)).
    const pi50 = 0.5 * 0.5 ** 50;
    const sdN = Math.sqrt(0.5) / 0.5;
    excess.forEach((e, i) => expect(e).toBeLessThanOrEqual(Math.exp(-gap * times[i]) * Math.sqrt(1 / pi50 - 1) * sdN + 1e-12));
    // The local rate -d/dt log(E[N] - L) climbs monotonically towards the gap once the drain is over.
    const rates = excess.slice(1).map((e, i) => -Math.log(e / excess[i]) / dt);
    const late = rates.slice(150 / dt);
    for (let i = 1; i < late.length; i++) expect(late[i]).toBeGreaterThan(late[i - 1]);
    expect(late[late.length - 1]).toBeLessThan(gap);
    expect(gap - late[late.length - 1]).toBeLessThan(0.02 * gap);
    expect(gap - late[late.length - 1]).toBeLessThan((gap - late[0]) / 10);
  });

  it('transientBirthDeath detects the steady state and then reports the stationary law, within epsilon', () => {
    const times = Array.from({ length: 1001 }, (_, i) => i * 30); // relaxation time 380 s, horizon 30000 s
    const q = { lambda: 0.9, mu: 1, servers: 1, capacity: null, initial: 100, times, distribution: true };
    const fast = transientBirthDeath(q);
    const full = transientBirthDeath({ ...q, detectSteadyState: false });
    expect(fast.steadyStateTime).not.toBeNull();
    expect(fast.matvecs).toBeLessThan(full.matvecs / 2);
    expect(fast.errorBound).toBeLessThanOrEqual(fast.epsilon);
    const pi = stationaryDistribution(q, fast.top);
    const last = fast.distributions![times.length - 1];
    expect(tv(last, pi)).toBe(0);
    fast.distributions!.forEach((p, i) => expect(tv(p, full.distributions![i])).toBeLessThanOrEqual(fast.errorBound + full.errorBound));
  });

  it('transientBirthDeath summaries are those of the distribution: meanQ = E[max(N - c, 0)], pEmpty = P(N = 0)', () => {
    const r = transientBirthDeath({ lambda: 3, mu: 1, servers: 2, capacity: 12, initial: 9, times: [0, 0.7, 4], distribution: true });
    r.distributions!.forEach((p, i) => {
      expect(r.meanN[i]).toBeCloseTo(p.reduce((a, v, n) => a + n * v, 0), 14);
      expect(r.meanQ[i]).toBeCloseTo(p.reduce((a, v, n) => a + Math.max(n - 2, 0) * v, 0), 14);
      expect(r.pEmpty[i]).toBe(p[0]);
    });
    expect(r.meanQ[0]).toBe(7);
    expect(r.distributions![0][9]).toBe(1);
  });

  it('transientBirthDeath rejects bad input with the rule broken', () => {
    const q = { lambda: 1, mu: 1, servers: 1, capacity: 5, initial: 0, times: [1] };
    expect(() => transientBirthDeath({ ...q, initial: 6 })).toThrow('transientBirthDeath: initial must be <= capacity 5, got 6');
    expect(() => transientBirthDeath({ ...q, initial: 1.5 })).toThrow('transientBirthDeath: initial must be an integer >= 0, got 1.5');
    expect(() => transientBirthDeath({ ...q, times: [1, 0.5] })).toThrow(
      'transientBirthDeath: times must be non-decreasing, but times[1] = 0.5 < times[0] = 1',
    );
    expect(() => transientBirthDeath({ ...q, times: [-1] })).toThrow('transientBirthDeath: times[0] must be a finite number >= 0, got -1');
    expect(() => transientBirthDeath({ ...q, epsilon: 2 })).toThrow('transientBirthDeath: epsilon must be in (0, 1), got 2');
    expect(() => transientBirthDeath({ ...q, mu: 0 })).toThrow('transientBirthDeath: mu must be a finite number > 0, got 0');
  });
});
