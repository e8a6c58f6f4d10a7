// The new models against the simulator: fixed seeds, tolerances from the simulated confidence
// intervals (test/helpers/agreement.ts), for the formulas this folder derives itself.
import { describe, it } from 'vitest';
import type { ClosedResult } from '../../../src/models/theory/closed';
import type { PriorityResult } from '../../../src/models/theory/priority';
import type { QueueResult } from '../../../src/models/theory/result';
import { theoryFor } from '../../../src/models/theory/scenario';
import type { Scenario } from '../../../src/sim/scenario/types';
import { expectAgrees } from '../../helpers/agreement';
import { runScenario, single } from '../../helpers/scenarios';

const result = (s: Scenario) => theoryFor(s).queues.q.result as QueueResult;

describe('theory against simulation', () => {
  it('a long poll shorter than the interval: M/G/1 with setup times (exact)', () => {
    const s = single({
      horizon: 20_000,
      warmup: 500,
      replications: 8,
      seed: 3,
      consumer: { service: { dist: 'deterministic', value: 1 }, fetch: { mode: 'poll', interval: 2, wait: 1 } },
    });
    const out = runScenario(s);
    const th = result(s);
    expectAgrees('Wq', out.summary.queues.q.meanWait, th.Wq!, s.replications, 2);
    expectAgrees('W', out.summary.queues.q.meanSojourn, th.W!, s.replications, 2);
  });

  it('preemptive-resume priority with uniform service: per-class waits and sojourns', () => {
    const s = single({
      horizon: 20_000,
      warmup: 500,
      replications: 8,
      seed: 3,
      producer: { id: 'hi', priority: 2, interarrival: { dist: 'exponential', rate: 0.3 } },
      queue: { discipline: 'priority', preemptive: true },
      consumer: { service: { dist: 'uniform', min: 0.5, max: 1.5 } },
    });
    const two: Scenario = { ...s, producers: [...s.producers, { ...s.producers[0], id: 'lo', priority: 1, interarrival: { dist: 'exponential', rate: 0.4 } }] };
    const out = runScenario(two);
    const classes = (result(two) as PriorityResult).classes;
    for (const k of classes) {
      const sim = out.summary.classes[String(k.priority)];
      expectAgrees(`class ${k.priority} Wq`, sim.meanWait, k.Wq!, two.replications, 4);
      expectAgrees(`class ${k.priority} W`, sim.meanSojourn, k.W!, two.replications, 4);
    }
  });

  it('a closed loop on two servers with udp loss: finite-source birth-death', () => {
    const s = single({
      horizon: 20_000,
      warmup: 500,
      replications: 8,
      seed: 3,
      producer: {
        interarrival: undefined,
        replies: 'sync',
        clients: 12,
        think: { dist: 'uniform', min: 0, max: 8 },
        transport: { protocol: 'udp', loss: 0.1, delay: { dist: 'exponential', mean: 0.2 } },
      },
      consumer: { count: 2, reply: { dist: 'deterministic', value: 0.3 } },
    });
    const out = runScenario(s);
    const th = result(s) as ClosedResult;
    expectAgrees('throughput', out.summary.consumers.c.throughput, th.throughput, s.replications, 3);
    expectAgrees('Lq', out.summary.queues.q.meanLength, th.Lq!, s.replications, 3);
    expectAgrees('W', out.summary.queues.q.meanSojourn, th.W!, s.replications, 3);
  });
});
