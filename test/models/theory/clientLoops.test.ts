import { describe, expect, it } from 'vitest';
import type { ClosedResult } from '../../../src/models/theory/closed';
import { mva } from '../../../src/models/theory/closed';
import { type MatchedQueue, type UnmatchedQueue, theoryFor } from '../../../src/models/theory/scenario';
import { stabilityWarnings } from '../../../src/models/theory/warnings';
import type { Consumer, Producer, Scenario } from '../../../src/sim/scenario/types';
import { closedProducer, consumer, producer, queue, scenario } from './fixtures';
import { expectClose, expectJsonSafe, expectLittleL } from './helpers';

/** request-reply.json: 20 clients, think 10 s, one server at 2.5/s, replies after 0.05 s. */
const requestReply = scenario({
  producers: [{ ...closedProducer, id: 'clients', clients: 20, think: { dist: 'exponential', rate: 0.1 } }],
  consumers: [{ ...consumer, service: { dist: 'exponential', rate: 2.5 }, reply: { dist: 'deterministic', value: 0.05 } }],
});

const loop = (p: Partial<Producer>, c: Partial<Consumer> = {}, more: Partial<Scenario> = {}) =>
  scenario({ producers: [{ ...closedProducer, ...p }], consumers: [{ ...consumer, ...c }], ...more });

function closed(s: Scenario): MatchedQueue & { result: ClosedResult } {
  const t = theoryFor(s).queues.q;
  if (t.model === null) throw new Error(`expected a model, got: ${t.reason}`);
  return t as MatchedQueue & { result: ClosedResult };
}

describe('theoryFor: closed loops (replies "sync")', () => {
  it('theoryFor of a closed loop never crashes: exact MVA with the reply delay added to the think time', () => {
    const t = theoryFor(requestReply);
    const q = t.queues.q as MatchedQueue & { result: ClosedResult };
    const m = mva(20, 0.4, 10.05);
    expect(q).toMatchObject({ model: 'M/M/1//N', exact: true, regime: 'steady' });
    expectClose(q.result.cycleRate, m.X);
    expectClose(q.result.W, m.R, 1e-12);
    expectClose(q.result.utilization, 0.4 * m.X);
    expectClose(q.lambda, m.X);
    expectLittleL(q.result);
    // Response-time law: end to end (send -> reply) is N / X - Z.
    const p = t.producers.clients;
    expect(p.closedLoop).toMatchObject({ clients: 20, think: 10, throughputExact: true });
    expectClose(p.closedLoop!.responseTime, 20 / m.X - 10);
    expectClose(p.endToEnd, 20 / m.X - 10, 1e-12);
    expectClose(t.network.throughput, m.X);
    expectJsonSafe(t);
  });

  it('theoryFor: a closed loop with c servers (or async channels) is the finite-source M/M/c//N', () => {
    expect(closed(loop({}, { count: 2 })).model).toBe('M/M/c//N');
    expect(closed(loop({}, { handling: 'async', concurrency: 3, prefetch: 3 })).result.servers).toBe(3);
  });

  it('theoryFor: one processor-sharing server in a closed loop is exact for any service time', () => {
    const t = closed(loop({ clients: 6 }, { service: { dist: 'lognormal', mean: 0.5, cv: 2 }, handling: 'async', concurrency: 10, shared: true, prefetch: 10 }));
    expect(t).toMatchObject({ model: 'M/G/1-PS//N', exact: true });
    expectClose(t.result.cycleRate, mva(6, 0.5, 5).X);
  });

  it('theoryFor: udp loss and requeued failures change the visits per message sent', () => {
    const udp = closed(loop({ transport: { protocol: 'udp', delay: { dist: 'deterministic', value: 0.2 }, loss: 0.1, rto: 1, overhead: null } }));
    // Z = 5 + 0.9 x 0.2, D = 0.9 x 1.
    expectClose(udp.result.cycleRate, mva(10, 0.9, 5.18).X);
    const nack = closed(loop({}, { ack: { mode: 'manual', failure: 0.2, loss: 0, visibilityTimeout: null, maxDeliveries: 3, deadLetter: null } }));
    expectClose(nack.result.visits, 1 + 0.2 + 0.04);
  });

  it('theoryFor: closed loops it cannot solve have a reason and an upper bound on their rate', () => {
    const cases: [Scenario, string][] = [
      [loop({}, { service: { dist: 'deterministic', value: 0.5 } }), 'FCFS service that is not exponential'],
      [loop({}, { fetch: { mode: 'poll', interval: 1, batch: 1, wait: 0 } }), 'the consumers poll'],
      [loop({}, { outages: [{ start: 10, end: 20 }] }), 'outages or failures'],
      [scenario({ producers: [closedProducer, { ...producer, id: 'open' }] }), 'open and closed traffic mixed'],
      [
        loop({}, { then: [{ to: 'r', p: 1 }] }, { queues: [queue, { ...queue, id: 'r' }], consumers: [{ ...consumer, then: [{ to: 'r', p: 1 }] }, { ...consumer, id: 'w2', from: 'r' }] }),
        'more than one queue',
      ],
    ];
    for (const [s, why] of cases) {
      const t = theoryFor(s);
      const q = t.queues.q as UnmatchedQueue;
      expect(q.model).toBeNull();
      expect(q.reason).toContain(why);
      expect(t.producers.p.closedLoop?.throughputExact).toBe(false);
      expect(t.producers.p.rate).toBeGreaterThan(0);
      expect(t.producers.p.rate).toBeLessThanOrEqual(10 / 5); // X <= N / Z
      expectJsonSafe(t);
    }
  });

  it('theoryFor: a closed loop is never reported unstable, even with no think time', () => {
    const s = loop({ think: null, clients: 50 });
    expect(stabilityWarnings(s)).toEqual([]);
    expectClose(closed(s).result.utilization, 1);
  });

  it('stabilityWarnings: a closed loop into a queue with no consumers waits for ever', () => {
    expect(stabilityWarnings(scenario({ producers: [closedProducer], consumers: [] }))).toEqual([
      'queue q has no consumers: every message waits forever',
    ]);
  });

  it('theoryFor: a closed loop whose clients stop is labelled while-active, not exact', () => {
    expect(closed(loop({ limit: 100 }))).toMatchObject({ exact: false, regime: 'while-active' });
  });
});
