import { describe, expect, it } from 'vitest';
import { expectAgrees } from '../../helpers/agreement.ts';
import { loadExample, runScenario, single } from '../../helpers/scenarios.ts';

describe('fetching', () => {
  it('polling every T adds about T/2 to the mean wait in light traffic (polling.json)', () => {
    const scenario = loadExample('polling');
    const out = runScenario(scenario);
    const pushed = out.summary.queues.pushed.meanWait;
    const polled = out.summary.queues.polled.meanWait;
    // Light traffic: a message waits for the next poll, uniform over the 2 s interval.
    expectAgrees('polled wait - pushed wait', polled, pushed.mean! + 1, scenario.replications);
    // Each poll takes at most `batch` (10) messages, and in light traffic most find none.
    const m = out.summary.messages;
    expect(m.polls * 10).toBeGreaterThanOrEqual(out.summary.consumers.poller.throughput.mean! * 0.99 * (scenario.horizon - (scenario.warmup as number)) * scenario.replications);
    expect(m.emptyPolls).toBeGreaterThan(m.polls / 2);
  });

  it('a long poll (wait >= interval) answers at once: no polling delay, no empty polls in light traffic', () => {
    const scenario = single({
      horizon: 20_000,
      producer: { interarrival: { dist: 'exponential', rate: 0.1 } },
      consumer: { service: { dist: 'deterministic', value: 0.2 }, fetch: { mode: 'poll', interval: 2, wait: 20 } },
    });
    const out = runScenario(scenario);
    // An M/D/1 at load 0.02 waits 0.002 s on average; polling would add 1 s.
    expect(out.summary.queues.q.meanWait.mean!).toBeLessThan(0.01);
  });

  it('messages in a prefetch buffer are in flight, not queued', () => {
    // One server with prefetch 5 facing a backlog: at most 4 more wait in its buffer.
    const scenario = single({
      horizon: 2_000,
      replications: 2,
      producer: { interarrival: { dist: 'exponential', rate: 0.9 } },
      consumer: { prefetch: 5 },
    });
    const out = runScenario(scenario);
    const q = out.summary.queues.q;
    // Time-average number held (in handling + buffered) is L - Lq, between utilisation and 5.
    const held = q.meanInSystem.mean! - q.meanLength.mean!;
    expect(held).toBeGreaterThan(out.summary.consumers.c.utilization.mean!);
    expect(held).toBeLessThanOrEqual(5);
  });
});
