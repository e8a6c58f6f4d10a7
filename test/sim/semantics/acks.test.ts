import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src/sim/engine/simulation.ts';
import { expectAgrees } from '../../helpers/agreement.ts';
import { runScenario, single } from '../../helpers/scenarios.ts';

/** |x - expected| within 4.5 binomial standard deviations of n trials (false alarm ~1e-5). */
function expectBinomial(label: string, count: number, n: number, p: number): void {
  const sd = Math.sqrt(n * p * (1 - p));
  expect(Math.abs(count - n * p), `${label}: ${count} of ${n}, expected ${n * p} ± ${4.5 * sd}`).toBeLessThanOrEqual(4.5 * sd);
}

describe('acknowledgements', () => {
  // Light load and a handling time (0.1 s) far below the visibility timeout (1 s): every
  // redelivery comes from a failure or a lost ack, never from a timeout during handling.
  const retries = (ack: Record<string, unknown>) =>
    single({
      horizon: 40_000,
      replications: 1,
      producer: { interarrival: { dist: 'exponential', rate: 0.2 } },
      consumer: { service: { dist: 'deterministic', value: 0.1 }, ack: { mode: 'manual', visibilityTimeout: 1, ...ack } },
      queues: [{ id: 'dlq' }],
    });

  it('manual ack with failure f and maxDeliveries m: (1 - f^m) / (1 - f) deliveries per message and f^m dead-lettered', () => {
    const f = 0.3;
    const m = 3;
    const out = runScenario(retries({ failure: f, maxDeliveries: m, deadLetter: 'dlq' }));
    const t = out.summary.messages;
    // Every message ends acked or dead-lettered (the dead-letter queue has no consumer).
    const finished = t.completed + t.deadLettered;
    expect(t.inFlight).toBeLessThan(3);
    expectBinomial('dead-lettered', t.deadLettered, finished, f ** m);
    // Deliveries D per message: P(D >= k) = f^(k-1) for k <= m; its variance gives the tolerance.
    const mean = (1 - f ** m) / (1 - f);
    let second = 0;
    for (let k = 1; k <= m; k++) second += (2 * k - 1) * f ** (k - 1);
    const sd = Math.sqrt(second - mean * mean) / Math.sqrt(finished);
    expect(Math.abs(t.fetched / finished - mean)).toBeLessThanOrEqual(4.5 * sd);
    expect(t.waiting).toBe(t.deadLettered);
    expect(t.lost).toBe(0);
  });

  it('a lost ack makes the redelivery a duplicate: loss l gives l / (1 - l) duplicates per message', () => {
    const l = 0.2;
    const out = runScenario(retries({ loss: l }));
    const t = out.summary.messages;
    const perMessage = t.duplicates / t.completed;
    // Handlings per message are geometric: mean 1/(1-l), variance l/(1-l)^2.
    const sd = Math.sqrt(l) / (1 - l) / Math.sqrt(t.completed);
    expect(Math.abs(perMessage - l / (1 - l))).toBeLessThanOrEqual(4.5 * sd);
    expect(t.failed).toBe(0);
  });

  it('auto ack: a handler failure loses the message (at most once)', () => {
    const out = runScenario(retries({}));
    expect(out.summary.messages.lost).toBe(0);
    const auto = runScenario(
      single({
        horizon: 40_000,
        replications: 1,
        producer: { interarrival: { dist: 'exponential', rate: 0.2 } },
        consumer: { service: { dist: 'deterministic', value: 0.1 }, ack: { mode: 'auto', failure: 0.1 } },
      }),
    );
    const t = auto.summary.messages;
    expectBinomial('lost', t.lost, t.produced - t.inFlight - t.waiting, 0.1);
    expect(t.redelivered).toBe(0);
    expect(t.lost).toBe(t.failed);
  });

  it('a visibility timeout shorter than the handling time delivers the message again: duplicates, never acked', () => {
    // One message at t = 1, handled in 2 s by either of two servers, visible again after 1.5 s.
    const oneMessage = (visibilityTimeout: number) =>
      single({
        horizon: 20,
        replications: 1,
        producer: { interarrival: { dist: 'deterministic', value: 1 }, limit: 1 },
        consumer: { count: 2, service: { dist: 'deterministic', value: 2 }, ack: { mode: 'manual', visibilityTimeout } },
      });
    const rec = new Simulation(oneMessage(1.5), 0, 0).run();
    // Deliveries at 1, 2.5, 4, 5.5, ... (every 1.5 s); each handling ends 2 s after its delivery,
    // when a newer delivery exists: its ack is stale. 13 deliveries by t = 20, 12 handlings.
    expect(rec.fetched).toBe(13);
    expect(rec.handled).toBe(12);
    expect(rec.duplicates).toBe(11);
    expect(rec.completed).toBe(0);
    // With a timeout longer than the handling, the same message is handled once and acked.
    const fine = new Simulation(oneMessage(2.5), 0, 0).run();
    expect([fine.fetched, fine.handled, fine.duplicates, fine.completed]).toEqual([1, 1, 0, 1]);
  });

  it('a handling that ends after its message was dead-lettered still counts as a duplicate', () => {
    // One message, two servers, handling 2 s, visible again after 1.5 s, at most 2 deliveries:
    // delivered at 1 and 2.5; at 3 the first handling ends (its ack is stale), at 4 the second
    // delivery times out and the message is dead-lettered; at 4.5 the second handling ends.
    const rec = new Simulation(
      single({
        horizon: 20,
        replications: 1,
        producer: { interarrival: { dist: 'deterministic', value: 1 }, limit: 1 },
        consumer: { count: 2, service: { dist: 'deterministic', value: 2 }, ack: { mode: 'manual', visibilityTimeout: 1.5, maxDeliveries: 2, deadLetter: 'dlq' } },
        queues: [{ id: 'dlq' }],
      }),
      0,
      0,
    ).run();
    expect([rec.fetched, rec.handled, rec.duplicates, rec.deadLettered, rec.completed]).toEqual([2, 2, 1, 1, 0]);
  });

  it('dead letters go to a real queue whose consumers handle them', () => {
    const out = runScenario(
      single({
        horizon: 10_000,
        replications: 1,
        consumer: { ack: { mode: 'manual', failure: 0.5, visibilityTimeout: 2, maxDeliveries: 1, deadLetter: 'dlq' } },
        queues: [{ id: 'dlq' }],
        consumers: [{ id: 'operator', from: 'dlq', service: { dist: 'exponential', rate: 5 } }],
      }),
    );
    const t = out.summary.messages;
    expect(t.deadLettered).toBeGreaterThan(1000);
    expect(t.deadLetterDropped).toBe(0);
    expect(out.summary.consumers.operator.throughput.mean).toBeGreaterThan(0.2);
    expect(t.produced).toBe(t.completed + t.waiting + t.inFlight);
  });
});

describe('replies', () => {
  it('mean end-to-end = mean sojourn + mean reply delay', () => {
    const scenario = single({ warmup: 500, consumer: { reply: { dist: 'deterministic', value: 2 } } });
    const out = runScenario(scenario);
    const s = out.summary.messages;
    expect(s.replied).toBeGreaterThan(0.99 * s.completed - 10);
    expectAgrees('end-to-end - 2', s.meanSojourn, s.endToEnd.mean! - 2, scenario.replications);
    // R(t) trails H(t) by the reply delay.
    const k = out.series.t.length - 1;
    expect(out.series.R[k]).toBeLessThanOrEqual(out.series.H[k]);
    expect(out.series.R[k]).toBeGreaterThan(0.99 * out.series.H[k]);
  });
});
