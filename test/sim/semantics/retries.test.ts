import { describe, expect, it } from 'vitest';
import { runReplication } from '../../../src/sim/replicate.ts';
import { meanCI } from '../../../src/sim/stats/meanCI.ts';
import { mm1 } from '../../../src/models/theory/mm1.ts';
import { expectAgrees } from '../../helpers/agreement.ts';
import { loadExample } from '../../helpers/scenarios.ts';
import type { Scenario } from '../../../src/sim/scenario/types.ts';

// Both files: M/M/1 at 80% load (lambda 8/s, mu 10/s), clients with a 3 s timeout and 3
// attempts, a 4x slowdown over [300, 330]. Measured from t = 900 s, ten minutes after it ends.
const LAMBDA = 8;
const MU = 10;
const TIMEOUT = 3;
const AFTER = 900;
const SEEDS = 5; // the files' replications 0..4

/** Stable M/M/1 at rho: P(waiting >= n) = rho^(n + 1). The smallest n with P < 1e-6. */
function rareBacklog(rho: number): number {
  return Math.ceil(Math.log(1e-6) / Math.log(rho)) - 1;
}

function after(name: string, edit: (s: Scenario) => Scenario = (s) => s) {
  const scenario = edit(loadExample(name));
  return Array.from({ length: SEEDS }, (_, r) => {
    const { figures, series } = runReplication(scenario, r, AFTER);
    const k = (t: number) => Math.round(t / scenario.sampleEvery);
    return { figures, at: (t: number) => series!.Q[k(t)] };
  });
}

describe('metastable failure: retries turn a short slowdown into lasting overload', () => {
  const stable = mm1(LAMBDA, MU);
  const threshold = rareBacklog(LAMBDA / MU); // 61 messages

  it('without backoff the backlog stays far above anything the stable system shows, and keeps growing', () => {
    expect(stable.Lq).toBeCloseTo(3.2, 12);
    for (const { figures, at } of after('metastable-retries')) {
      expect(at(AFTER)).toBeGreaterThan(threshold);
      expect(at(1500)).toBeGreaterThan(at(AFTER) + threshold);
      // The server is saturated, yet little of its work reaches a client still waiting.
      expect(figures.throughput).toBeGreaterThan(0.9 * MU);
      expect(figures.goodput).toBeLessThan(0.3 * figures.throughput);
      expect(figures.totals.wasted).toBeGreaterThan(figures.totals.requests / 2);
    }
  });

  it('backoff and jitter alone do not recover: each request still sends every attempt, only later', () => {
    const noBudget = (s: Scenario): Scenario => ({
      ...s,
      producers: s.producers.map((p) => ({ ...p, retry: { ...p.retry!, budget: null } })),
    });
    for (const { at } of after('metastable-backoff', noBudget)) {
      expect(at(AFTER)).toBeGreaterThan(threshold);
      expect(at(1500)).toBeGreaterThan(at(AFTER) + threshold);
    }
  });

  it('with backoff, jitter and a retry budget it returns to the M/M/1 steady state', () => {
    const runs = after('metastable-backoff');
    for (const { at } of runs) expect(at(AFTER)).toBeLessThan(threshold);
    // Approximately M/M/1 from then on: a sojourn outlasts the timeout with probability
    // exp(-(mu - lambda) T) = 0.25%, and those few retries add about as much to the load.
    expectAgrees('mean backlog after recovery', meanCI(runs.map((r) => r.figures.queues[0].meanLength)), stable.Lq!, SEEDS, 2);
    const inTime = LAMBDA * (1 - Math.exp(-(MU - LAMBDA) * TIMEOUT));
    expectAgrees('goodput after recovery', meanCI(runs.map((r) => r.figures.goodput)), inTime, SEEDS, 2);
  });
});
