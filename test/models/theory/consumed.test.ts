import { describe, expect, it } from 'vitest';
import { mg1 } from '../../../src/models/theory/mg1';
import { mm1 } from '../../../src/models/theory/mm1';
import { mmc } from '../../../src/models/theory/mmc';
import type { PriorityResult } from '../../../src/models/theory/priority';
import { retryTheory } from '../../../src/models/theory/retries';
import type { QueueResult } from '../../../src/models/theory/result';
import { type MatchedQueue, type UnmatchedQueue, theoryFor } from '../../../src/models/theory/scenario';
import type { Consumer, Scenario } from '../../../src/sim/scenario/types';
import { consumer, producer, queue, scenario } from './fixtures';
import { expectClose, expectLittleL, expectSameMeasures } from './helpers';

const at = (rate: number, c: Partial<Consumer>, more: Partial<Pick<Scenario, 'queues'>> = {}) =>
  scenario({ producers: [{ ...producer, interarrival: { dist: 'exponential', rate } }], consumers: [{ ...consumer, ...c }], ...more });

function matched(s: Scenario, id = 'q'): MatchedQueue & { result: QueueResult } {
  const t = theoryFor(s).queues[id];
  if (t.model === null) throw new Error(`expected a model for ${id}, got: ${t.reason}`);
  return t;
}

function unmatched(s: Scenario, id = 'q'): UnmatchedQueue {
  const t = theoryFor(s).queues[id];
  if (t.model !== null) throw new Error(`expected no model for ${id}, got ${t.model}`);
  return t;
}

describe('theoryFor: async handling and prefetch', () => {
  it('async handling with concurrency k on c servers is an M/M/(ck), exact', () => {
    const t = matched(at(4, { count: 2, handling: 'async', concurrency: 3, prefetch: 3 }));
    expect(t).toMatchObject({ model: 'M/M/c', exact: true, servers: 2 });
    expectSameMeasures(t.result, mmc(4, 1, 6));
    expectClose(t.load, 4 / 6);
  });

  it('prefetch beyond the concurrency on one server: L and W unchanged, the line Lq rho^(p - k) (exact for M/M/k)', () => {
    const t = matched(at(1.6, { handling: 'async', concurrency: 2, prefetch: 4 }));
    const base = mmc(1.6, 1, 2);
    expect(t.exact).toBe(true);
    expectClose(t.result.L, base.L);
    expectClose(t.result.W, base.W);
    expectClose(t.result.Lq, base.Lq! * 0.8 ** 2);
    expectLittleL(t.result);
  });

  it('prefetch on several servers: approximate, the queue line unknown', () => {
    const t = matched(at(1.6, { count: 2, prefetch: 3 }));
    expect(t).toMatchObject({ exact: false, result: { Lq: null, Wq: null } });
    expectClose(t.result.W, mmc(1.6, 1, 2).W);
    expect(t.notes.some((n) => n.includes("wait in one server's buffer while another is idle"))).toBe(true);
  });

  it('prefetch smaller than the concurrency caps the messages handled at once', () => {
    const t = matched(at(0.9, { handling: 'async', concurrency: 4, prefetch: 1 }));
    expectSameMeasures(t.result, mm1(0.9, 1));
  });
});

describe('theoryFor: processor sharing', () => {
  it('shared handling on one server is M/G/1-PS: W = E[S] / (1 - rho) for any service time', () => {
    for (const service of [
      { dist: 'exponential', rate: 1 },
      { dist: 'lognormal', mean: 1, cv: 2 },
    ] as const) {
      const t = matched(at(0.7, { service, handling: 'async', concurrency: 1000, shared: true, prefetch: 1000 }));
      expect(t).toMatchObject({ model: 'M/G/1-PS', exact: true });
      expectClose(t.result.W, 1 / 0.3);
      expectClose(t.result.utilization, 0.7);
    }
  });

  it('shared handling with a binding limit and non-exponential service has no model', () => {
    const s = at(0.7, { service: { dist: 'lognormal', mean: 1, cv: 2 }, handling: 'async', concurrency: 3, shared: true, prefetch: 3 });
    expect(unmatched(s).reason).toBe(
      'queue q: processor sharing limited to 3 messages with non-exponential service: the limit binds about 24% of the time, and limited PS has no closed form here',
    );
  });

  it('shared handling on several exponential servers: M/M/c as if balanced, approximate', () => {
    const t = matched(at(1.2, { count: 2, handling: 'async', concurrency: 4, shared: true, prefetch: 4 }));
    expect(t).toMatchObject({ model: 'M/M/c', exact: false });
    expectClose(t.result.L, mmc(1.2, 1, 2).L);
  });
});

