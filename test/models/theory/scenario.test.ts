import { describe, expect, it } from 'vitest';
import { allenCunneen, kingman } from '../../../src/models/theory/approximations';
import { mg1 } from '../../../src/models/theory/mg1';
import { mm1 } from '../../../src/models/theory/mm1';
import { mmc } from '../../../src/models/theory/mmc';
import { mmck } from '../../../src/models/theory/mmck';
import type { PriorityResult } from '../../../src/models/theory/priority';
import { departureScv } from '../../../src/models/theory/qna';
import type { QueueResult } from '../../../src/models/theory/result';
import {
  type MatchedQueue,
  type QueueTheory,
  type UnmatchedQueue,
  theoryFor,
} from '../../../src/models/theory/scenario';
import type { Scenario } from '../../../src/sim/scenario/types';
import { consumer, mm1Scenario, producer, queue, scenario, tandem } from './fixtures';
import { expectClose, expectJsonSafe, expectLittle, expectSameMeasures } from './helpers';

function matched(s: Scenario, id = 'q'): MatchedQueue & { result: QueueResult } {
  const t: QueueTheory = theoryFor(s).queues[id];
  if (t.model === null) throw new Error(`expected a model for ${id}, got: ${t.reason}`);
  return t;
}

function unmatched(s: Scenario, id = 'q'): UnmatchedQueue {
  const t = theoryFor(s).queues[id];
  if (t.model !== null) throw new Error(`expected no model for ${id}, got ${t.model}`);
  return t;
}

const service = (dist: Scenario['consumers'][number]['service']) =>
  scenario({ consumers: [{ ...consumer, service: dist }] });

