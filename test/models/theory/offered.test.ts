import { describe, expect, it } from 'vitest';
import { offeredLoads } from '../../../src/models/theory/offered';
import { consumer, mm1Scenario, producer, queue, scenario, tandem } from './fixtures';
import { expectClose } from './helpers';

describe('offeredLoads(scenario)', () => {
  it('offeredLoads(scenario) of an M/M/1 is lambda / mu', () => {
    const q = offeredLoads(mm1Scenario).q;
    expect(q.servers).toBe(1);
    expectClose(q.lambda, 0.9);
    expectClose(q.load, 0.9);
  });

  it('offeredLoads divides by all servers: lambda E[S] / c', () => {
    const s = scenario({ consumers: [{ ...consumer, count: 3, service: { dist: 'deterministic', value: 2 } }] });
    expectClose(offeredLoads(s).q.load, (0.9 * 2) / 3);
  });

  it('offeredLoads uses 1 / E[interarrival] of a renewal producer and x0 of a time-varying one', () => {
    const s = scenario({
      producers: [
        { ...producer, id: 'u', interarrival: { dist: 'uniform', min: 1, max: 3 } },
        { ...producer, id: 'v', interarrival: null, rate: { x0: 0.25, terms: [{ amplitude: 2, rate: 0.01 }] } },
      ],
    });
    expectClose(offeredLoads(s).q.lambda, 0.5 + 0.25);
  });

  it('offeredLoads splits a producer with several queues equally', () => {
    const s = scenario({
      producers: [{ ...producer, to: ['a', 'b'], balance: 'random' }],
      queues: [
        { ...queue, id: 'a' },
        { ...queue, id: 'b' },
      ],
      consumers: [
        { ...consumer, from: 'a' },
        { ...consumer, id: 'w2', from: 'b' },
      ],
    });
    const loads = offeredLoads(s);
    expectClose(loads.a.lambda, 0.45);
    expectClose(loads.b.lambda, 0.45);
  });

  it('offeredLoads follows then-routing through the traffic equations', () => {
    expectClose(offeredLoads(tandem).b.lambda, 1);
    expectClose(offeredLoads(tandem).b.load, 0.25);
    const feedback = scenario({
      consumers: [{ ...consumer, service: { dist: 'exponential', rate: 2 }, then: [{ to: 'q', p: 0.5 }] }],
    });
    expectClose(offeredLoads(feedback).q.lambda, 1.8);
    expectClose(offeredLoads(feedback).q.load, 0.9);
  });

  it('offeredLoads pools several consumer groups of a queue', () => {
    const s = scenario({
      consumers: [
        { ...consumer, id: 'w1', count: 2 },
        { ...consumer, id: 'w2', count: 1, service: { dist: 'exponential', rate: 3 } },
      ],
    });
    expect(offeredLoads(s).q.servers).toBe(3);
    expectClose(offeredLoads(s).q.load, 0.9 / (2 + 3));
  });

  it('offeredLoads of a queue with no consumers has 0 servers and an infinite load', () => {
    const q = offeredLoads(scenario({ consumers: [] })).q;
    expect(q).toMatchObject({ load: Infinity, servers: 0 });
    expectClose(q.lambda, 0.9);
  });

  it('offeredLoads gives an infinite rate to a loop that messages never leave', () => {
    const s = scenario({
      queues: [queue, { ...queue, id: 'r' }],
      consumers: [
        { ...consumer, then: [{ to: 'r', p: 1 }] },
        { ...consumer, id: 'w2', from: 'r', then: [{ to: 'q', p: 1 }] },
      ],
    });
    expect(offeredLoads(s).q.lambda).toBe(Infinity);
    expect(offeredLoads(s).r.lambda).toBe(Infinity);
  });
});
