import { describe, expect, it } from 'vitest';
import { tCritical95 } from '../../../src/sim/stats/studentT.ts';
import { expectAgrees } from '../../helpers/agreement.ts';
import { loadExample, runScenario, single } from '../../helpers/scenarios.ts';

/** Exact mean value analysis of one FCFS exponential server with N clients, think Z and a pure delay D. */
function mva(n: number, serviceMean: number, think: number): { X: number; R: number } {
  let q = 0;
  let X = 0;
  let R = 0;
  for (let k = 1; k <= n; k++) {
    R = serviceMean * (1 + q); // Reiser & Lavenberg 1980: arrival theorem
    X = k / (R + think);
    q = X * R;
  }
  return { X, R };
}

describe('closed-loop producers (replies: sync)', () => {
  it('request-reply.json: throughput and response time agree with exact MVA; R = N/X - Z', () => {
    const scenario = loadExample('request-reply');
    const out = runScenario(scenario);
    // The reply delay (0.05 s) is a pure delay: it joins the think time in the cycle.
    const th = mva(20, 1 / 2.5, 10 + 0.05);
    expectAgrees('throughput', out.summary.consumers.api.throughput, th.X, scenario.replications);
    expectAgrees('response time at the queue', out.summary.queues.requests.meanSojourn, th.R, scenario.replications);
    // Response-time law (exact for the closed loop): the end-to-end latency is N/X - Z.
    const X = out.summary.consumers.api.throughput.mean!;
    expect(Math.abs(out.summary.messages.endToEnd.mean! - (20 / X - 10))).toBeLessThan(0.05 * (20 / X - 10) + 0.1);
  });
});

describe('transport', () => {
  it('udp loses a fraction p of messages in transit', () => {
    const scenario = single({ replications: 1, horizon: 40_000, producer: { transport: { protocol: 'udp', loss: 0.05, delay: { dist: 'deterministic', value: 0.01 } } } });
    const m = runScenario(scenario).summary.messages;
    const sd = Math.sqrt(m.produced * 0.05 * 0.95);
    expect(Math.abs(m.lostInTransit - 0.05 * m.produced)).toBeLessThanOrEqual(4.5 * sd);
  });

  it('tcp loses nothing and adds delay + rto x p / (1 - p) on average; http adds its overhead', () => {
    const base = single({ warmup: 1_000, replications: 10, horizon: 20_000 });
    const tcp = single({
      warmup: 1_000,
      replications: 10,
      horizon: 20_000,
      producer: { transport: { protocol: 'tcp', loss: 0.2, rto: 1, delay: { dist: 'deterministic', value: 0.1 } } },
    });
    const http = single({
      warmup: 1_000,
      replications: 10,
      horizon: 20_000,
      producer: { transport: { protocol: 'http', loss: 0.2, rto: 1, delay: { dist: 'deterministic', value: 0.1 }, overhead: { dist: 'deterministic', value: 0.3 } } },
    });
    const [b, t, h] = [base, tcp, http].map(runScenario);
    expect(t.summary.messages.lostInTransit).toBe(0);
    // Same seeds, same queue: only the transit time differs in distribution; the end-to-end mean
    // grows by the mean transit 0.1 + 1 x 0.2 / 0.8 = 0.35 (http: + 0.3).
    const diff = (x: typeof t) => x.summary.messages.endToEnd.mean! - b.summary.messages.endToEnd.mean!;
    // Standard error of a run's mean sojourn from its CI; the difference of two runs has at most
    // sqrt(2) times that (less: the runs share their seeds); 4.5 of those bound a false alarm.
    const se = (b.summary.messages.meanSojourn.ci95![1] - b.summary.messages.meanSojourn.mean!) / tCritical95(9);
    const tol = 4.5 * Math.SQRT2 * se;
    expect(Math.abs(diff(t) - 0.35)).toBeLessThan(tol);
    expect(Math.abs(diff(h) - 0.65)).toBeLessThan(tol);
  });
});