describe('theoryFor(scenario): one queue', () => {
  it('theoryFor picks M/M/1 for exponential arrivals and one exponential server', () => {
    const t = matched(mm1Scenario);
    expect(t).toMatchObject({ model: 'M/M/1', exact: true, regime: 'steady', servers: 1, notes: [] });
    expectSameMeasures(t.result, mm1(0.9, 1));
    expectClose(t.load, 0.9);
  });

  it('theoryFor picks M/M/c for several exponential servers', () => {
    const t = matched(
      scenario({ consumers: [{ ...consumer, count: 3, service: { dist: 'exponential', rate: 0.4 } }] }),
    );
    expect(t.model).toBe('M/M/c');
    expectSameMeasures(t.result, mmc(0.9, 0.4, 3));
  });

  it('theoryFor picks M/D/1 for deterministic service and M/G/1 for other service times', () => {
    expect(matched(service({ dist: 'deterministic', value: 1 })).model).toBe('M/D/1');
    const t = matched(service({ dist: 'uniform', min: 0.5, max: 1.5 }));
    expect(t.model).toBe('M/G/1');
    expectSameMeasures(t.result, mg1(0.9, 1, 1 / 12));
  });

  it('theoryFor treats an erlang with k = 1 as exponential', () => {
    expect(matched(service({ dist: 'erlang', k: 1, mean: 1 })).model).toBe('M/M/1');
  });

  it('theoryFor uses Allen-Cunneen (approximate) for Poisson arrivals into several general servers', () => {
    const t = matched(
      scenario({ consumers: [{ ...consumer, count: 2, service: { dist: 'lognormal', mean: 2, cv: 2 } }] }),
    );
    expect(t).toMatchObject({ model: 'G/G/c', exact: false });
    expectSameMeasures(t.result, allenCunneen(0.9, 1, 2, 4, 2));
  });

  it('theoryFor uses Kingman for renewal non-Poisson arrivals into one server', () => {
    const s = scenario({ producers: [{ ...producer, interarrival: { dist: 'uniform', min: 0, max: 2.5 } }] });
    const t = matched(s);
    expect(t).toMatchObject({ model: 'G/G/1', exact: false });
    expectSameMeasures(t.result, kingman(0.8, 1 / 3, 1, 1));
  });

  it('theoryFor converts capacity (waiting places) to K = capacity + servers for M/M/c/K', () => {
    const t = matched(scenario({ queues: [{ ...queue, capacity: 5 }], consumers: [{ ...consumer, count: 2 }] }));
    expect(t).toMatchObject({ model: 'M/M/c/K', exact: true });
    expect(t.result.capacity).toBe(7);
    expectSameMeasures(t.result, mmck(0.9, 1, 2, 7));
  });

  it('theoryFor picks M/G/c/c (Erlang B) for capacity 0, whatever the service time', () => {
    const t = matched(
      scenario({
        queues: [{ ...queue, capacity: 0 }],
        consumers: [{ ...consumer, count: 2, service: { dist: 'deterministic', value: 3 } }],
      }),
    );
    expect(t.model).toBe('M/G/c/c');
    expect(t.result.capacity).toBe(2);
  });

  it('theoryFor blanks the waits of handled messages under drop-head overflow', () => {
    const t = matched(scenario({ queues: [{ ...queue, capacity: 3, overflow: 'drop-head' }] }));
    expect(t.result).toMatchObject({ model: 'M/M/1/K', W: null, Wq: null });
    expectClose(t.result.loss, mmck(0.9, 1, 1, 4).loss);
    expect(t.notes.some((n) => n.startsWith('drop-head'))).toBe(true);
  });

  it('theoryFor has no model for a bounded queue with non-exponential service', () => {
    const s = scenario({
      queues: [{ ...queue, capacity: 4 }],
      consumers: [{ ...consumer, service: { dist: 'deterministic', value: 1 } }],
    });
    expect(unmatched(s).reason).toBe(
      'queue q: a bounded queue with non-exponential service (M/G/c/K) has no closed form here',
    );
  });

  it('theoryFor has no model for a queue with ttl or without consumers', () => {
    expect(unmatched(scenario({ queues: [{ ...queue, ttl: 30 }] })).reason).toBe(
      'queue q: messages expire after ttl = 30 s (abandonment): no model here',
    );
    const none = unmatched(scenario({ consumers: [] }));
    expect(none).toMatchObject({
      reason: 'queue q has no consumers: every message waits forever',
      servers: 0,
      load: null,
    });
  });

  it('theoryFor keeps the FIFO means for lifo and random order, and says so', () => {
    for (const discipline of ['lifo', 'random'] as const) {
      const t = matched(scenario({ queues: [{ ...queue, discipline }] }));
      expectSameMeasures(t.result, mm1(0.9, 1));
      expect(t.notes[0]).toContain("equal FIFO's");
    }
  });

  it('theoryFor applies Cobham per class for a priority queue with several classes', () => {
    const s = scenario({
      producers: [
        { ...producer, id: 'hi', priority: 9, interarrival: { dist: 'exponential', rate: 0.2 } },
        { ...producer, id: 'lo', priority: 1, interarrival: { dist: 'exponential', rate: 0.5 } },
      ],
      queues: [{ ...queue, discipline: 'priority' }],
    });
    const t = matched(s);
    expect(t.model).toBe('M/G/1 priority');
    const classes = (t.result as PriorityResult).classes;
    expect(classes.map((k) => k.priority)).toEqual([9, 1]);
    expectClose(classes[0].Wq, 0.7 / 0.8); // W0 = (0.2 + 0.5) * E[S^2] / 2 = 0.7
    expectClose(classes[1].Wq, 0.7 / (0.8 * 0.3));
  });

  it('theoryFor reads priority classes from an empirical distribution, and M/M/c priority for several servers', () => {
    const s = scenario({
      producers: [{ ...producer, priority: { dist: 'empirical', values: [0, 0, 0, 5] } }],
      queues: [{ ...queue, discipline: 'priority' }],
      consumers: [{ ...consumer, count: 2 }],
    });
    const t = matched(s);
    expect(t.model).toBe('M/M/c priority');
    const classes = (t.result as PriorityResult).classes;
    expectClose(classes[0].lambda, 0.225);
    expectClose(classes[1].lambda, 0.675);
  });

  it('theoryFor has no Cobham model for continuous priorities', () => {
    const s = scenario({
      producers: [{ ...producer, priority: { dist: 'uniform', min: 0, max: 1 } }],
      queues: [{ ...queue, discipline: 'priority' }],
    });
    expect(unmatched(s).reason).toContain('continuous distribution');
  });

  it('theoryFor labels a time-varying producer as the long-run steady state at x0', () => {
    const s = scenario({
      producers: [{ ...producer, interarrival: null, rate: { x0: 0.5, terms: [{ amplitude: 1, rate: 0.1 }] } }],
    });
    const t = matched(s);
    expect(t).toMatchObject({ model: 'M/M/1', exact: true, regime: 'long-run' });
    expectSameMeasures(t.result, mm1(0.5, 1));
    expect(t.notes[0]).toContain('long-run rate x0 = 0.5');
  });

  it('theoryFor has no model when a time-varying producer decays to x0 = 0', () => {
    const s = scenario({
      producers: [{ ...producer, interarrival: null, rate: { x0: 0, terms: [{ amplitude: 1, rate: 0.1 }] } }],
    });
    expect(unmatched(s)).toMatchObject({ regime: 'long-run', reason: 'queue q: no messages reach it in the long run' });
  });

  it('theoryFor labels a producer that stops or has a limit as approximate (while active)', () => {
    for (const change of [{ stop: 500 }, { limit: 1000 }]) {
      const t = matched(scenario({ producers: [{ ...producer, ...change }] }));
      expect(t).toMatchObject({ model: 'M/M/1', exact: false, regime: 'while-active' });
      expect(t.notes[0]).toContain('steady state at its rate while active');
    }
    // A stop after the horizon changes nothing in the run.
    expect(matched(scenario({ producers: [{ ...producer, stop: 1e9 }] })).regime).toBe('steady');
  });

  it('theoryFor pools consumer groups with the same service, and has no model for different ones', () => {
    const same = matched(
      scenario({
        consumers: [
          { ...consumer, id: 'w1', count: 2 },
          { ...consumer, id: 'w2', count: 1 },
        ],
      }),
    );
    expect(same.model).toBe('M/M/c');
    expect(same.result.servers).toBe(3);
    const different = scenario({
      consumers: [
        { ...consumer, id: 'w1' },
        { ...consumer, id: 'w2', service: { dist: 'deterministic', value: 1 } },
      ],
    });
    expect(unmatched(different).reason).toContain('different services (w1, w2)');
  });
});