describe('theoryFor: acks and retries', () => {
  const ack = { mode: 'manual', failure: 0.2, loss: 0.05, visibilityTimeout: 5, maxDeliveries: 3, deadLetter: 'dlq' } as const;
  const withDlq = (c: Partial<Consumer>) =>
    scenario({
      producers: [{ ...producer, interarrival: { dist: 'exponential', rate: 0.5 } }],
      queues: [queue, { ...queue, id: 'dlq' }],
      consumers: [{ ...consumer, ...c }, { ...consumer, id: 'd', from: 'dlq' }],
    });

  it('manual ack with failures: the queue is solved at lambda x deliveries per message, approximate', () => {
    const t = theoryFor(withDlq({ ack }));
    const q = t.queues.q as MatchedQueue;
    const r = retryTheory(ack, consumer.service);
    expect(q).toMatchObject({ model: 'M/M/1', exact: false });
    expect(q.retries).toEqual(r);
    expectClose(q.lambda, 0.5);
    expectClose(q.result.lambda, 0.5 * r.deliveriesPerMessage!);
    expectSameMeasures(q.result, { ...mm1(0.5 * r.deliveriesPerMessage!, 1), exact: false });
    // Dead letters feed the dead-letter queue.
    expectClose(t.network.lambda.dlq, 0.5 * r.deadLetterFraction);
    expect(t.network.W).toBeNull();
  });

  it('auto ack with failures leaves the queue exact and passes on (1 - f) lambda', () => {
    const s = scenario({
      producers: [{ ...producer, interarrival: { dist: 'exponential', rate: 0.5 } }],
      queues: [queue, { ...queue, id: 'next' }],
      consumers: [{ ...consumer, ack: { mode: 'auto', failure: 0.1 }, then: [{ to: 'next', p: 1 }] }, { ...consumer, id: 'n', from: 'next' }],
    });
    const t = theoryFor(s);
    expect(t.queues.q).toMatchObject({ model: 'M/M/1', exact: true, retries: { lostFraction: 0.1 } });
    expectClose(t.network.lambda.next, 0.45);
    expect(t.queues.next).toMatchObject({ model: 'M/M/1', exact: true }); // thinned Poisson
  });

  it('every delivery timing out with no maxDeliveries: no model, messages delivered for ever', () => {
    const s = at(0.1, { service: { dist: 'deterministic', value: 2 }, ack: { ...ack, visibilityTimeout: 1, maxDeliveries: null, deadLetter: null } });
    expect(unmatched(s).reason).toBe('queue q: every delivery ends in a redelivery: messages are delivered for ever');
    expect(theoryFor(s).queues.q.load).toBeNull();
  });
});

describe('theoryFor: fetching, failures and outages', () => {
  it('polling every T on one server holding one message: the M/G/1 with polling, wait + T/2, exact', () => {
    const t = matched(at(0.5, { fetch: { mode: 'poll', interval: 2, batch: 1, wait: 0 } }));
    expect(t).toMatchObject({ model: 'M/G/1 with polling', exact: true });
    expectClose(t.result.Wq, mm1(0.5, 1).Wq! + 1, 1e-9);
    expectLittleL(t.result);
  });

  it('a long poll of at least the interval is the same as push', () => {
    const t = matched(at(0.5, { fetch: { mode: 'poll', interval: 2, batch: 1, wait: 2 } }));
    expect(t).toMatchObject({ model: 'M/M/1', exact: true });
    expectSameMeasures(t.result, mm1(0.5, 1));
  });

  it('polling with several servers adds the light-traffic delay T / (c + 1), approximate', () => {
    const t = matched(at(0.3, { count: 3, fetch: { mode: 'poll', interval: 2, batch: 1, wait: 0 } }));
    expect(t.exact).toBe(false);
    expectClose(t.result.Wq, mmc(0.3, 1, 3).Wq! + 0.5, 1e-9);
  });

  it('failures: handlings stretched by repairs (M/G/1 with the completion time), approximate', () => {
    const failures = { mtbf: { dist: 'exponential', rate: 0.01 }, mttr: { dist: 'exponential', rate: 0.2 } } as const;
    const t = matched(at(0.5, { failures }));
    const A = 100 / 105;
    // E[C] = 1 / A, E[C^2] = 2 / A^2 + E[R^2] / mtbf = 2 / A^2 + 50 / 100.
    const C = mg1(0.5, 1 / A, (2 / A ** 2 + 0.5) / (1 / A) ** 2 - 1);
    expect(t).toMatchObject({ model: 'M/G/1', exact: false });
    expectClose(t.result.Wq, C.Wq! + (1 - 0.5 / A) * (1 - A) * 5, 1e-9);
    expectClose(t.result.utilization, 0.5);
    expectClose(t.load, 0.5 / A);
  });

  it('fixed outage windows: no model (a transient), with the backlog they pile up in the notes', () => {
    const t = unmatched(at(0.5, { outages: [{ start: 600, end: 1200 }] }));
    expect(t.reason).toBe('queue q: fixed outage windows: a transient, not a steady state');
    expect(t.notes).toContain('queue q: during the outage [600, 1200] s about 300 messages pile up and drain in about 600 s');
  });

  it('consumer groups that ack or fetch differently have no pooled model', () => {
    const s = scenario({ consumers: [consumer, { ...consumer, id: 'w2', ack: { mode: 'auto', failure: 0.5 } }] });
    expect(unmatched(s).reason).toBe('queue q: its consumer groups (w, w2) handle, fetch or ack differently: no pooled model');
  });
});

describe('theoryFor: preemptive priority', () => {
  const two = (count: number) =>
    scenario({
      producers: [
        { ...producer, id: 'hi', priority: 2, interarrival: { dist: 'exponential', rate: 0.3 } },
        { ...producer, id: 'lo', priority: 1, interarrival: { dist: 'exponential', rate: 0.4 } },
      ],
      queues: [{ ...queue, discipline: 'priority', preemptive: true }],
      consumers: [{ ...consumer, count }],
    });

  it('a preemptive priority queue on one server: per-class preemptive-resume sojourns', () => {
    const t = matched(two(1));
    expect(t).toMatchObject({ model: 'M/G/1 preemptive priority', exact: true });
    const [hi, lo] = (t.result as PriorityResult).classes;
    expectClose(hi.W, mm1(0.3, 1).W);
    expectClose(lo.W, 1 / 0.7 + 0.7 / (0.7 * 0.3));
  });

  it('a preemptive priority queue on several servers has no model', () => {
    expect(unmatched(two(2)).reason).toBe('queue q: preemptive priority with several servers has no closed form here');
  });
});
