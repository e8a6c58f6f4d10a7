import { describe, expect, it } from 'vitest';
import { closedQueue, mva } from '../../../src/models/theory/closed';
import { expectClose, expectLittleL } from './helpers';

const base = { delay: 10, visits: 1, meanService: 0.4, serviceScv: 1, units: 1, held: 1, ps: false };

/** The finite-source distribution written out: p(n) ∝ N! / (N - n)! (D / Z)^n / beta(n). */
function bruteForce(N: number, D: number, Z: number, c: number): number[] {
  const w: number[] = [];
  for (let n = 0; n <= N; n++) {
    let x = 1;
    for (let k = 1; k <= n; k++) x *= ((N - k + 1) * D) / Z / Math.min(k, c);
    w.push(x);
  }
  const sum = w.reduce((s, x) => s + x, 0);
  return w.map((x) => x / sum);
}

describe('mva(clients, demand, delay)', () => {
  it('mva with one client: X = 1 / (Z + D), R = D', () => {
    const m = mva(1, 0.4, 10);
    expectClose(m.X, 1 / 10.4);
    expectClose(m.R, 0.4);
  });

  it('mva of the machine-repairman model equals the finite-source birth-death distribution', () => {
    const p = bruteForce(20, 0.4, 10.05, 1);
    const L = p.reduce((s, x, n) => s + n * x, 0);
    const X = (1 - p[0]) / 0.4;
    const m = mva(20, 0.4, 10.05);
    expectClose(m.X, X, 1e-12);
    expectClose(m.Q, L, 1e-12);
  });
});

describe('closedQueue(input)', () => {
  it('closedQueue with one server is exact MVA, and the response-time law R = N/X - Z holds', () => {
    const r = closedQueue({ ...base, clients: 20, delay: 10.05 });
    const m = mva(20, 0.4, 10.05);
    expect(r).toMatchObject({ model: 'M/M/1//N', exact: true, method: 'exact MVA', clients: 20 });
    expectClose(r.cycleRate, m.X);
    expectClose(r.residence, m.R, 1e-12);
    expectClose(r.residence, 20 / r.cycleRate - 10.05);
    expectClose(r.W, r.residence); // one visit per cycle
    expectLittleL(r);
  });

  it('closedQueue with c servers: finite-source birth-death (N = 3, c = 2 by hand)', () => {
    // Weights 1, 3, 3, 1.5 (D = Z = 1): busy servers (3 + 6 + 3) / 8.5.
    const r = closedQueue({ ...base, clients: 3, delay: 1, meanService: 1, units: 2, held: 2 });
    expect(r.model).toBe('M/M/c//N');
    expectClose(r.cycleRate, 12 / 8.5);
    expectClose(r.L, (3 + 6 + 4.5) / 8.5);
    expectClose(r.Lq, 1.5 / 8.5);
    expectLittleL(r);
    expectClose(r.W! - r.Wq!, 1); // FCFS: time held = E[S]
  });

  it('closedQueue at c = 1 agrees with its own birth-death distribution (two methods, one model)', () => {
    const one = closedQueue({ ...base, clients: 7, delay: 2, meanService: 0.5 });
    const p = bruteForce(7, 0.5, 2, 1);
    expectClose(one.L, p.reduce((s, x, n) => s + n * x, 0), 1e-12);
    expectClose(one.Lq, p.reduce((s, x, n) => s + Math.max(0, n - 1) * x, 0), 1e-12);
    // Arrival theorem: a message waits when the loop without it holds someone at the queue.
    expectClose(one.pWait, 1 - bruteForce(6, 0.5, 2, 1)[0], 1e-12);
  });

  it('closedQueue with as many servers as clients never queues: W = E[S], X = N / (Z + D)', () => {
    const r = closedQueue({ ...base, clients: 4, delay: 3, meanService: 1, units: 4, held: 4 });
    expectClose(r.Lq, 0);
    expectClose(r.W, 1);
    expectClose(r.cycleRate, 4 / 4);
  });

  it('closedQueue with no delay keeps every client at the queue: X = min(N, c) / D', () => {
    const r = closedQueue({ ...base, clients: 5, delay: 0, meanService: 0.5, units: 2, held: 2 });
    expectClose(r.L, 5);
    expectClose(r.cycleRate, 4);
    expectClose(r.utilization, 1);
  });

  it('closedQueue counts visits: V failed-and-requeued visits make the demand V E[S]', () => {
    const r = closedQueue({ ...base, clients: 8, delay: 5, visits: 1.25, meanService: 0.5 });
    const m = mva(8, 1.25 * 0.5, 5);
    expectClose(r.cycleRate, m.X);
    expectClose(r.throughput, 1.25 * m.X);
    expectClose(r.residence, 1.25 * r.W!);
  });

  it('closedQueue of a processor-sharing server: the same chain, the line beyond `held`', () => {
    const r = closedQueue({ ...base, clients: 6, delay: 3, meanService: 0.5, serviceScv: 4, held: 2, ps: true });
    const p = bruteForce(6, 0.5, 3, 1);
    expect(r.model).toBe('M/G/1-PS//N');
    expectClose(r.Lq, p.reduce((s, x, n) => s + Math.max(0, n - 2) * x, 0), 1e-12);
  });

  it('closedQueue rejects impossible inputs, naming them', () => {
    expect(() => closedQueue({ ...base, clients: 0 })).toThrow('closedQueue: clients must be an integer >= 1, got 0');
    expect(() => closedQueue({ ...base, clients: 2, held: 0 })).toThrow('held must be an integer >= 1');
    expect(() => closedQueue({ ...base, clients: 2, units: 2, held: 2, ps: true })).toThrow('processor sharing needs units = 1');
  });
});