describe('theoryFor(scenario): several queues', () => {
  const split = (balance: Scenario['producers'][number]['balance']) =>
    scenario({
      producers: [{ ...producer, to: ['a', 'b'], balance, interarrival: { dist: 'exponential', rate: 1.6 } }],
      queues: [
        { ...queue, id: 'a' },
        { ...queue, id: 'b' },
      ],
      consumers: [
        { ...consumer, from: 'a' },
        { ...consumer, id: 'w2', from: 'b' },
      ],
    });

  it('theoryFor: a random split of a Poisson producer gives each queue an M/M/1', () => {
    expectSameMeasures(matched(split('random'), 'a').result, mm1(0.8, 1));
  });

  it('theoryFor: a round-robin split gives each queue every second message (Erlang-2, scv 1/2): Kingman', () => {
    const t = matched(split('round-robin'), 'b');
    expect(t.model).toBe('G/G/1');
    expectSameMeasures(t.result, kingman(0.8, 0.5, 1, 1));
  });

  it('theoryFor: shortest-queue balancing has no model', () => {
    expect(unmatched(split('shortest'), 'a').reason).toContain('balances by "shortest"');
  });

  it('theoryFor: a tandem of exponential queues is a Jackson network of two M/M/1s', () => {
    const t = theoryFor(tandem);
    expectSameMeasures((t.queues.a as MatchedQueue).result, mm1(1, 2));
    expectSameMeasures((t.queues.b as MatchedQueue).result, mm1(1, 4));
    expect(t.network).toMatchObject({ model: 'Jackson', exact: true, stable: true, throughput: 1, reason: null });
    expectClose(t.network.W, mm1(1, 2).W! + mm1(1, 4).W!);
    expect(t.network.routing).toEqual({ a: { b: 1 }, b: {} });
  });

  it('theoryFor: behind an M/D/1 the next queue sees non-Poisson departures (QNA): Kingman', () => {
    const s: Scenario = {
      ...tandem,
      consumers: [{ ...tandem.consumers[0], service: { dist: 'deterministic', value: 0.5 } }, tandem.consumers[1]],
    };
    const t = theoryFor(s);
    expect(t.queues.a.model).toBe('M/D/1');
    const b = t.queues.b as MatchedQueue;
    expect(b.model).toBe('G/G/1');
    expectSameMeasures(b.result, kingman(1, departureScv(1, 0, 0.5, 1), 0.25, 1));
    expect(t.network).toMatchObject({ model: 'decomposition', exact: false });
  });

  it('theoryFor: behind an unstable exponential queue the next one receives its service capacity', () => {
    const s: Scenario = {
      ...tandem,
      producers: [{ ...tandem.producers[0], interarrival: { dist: 'exponential', rate: 3 } }],
    };
    const t = theoryFor(s);
    expect((t.queues.a as MatchedQueue).result.stable).toBe(false);
    const b = t.queues.b as MatchedQueue;
    expectSameMeasures(b.result, mm1(2, 4));
    expect(b.notes).toContain('queue a is unstable: downstream receives only its service capacity, 2/s');
    expect(t.network).toMatchObject({ stable: false, L: null, W: null });
  });

  it('theoryFor: a feedback loop of exponential queues is solved by the traffic equations (Jackson)', () => {
    const s: Scenario = {
      ...tandem,
      consumers: [tandem.consumers[0], { ...tandem.consumers[1], then: [{ to: 'a', p: 0.25 }] }],
    };
    // lambda_a = 1 + 0.25 lambda_b, lambda_b = lambda_a  =>  both 4/3.
    const t = theoryFor(s);
    expectSameMeasures((t.queues.a as MatchedQueue).result, mm1(4 / 3, 2));
    expectSameMeasures((t.queues.b as MatchedQueue).result, mm1(4 / 3, 4));
    expectClose(t.network.lambda.a, 4 / 3);
    expectClose(t.network.lambda.b, 4 / 3);
    expect(t.network).toMatchObject({ model: 'Jackson', exact: true });
    // Little for the network: each message visits both queues 4/3 times on average.
    expectClose(t.network.W, (4 / 3) * (mm1(4 / 3, 2).W! + mm1(4 / 3, 4).W!));
    expect(t.queues.a.notes.some((n) => n.startsWith('Jackson network node'))).toBe(true);
  });

  it('theoryFor: a self-loop (Bernoulli feedback) is a Jackson node with lambda = gamma / (1 - p)', () => {
    const s = scenario({
      consumers: [{ ...consumer, service: { dist: 'exponential', rate: 4 }, then: [{ to: 'q', p: 0.25 }] }],
    });
    expectSameMeasures(matched(s).result, mm1(1.2, 4));
  });

  it('theoryFor: a feedback loop with deterministic service has no model, nor anything behind it', () => {
    const s = scenario({
      queues: [
        { ...queue, id: 'a' },
        { ...queue, id: 'b' },
        { ...queue, id: 'c' },
      ],
      producers: [{ ...producer, to: ['a'] }],
      consumers: [
        { ...consumer, id: 'wa', from: 'a', service: { dist: 'deterministic', value: 0.1 }, then: [{ to: 'b', p: 1 }] },
        {
          ...consumer,
          id: 'wb',
          from: 'b',
          then: [
            { to: 'a', p: 0.2 },
            { to: 'c', p: 0.8 },
          ],
        },
        { ...consumer, id: 'wc', from: 'c' },
      ],
    });
    const t = theoryFor(s);
    expect((t.queues.a as UnmatchedQueue).reason).toBe(
      'queue a is in a feedback loop (a, b) with non-exponential service at queue a: no product form, no model here',
    );
    expect((t.queues.c as UnmatchedQueue).reason).toBe(
      'queue c: its arrivals come from the feedback loop a, b, which has no model',
    );
    expect(t.network).toMatchObject({ model: null, reason: 'no model for queues a, b, c', L: null });
  });
});

