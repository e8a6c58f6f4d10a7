import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src/sim/engine/simulation.ts';
import { backoff } from '../../../src/sim/engine/requests.ts';
import { runReplication } from '../../../src/sim/replicate.ts';
import { meanCI } from '../../../src/sim/stats/meanCI.ts';
import { expectAgrees } from '../../helpers/agreement.ts';
import { single } from '../../helpers/scenarios.ts';

const det = (value: number) => ({ dist: 'deterministic', value });

describe('client timeouts and retries', () => {
  it('each attempt that times out is retried after the backoff as a new message, until maxAttempts', () => {
    // One request at t = 1; handling takes 10 s, the client waits 1 s and retries 0.5 s later:
    // attempts at 1, 2.5, 4; timeouts at 2, 3.5, 5; then it gives up. All three are handled
    // later (at 11, 21, 31): wasted work.
    const scenario = single({
      horizon: 100,
      replications: 1,
      producer: { interarrival: det(1), limit: 1, timeout: 1, retry: { maxAttempts: 3, base: 0.5 } },
      consumer: { service: det(10) },
    });
    const sim = new Simulation(scenario, 0, 0);
    sim.runUntil(4.999);
    expect([sim.recorder.produced, sim.recorder.timedOut, sim.recorder.retries]).toEqual([3, 2, 2]);
    sim.run();
    const rec = sim.recorder;
    expect({ requests: rec.requests, produced: rec.produced, retries: rec.retries, timedOut: rec.timedOut, gaveUp: rec.gaveUp }).toEqual({
      requests: 1,
      produced: 3,
      retries: 2,
      timedOut: 3,
      gaveUp: 1,
    });
    expect([rec.handled, rec.wasted, rec.goodW, rec.answeredW]).toEqual([3, 3, 0, 3]);
  });

  it('an attempt answered in time ends its request: no retry, no waste', () => {
    const scenario = single({
      horizon: 100,
      replications: 1,
      producer: { interarrival: det(1), limit: 5, timeout: 2, retry: { maxAttempts: 3 } },
      consumer: { service: det(0.5), reply: det(1) },
    });
    const sim = new Simulation(scenario, 0, 0);
    sim.run();
    const rec = sim.recorder;
    expect([rec.requests, rec.retries, rec.timedOut, rec.wasted, rec.goodW, rec.replied]).toEqual([5, 0, 0, 0, 5, 5]);
  });

  it('the reply is what the client waits for: handled in time but replied too late is wasted', () => {
    const scenario = single({
      horizon: 100,
      replications: 1,
      producer: { interarrival: det(1), limit: 1, timeout: 2 },
      consumer: { service: det(0.5), reply: det(3) },
    });
    const sim = new Simulation(scenario, 0, 0);
    sim.run();
    expect([sim.recorder.timedOut, sim.recorder.gaveUp, sim.recorder.wasted, sim.recorder.goodW]).toEqual([1, 1, 1, 0]);
  });

  it('backoff(p, k): fixed base, or base x 2^(k-1) up to cap; full jitter on [0, d], equal jitter on [d/2, d]', () => {
    const producer = (retry: Record<string, unknown>) =>
      new Simulation(single({ producer: { timeout: 1, retry: { maxAttempts: 9, ...retry } } }), 0, 0).producers[0];
    const exp = producer({ backoff: 'exponential', base: 1, cap: 5 });
    expect([1, 2, 3, 4, 5].map((k) => backoff(exp, k))).toEqual([1, 2, 4, 5, 5]);
    expect([1, 2, 3].map((k) => backoff(producer({ base: 0.3 }), k))).toEqual([0.3, 0.3, 0.3]);
    // Jitter: bounds, and the mean of n draws within 4.5 standard errors (uniform: sd = width / sqrt 12).
    const n = 20_000;
    for (const [jitter, lo, hi] of [
      ['full', 0, 4],
      ['equal', 2, 4],
    ] as const) {
      const p = producer({ backoff: 'exponential', base: 2, jitter });
      const draws = Array.from({ length: n }, () => backoff(p, 2));
      expect(Math.min(...draws)).toBeGreaterThanOrEqual(lo);
      expect(Math.max(...draws)).toBeLessThanOrEqual(hi);
      const mean = draws.reduce((s, x) => s + x, 0) / n;
      expect(Math.abs(mean - (lo + hi) / 2)).toBeLessThanOrEqual((4.5 * (hi - lo)) / Math.sqrt(12 * n));
    }
  });

  it('M/M/1 with a timeout T and no retry: the share of replies that come too late is exp(-(mu - lambda) T)', () => {
    // FIFO M/M/1 sojourn times are exponential with rate mu - lambda; the window's answers that
    // were in time are goodput, all of them throughput.
    const lambda = 0.8;
    const T = 5;
    const reps = 10;
    const scenario = single({ horizon: 20_000, replications: reps, producer: { interarrival: { dist: 'exponential', rate: lambda }, timeout: T } });
    const late = Array.from({ length: reps }, (_, r) => {
      const f = runReplication(scenario, r, 1000, { series: false }).figures;
      return 1 - f.goodput / f.throughput;
    });
    expectAgrees('late share', meanCI(late), Math.exp(-(1 - lambda) * T), reps);
  });

  it('without a timeout, goodput equals throughput', () => {
    const f = runReplication(single({ horizon: 2000 }), 0, 100, { series: false }).figures;
    expect(f.goodput).toBe(f.throughput);
    expect(f.totals.requests).toBe(0);
  });

  it('a retry budget keeps retries below ratio x requests + burst', () => {
    const scenario = single({
      horizon: 2000,
      replications: 1,
      producer: { interarrival: { dist: 'exponential', rate: 2 }, timeout: 1, retry: { maxAttempts: 5, budget: { ratio: 0.2, burst: 3 } } },
    });
    const sim = new Simulation(scenario, 0, 0);
    sim.run();
    const rec = sim.recorder;
    expect(rec.retries).toBeGreaterThan(0.15 * rec.requests); // overloaded: the budget binds
    expect(rec.retries).toBeLessThanOrEqual(0.2 * rec.requests + 3);
  });
});

describe('closed-loop clients with a timeout', () => {
  it('a client sends its next request when the request ends (given up here), not when an attempt leaves', () => {
    // One client, no think time, handling 10 s, timeout 1 s, 2 attempts at once: requests at
    // 0, 2, 4, 6, 8 (each gives up 2 s after it starts), two messages each.
    const scenario = single({
      horizon: 100,
      replications: 1,
      producer: { interarrival: undefined, replies: 'sync', clients: 1, timeout: 1, retry: { maxAttempts: 2 } },
      consumer: { service: det(10) },
    });
    const sim = new Simulation(scenario, 0, 0);
    sim.runUntil(9.999);
    const rec = sim.recorder;
    expect([rec.requests, rec.produced, rec.retries, rec.gaveUp]).toEqual([5, 10, 5, 4]);
  });

  it('an answer in time ends the request and the client thinks, then sends', () => {
    // Think 1 s (before the first too), handling 0.5 s: requests at 1, 2.5, ..., 8.5, answered
    // 0.5 s later, no timeouts.
    const scenario = single({
      horizon: 9.9,
      replications: 1,
      producer: { interarrival: undefined, replies: 'sync', clients: 1, think: det(1), timeout: 1, retry: { maxAttempts: 2 } },
      consumer: { service: det(0.5) },
    });
    const sim = new Simulation(scenario, 0, 0);
    sim.run();
    expect([sim.recorder.requests, sim.recorder.timedOut, sim.recorder.goodW]).toEqual([6, 0, 6]);
  });
});
