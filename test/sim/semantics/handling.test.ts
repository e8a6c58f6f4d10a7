import { describe, expect, it } from 'vitest';
import { mmc } from '../../../src/models/theory/mmc.ts';
import { expectAgrees } from '../../helpers/agreement.ts';
import { runScenario, single } from '../../helpers/scenarios.ts';

describe('handling', () => {
  it('processor sharing: mean sojourn E[S] / (1 - rho) whatever the service distribution', () => {
    // M/G/1-PS is insensitive (Kleinrock vol. 2, sec. 4.4): with load 0.7 and E[S] = 1, T = 3.333
    // for exponential, deterministic and very variable lognormal service alike.
    for (const service of [
      { dist: 'exponential', rate: 1 },
      { dist: 'deterministic', value: 1 },
      { dist: 'lognormal', mean: 1, cv: 2 },
    ]) {
      const scenario = single({
        horizon: 40_000,
        warmup: 1_000,
        producer: { interarrival: { dist: 'exponential', rate: 0.7 } },
        consumer: { service, handling: 'async', concurrency: 1000, shared: true },
      });
      const out = runScenario(scenario);
      expectAgrees(`PS sojourn, ${service.dist}`, out.summary.queues.q.meanSojourn, 1 / (1 - 0.7), scenario.replications, 3);
      expectAgrees(`PS utilisation, ${service.dist}`, out.summary.consumers.c.utilization, 0.7, scenario.replications, 3);
    }
  });

  it('async handling with concurrency k at full speed is an M/M/k', () => {
    const scenario = single({
      horizon: 40_000,
      warmup: 1_000,
      producer: { interarrival: { dist: 'exponential', rate: 2.4 } },
      consumer: { handling: 'async', concurrency: 3 },
    });
    const out = runScenario(scenario);
    const th = mmc(2.4, 1, 3);
    expectAgrees('Lq', out.summary.queues.q.meanLength, th.Lq!, scenario.replications);
    expectAgrees('utilisation of the 3 slots', out.summary.consumers.c.utilization, th.utilization, scenario.replications);
  });
});

describe('outages', () => {
  it('a consumer down from 600 s to 1200 s builds a backlog of lambda x 600 and drains it at mu - lambda (outage.json)', async () => {
    const { loadExample } = await import('../../helpers/scenarios.ts');
    const scenario = loadExample('outage');
    const out = runScenario(scenario);
    const at = (t: number) => out.series.Q[out.series.t.indexOf(t)];
    // At the end of the outage: what arrived in 600 s (mean 300) plus the M/M/1 backlog at 600.
    expect(Math.abs(at(1200) - 301)).toBeLessThan(4.5 * Math.sqrt(300 / scenario.replications) + 1);
    // Draining at 0.5/s: about 300 s left at 1500 s is 150, empty by about 1800 s.
    expect(Math.abs(at(1500) - 151)).toBeLessThan(4.5 * Math.sqrt(450 / scenario.replications) + 2);
    expect(at(2500)).toBeLessThan(5);
    // Manual ack: nothing is lost; the message in handling at the crash is delivered again.
    const m = out.summary.messages;
    expect(m.lost).toBe(0);
    expect(m.redelivered).toBeGreaterThan(0);
    expect(m.redelivered).toBeLessThanOrEqual(scenario.replications);
  });

  it('with auto ack the message in handling at a crash is lost; a failure-repair process keeps running', () => {
    const scenario = single({
      horizon: 20_000,
      replications: 4,
      consumer: { failures: { mtbf: { dist: 'exponential', mean: 500 }, mttr: { dist: 'exponential', mean: 50 } } },
    });
    const out = runScenario(scenario);
    const m = out.summary.messages;
    // About 40 crashes per replication; the server is busy at half of them.
    expect(m.lost).toBeGreaterThan(20);
    expect(m.lost).toBeLessThan(200);
    // Availability 500/550: the server is up 91% of the time and busy 0.5/0.91 of that.
    expectAgrees('utilisation', out.summary.consumers.c.utilization, 0.5, scenario.replications);
  });
});
