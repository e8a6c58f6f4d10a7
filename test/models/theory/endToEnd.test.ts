import { describe, expect, it } from 'vitest';
import { mm1 } from '../../../src/models/theory/mm1';
import { mm1k } from '../../../src/models/theory/mmck';
import { mg1PreemptivePriority } from '../../../src/models/theory/preemptive';
import { theoryFor } from '../../../src/models/theory/scenario';
import type { Scenario } from '../../../src/sim/scenario/types';
import { consumer, mm1Scenario, producer, queue, scenario, tandem } from './fixtures';
import { expectClose } from './helpers';

const W1 = mm1(0.9, 1).W!;

describe('theoryFor(scenario).producers[id].endToEnd', () => {
  it('endToEnd of an M/M/1 without reply is its sojourn W', () => {
    const t = theoryFor(mm1Scenario);
    expect(t.producers.p).toMatchObject({ transitLoss: 0, transit: 0, completed: 1, exact: true, reason: null, closedLoop: null });
    expectClose(t.producers.p.rate, 0.9);
    expectClose(t.producers.p.endToEnd, W1);
    expectClose(t.network.endToEnd, W1);
  });

  it('endToEnd adds the reply delay and the transit (tcp: delay + rto p / (1 - p))', () => {
    const s = scenario({
      producers: [{ ...producer, transport: { protocol: 'tcp', delay: { dist: 'deterministic', value: 0.1 }, loss: 0.2, rto: 1, overhead: null } }],
      consumers: [{ ...consumer, reply: { dist: 'exponential', rate: 2 } }],
    });
    expectClose(theoryFor(s).producers.p.endToEnd, 0.35 + W1 + 0.5);
  });

  it('endToEnd over a route sums the sojourns with the replies where messages leave', () => {
    // a -> b with p = 0.5; replies 1 s from a, 3 s from b.
    const s: Scenario = {
      ...tandem,
      consumers: [
        { ...tandem.consumers[0], then: [{ to: 'b', p: 0.5 }], reply: { dist: 'deterministic', value: 1 } },
        { ...tandem.consumers[1], reply: { dist: 'deterministic', value: 3 } },
      ],
    };
    const Wa = mm1(1, 2).W!;
    const Wb = mm1(0.5, 4).W!;
    expectClose(theoryFor(s).producers.p.endToEnd, Wa + 0.5 * (1 + Wb + 3));
  });

  it('endToEnd averages over the messages that complete (lost ones do not count)', () => {
    // a -> b with p = 0.5; half of b's handlings fail (auto ack): 3/4 complete, 1/3 of them via b.
    const s: Scenario = {
      ...tandem,
      consumers: [
        { ...tandem.consumers[0], then: [{ to: 'b', p: 0.5 }] },
        { ...tandem.consumers[1], ack: { mode: 'auto', failure: 0.5 } },
      ],
    };
    const t = theoryFor(s);
    expectClose(t.producers.p.completed, 0.75);
    expectClose(t.producers.p.endToEnd, mm1(1, 2).W! + (1 / 3) * mm1(0.5, 4).W!);
  });

  it('endToEnd of a udp producer counts only delivered messages; completed = 1 - p', () => {
    const s = scenario({ producers: [{ ...producer, transport: { protocol: 'udp', delay: { dist: 'deterministic', value: 0.3 }, loss: 0.1, rto: 1, overhead: null } }] });
    const t = theoryFor(s);
    expectClose(t.producers.p.completed, 0.9);
    expectClose(t.producers.p.endToEnd, 0.3 + mm1(0.81, 1).W!);
  });

  it('endToEnd of a bounded queue uses the admitted sojourn; completed = 1 - loss', () => {
    const t = theoryFor(scenario({ queues: [{ ...queue, capacity: 2 }] }));
    expectClose(t.producers.p.completed, 1 - mm1k(0.9, 1, 3).loss);
    expectClose(t.producers.p.endToEnd, mm1k(0.9, 1, 3).W);
  });

  it('endToEnd of priority producers is their class sojourn; the network averages them by rate', () => {
    const s = scenario({
      producers: [
        { ...producer, id: 'hi', priority: 2, interarrival: { dist: 'exponential', rate: 0.3 } },
        { ...producer, id: 'lo', priority: 1, interarrival: { dist: 'exponential', rate: 0.4 } },
      ],
      queues: [{ ...queue, discipline: 'priority', preemptive: true }],
    });
    const t = theoryFor(s);
    const exp = (priority: number, lambda: number) => ({ priority, lambda, meanService: 1, secondMoment: 2 });
    const [hi, lo] = mg1PreemptivePriority([exp(2, 0.3), exp(1, 0.4)]).classes;
    expectClose(t.producers.hi.endToEnd, hi.W);
    expectClose(t.producers.lo.endToEnd, lo.W);
    expectClose(t.network.endToEnd, (0.3 * hi.W! + 0.4 * lo.W!) / 0.7);
  });

  it('endToEnd is null, with a reason, behind a queue without a model or with redeliveries', () => {
    const none = theoryFor(scenario({ queues: [{ ...queue, ttl: 5 }] }));
    expect(none.producers.p).toMatchObject({ endToEnd: null, reason: 'queue q on the way has no model' });
    expect(none.network.endToEnd).toBeNull();
    const retried = theoryFor(
      scenario({ consumers: [{ ...consumer, ack: { mode: 'manual', failure: 0.1, loss: 0, visibilityTimeout: 10, maxDeliveries: null, deadLetter: null } }] }),
    );
    expect(retried.producers.p.endToEnd).toBeNull();
    expectClose(retried.producers.p.completed, 1);
    expect(retried.producers.p.reason).toContain('redeliveries at queue q');
  });
});