describe('theoryFor(scenario): the network', () => {
  it('theoryFor(scenario).network of one M/G/1 is an exact decomposition with W = L / throughput', () => {
    const t = theoryFor(service({ dist: 'deterministic', value: 1 }));
    expect(t.network).toMatchObject({ model: 'decomposition', exact: true, stable: true });
    expectClose(t.network.W, mg1(0.9, 1, 0).W);
  });

  it('theoryFor(scenario).network has no model when no messages enter', () => {
    const t = theoryFor(scenario({ producers: [] }));
    expect(t.network).toMatchObject({ model: null, reason: 'no messages enter the network', throughput: 0 });
    expect((t.queues.q as UnmatchedQueue).reason).toBe('queue q: no messages reach it in the long run');
  });

  it('theoryFor(scenario).network has no sojourn time when messages are lost', () => {
    const t = theoryFor(scenario({ queues: [{ ...queue, capacity: 3 }] }));
    expect(t.network).toMatchObject({ model: 'decomposition', exact: true, W: null });
    expectClose(t.network.L, mmck(0.9, 1, 1, 4).L);
  });
});

describe('theoryFor(scenario): every result', () => {
  const all: Scenario[] = [
    mm1Scenario,
    tandem,
    service({ dist: 'hyperexponential', probs: [0.5, 0.5], rates: [0.5, 4] }),
    scenario({
      queues: [{ ...queue, capacity: 2 }],
      producers: [{ ...producer, interarrival: { dist: 'exponential', rate: 5 } }],
    }),
    scenario({ queues: [{ ...queue, capacity: 0 }], consumers: [{ ...consumer, count: 4 }] }),
    scenario({ producers: [{ ...producer, interarrival: { dist: 'exponential', rate: 2 } }] }),
    scenario({ consumers: [] }),
    scenario({ consumers: [{ ...consumer, service: { dist: 'pareto', shape: 1.5, scale: 0.3 } }] }),
    scenario({
      producers: [
        { ...producer, id: 'hi', priority: 2, interarrival: { dist: 'exponential', rate: 0.5 } },
        { ...producer, id: 'lo', priority: 1, interarrival: { dist: 'exponential', rate: 0.7 } },
      ],
      queues: [{ ...queue, discipline: 'priority' }],
    }),
  ];

  it('theoryFor(scenario) is JSON-safe: null, never NaN or Infinity', () => {
    for (const s of all) expectJsonSafe(theoryFor(s));
  });

  it("theoryFor(scenario) results satisfy Little's law with the admitted rate", () => {
    for (const s of all) {
      for (const t of Object.values(theoryFor(s).queues)) if (t.result !== null) expectLittle(t.result);
    }
  });

  it('theoryFor(scenario) has no model for infinite-variance service, and says why', () => {
    expect(unmatched(all[7]).reason).toBe('queue q: the service time has infinite variance: the mean wait is infinite');
  });

  it('theoryFor(scenario) carries the stability warnings', () => {
    expect(theoryFor(all[5]).warnings).toEqual(['queue q is unstable: load 2 (>= 1); its backlog grows without bound']);
  });
});
