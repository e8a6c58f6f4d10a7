import { describe, expect, it } from 'vitest';
import { stabilityWarnings } from '../../../src/models/theory/warnings';
import { consumer, mm1Scenario, producer, queue, scenario } from './fixtures';

describe('stabilityWarnings(scenario)', () => {
  it('stabilityWarnings(scenario) is empty for a stable M/M/1', () => {
    expect(stabilityWarnings(mm1Scenario)).toEqual([]);
  });

  it('stabilityWarnings reports an unbounded queue with load >= 1', () => {
    const s = scenario({ producers: [{ ...producer, interarrival: { dist: 'exponential', rate: 1.2 } }] });
    expect(stabilityWarnings(s)).toEqual(['queue q is unstable: load 1.2 (>= 1); its backlog grows without bound']);
  });

  it('stabilityWarnings reports a bounded queue in overload with a lower bound on its losses', () => {
    const s = scenario({
      producers: [{ ...producer, interarrival: { dist: 'exponential', rate: 1.5 } }],
      queues: [{ ...queue, capacity: 10 }],
    });
    expect(stabilityWarnings(s)).toEqual([
      'queue q is overloaded: load 1.5 (>= 1); its capacity of 10 caps the backlog and at least 33% of messages are lost',
    ]);
  });

  it('stabilityWarnings reports a queue with no consumers', () => {
    expect(stabilityWarnings(scenario({ consumers: [] }))).toEqual([
      'queue q has no consumers: every message waits forever',
    ]);
  });

  it('stabilityWarnings reports a time-varying producer that overloads a queue for a while', () => {
    const s = scenario({
      producers: [{ ...producer, interarrival: null, rate: { x0: 0.5, terms: [{ amplitude: 2, rate: 0.01 }] } }],
    });
    expect(stabilityWarnings(s)).toEqual([
      'queue q is temporarily overloaded: load up to 2.5 while time-varying producers run above their long-run rate (long run 0.5)',
    ]);
  });

  it('stabilityWarnings reports messages routed in a loop they never leave', () => {
    const s = scenario({
      queues: [queue, { ...queue, id: 'r' }],
      consumers: [
        { ...consumer, then: [{ to: 'r', p: 1 }] },
        { ...consumer, id: 'w2', from: 'r', then: [{ to: 'q', p: 1 }] },
      ],
    });
    expect(stabilityWarnings(s)).toEqual([
      'messages routed among queues q, r never leave: their backlog grows without bound',
    ]);
  });

  const manual = { mode: 'manual', failure: 0, loss: 0, visibilityTimeout: null, maxDeliveries: null, deadLetter: null } as const;

  it('stabilityWarnings counts redeliveries in the load', () => {
    // 0.9 x 1.25 deliveries per message = 1.125.
    const s = scenario({ consumers: [{ ...consumer, ack: { ...manual, failure: 0.2 } }] });
    expect(stabilityWarnings(s)).toEqual([
      'queue q is unstable: load 1.13 (>= 1, counting 1.25 deliveries per message); its backlog grows without bound',
    ]);
  });

  it('stabilityWarnings counts the availability of consumers that fail', () => {
    const failures = { mtbf: { dist: 'exponential', rate: 0.1 }, mttr: { dist: 'exponential', rate: 0.5 } } as const;
    const s = scenario({ consumers: [{ ...consumer, failures }] });
    expect(stabilityWarnings(s)).toEqual([
      'queue q is unstable: load 1.08 (>= 1, counting availability 83.3%); its backlog grows without bound',
    ]);
  });

  it('stabilityWarnings reports a visibility timeout that handling times outlast', () => {
    const s = scenario({
      producers: [{ ...producer, interarrival: { dist: 'exponential', rate: 0.05 } }],
      consumers: [{ ...consumer, count: 4, service: { dist: 'uniform', min: 20, max: 40 }, ack: { ...manual, visibilityTimeout: 30, maxDeliveries: 4 } }],
    });
    expect(stabilityWarnings(s)).toEqual([
      'consumer w: visibility timeout 30 s is shorter than 50% of handling times: they are delivered again while still in handling (duplicates)',
    ]);
  });

  it('stabilityWarnings reports messages delivered for ever', () => {
    const forever = scenario({ consumers: [{ ...consumer, service: { dist: 'deterministic', value: 2 }, ack: { ...manual, visibilityTimeout: 1 } }] });
    expect(stabilityWarnings(forever)).toEqual([
      'consumer w: visibility timeout 1 s is shorter than 100% of handling times: they are delivered again while still in handling (duplicates)',
      'consumer w: every delivery ends in a redelivery and there is no maxDeliveries: messages are delivered for ever',
    ]);
  });

  it('stabilityWarnings counts async channels as servers', () => {
    const s = scenario({ producers: [{ ...producer, interarrival: { dist: 'exponential', rate: 2.5 } }], consumers: [{ ...consumer, handling: 'async', concurrency: 3, prefetch: 3 }] });
    expect(stabilityWarnings(s)).toEqual([]);
  });

  it('stabilityWarnings names a stable queue that client retries could overload (metastable), unless a budget caps them', () => {
    const retry = { maxAttempts: 3, backoff: 'fixed' as const, base: 1, cap: null, jitter: 'none' as const, budget: null };
    const at = (rate: number, budget: { ratio: number; burst: number } | null) =>
      scenario({ producers: [{ ...producer, interarrival: { dist: 'exponential', rate }, timeout: 3, retry: { ...retry, budget } }] });
    expect(stabilityWarnings(at(0.8, null))).toEqual([
      'queue q: client retries can raise its load from 0.8 to 2.4 (p: up to 3 messages per request): after a slowdown that makes requests time out, the retries can keep it overloaded when the cause has gone (metastable); backoff alone does not prevent it, a retry budget below 25% of requests does',
    ]);
    expect(stabilityWarnings(at(0.8, { ratio: 0.1, burst: 10 }))).toEqual([]); // worst case 0.88
    expect(stabilityWarnings(at(0.3, null))).toEqual([]); // worst case 0.9
  });
});
