// Which model describes one queue, given what arrives and who serves it; scenario.ts walks the
// network and calls this once per queue.
import type { Queue } from '../../sim/scenario/types';
import { allenCunneen, kingman } from './approximations';
import type { ServiceGroup } from './groups';
import { mg1 } from './mg1';
import { mgcc } from './mgcc';
import { mm1 } from './mm1';
import { mmc } from './mmc';
import { mmck } from './mmck';
import { mg1PreemptivePriority } from './preemptive';
import { type PriorityResult, mg1Priority, mmcPriority } from './priority';
import type { QueueResult } from './result';
import { type Flow, type Stream, isKnown } from './streams';

export type Match = { result: QueueResult | PriorityResult; notes: string[] } | { reason: string; notes: string[] };

type Pooled = Extract<ServiceGroup, { kind: 'pooled' }>;

const ORDER_NOTE: Record<'lifo' | 'random', string> = {
  lifo: "lifo serves the newest first: L, Lq, W, Wq equal FIFO's (the order does not depend on service times), but waits are far more spread out",
  random:
    "random order: L, Lq, W, Wq equal FIFO's (the order does not depend on service times), but waits are more spread out",
};

/** Blank out the waits of handled messages, which drop-head overflow changes. */
function dropHead(result: QueueResult): QueueResult {
  return { ...result, W: null, Wq: null, pWait: null };
}

/** Cobham's formula for the classes present (value -> share of rate), or why it does not apply. */
function priorityMatch(
  queue: Queue,
  group: Pooled,
  rate: number,
  classes: Map<number, number>,
  flow: Stream,
): Match {
  const notes: string[] = [];
  if (queue.capacity !== null)
    return { reason: `queue ${queue.id}: priority classes with a bounded queue have no closed form here`, notes };
  if (!flow.poisson)
    return { reason: `queue ${queue.id}: Cobham's priority formula needs Poisson arrivals in every class`, notes };
  if (flow.viaPriority) {
    return {
      reason: `queue ${queue.id}: its classes arrive through another priority queue, so they are not independent Poisson streams`,
      notes,
    };
  }
  const perClass = [...classes].map(([priority, share]) => ({ priority, lambda: rate * share }));
  const secondMoment = group.meanService * group.meanService * (1 + group.serviceScv);
  const moments = perClass.map((k) => ({ ...k, meanService: group.meanService, secondMoment }));
  if (queue.preemptive) {
    if (group.servers === 1) return { result: mg1PreemptivePriority(moments), notes };
    return { reason: `queue ${queue.id}: preemptive priority with several servers has no closed form here`, notes };
  }
  if (group.servers === 1) return { result: mg1Priority(moments), notes };
  if (group.exponential) return { result: mmcPriority(perClass, 1 / group.meanService, group.servers), notes };
  return {
    reason: `queue ${queue.id}: non-preemptive priority with several non-exponential servers has no closed form`,
    notes,
  };
}

/**
 * The model for one queue. `arrival` is everything that reaches it (from producers and other
 * queues); the scenario's `capacity` counts waiting messages, so K = capacity + held, where
 * `held` (default: the servers) is what the servers hold, in handling or in prefetch buffers.
 */
export function matchQueue(queue: Queue, group: ServiceGroup, arrival: Flow, held = group.servers): Match {
  const id = queue.id;
  if (group.kind === 'none') return { reason: `queue ${id} has no consumers: every message waits forever`, notes: [] };
  if (group.kind === 'mixed') {
    return {
      reason: `queue ${id} is served by consumer groups with different services (${group.consumers.join(', ')}): no pooled model`,
      notes: [],
    };
  }
  if (!isKnown(arrival)) return { reason: `queue ${id}: ${arrival.unknown}`, notes: [] };
  const notes = [...arrival.notes];
  const reason = (text: string): Match => ({ reason: `queue ${id}: ${text}`, notes });
  const { rate } = arrival;
  const c = group.servers;
  const m = group.meanService;
  const cs2 = group.serviceScv;
  if (rate === 0) return reason('no messages reach it in the long run');
  if (arrival.loadDependent !== null) return reason(`${arrival.loadDependent}; no closed form`);
  if (queue.ttl !== null) return reason(`messages expire after ttl = ${queue.ttl} s (abandonment): no model here`);
  if (!Number.isFinite(m)) return reason('the service time has an infinite mean');
  if (m === 0) return reason('the service time is 0: nothing ever waits');
  if (queue.capacity === 0 && held === c) {
    // No waiting room: the discipline never matters, and Erlang B holds for any service time.
    if (!arrival.poisson) return reason('a loss system (capacity 0) with non-Poisson arrivals has no closed form here');
    return { result: mgcc(rate, m, c, cs2), notes };
  }
  if (group.mixedRoutes)
    notes.push(
      `consumers ${group.consumers.join(', ')} route differently: assuming each server handles an equal share`,
    );
  if (queue.discipline === 'lifo' || queue.discipline === 'random') notes.push(ORDER_NOTE[queue.discipline]);

  if (queue.discipline === 'priority') {
    const classes = arrival.classes;
    if (classes === null)
      return reason('priorities come from a continuous distribution (one class per value): no closed form');
    if (classes.size > 1) {
      const match = priorityMatch(queue, group, rate, classes, arrival);
      return { ...match, notes: [...notes, ...match.notes] };
    }
    notes.push('priority discipline with a single class: served in arrival order');
  }

  if (queue.capacity !== null) {
    if (!arrival.poisson) return reason('a bounded queue with non-Poisson arrivals has no closed form here');
    if (!group.exponential)
      return reason('a bounded queue with non-exponential service (M/G/c/K) has no closed form here');
    const result = mmck(rate, 1 / m, c, queue.capacity + held);
    if (queue.overflow === 'drop-head') {
      notes.push('drop-head: L, Lq and loss as with reject, but the mean wait of handled messages has no closed form');
      return { result: dropHead(result), notes };
    }
    return { result, notes };
  }

  if (!Number.isFinite(cs2)) return reason('the service time has infinite variance: the mean wait is infinite');
  if (arrival.poisson) {
    if (group.exponential) return { result: c === 1 ? mm1(rate, 1 / m) : mmc(rate, 1 / m, c), notes };
    if (c === 1) return { result: mg1(rate, m, cs2), notes };
    notes.push('M/G/c has no closed form: Allen-Cunneen approximation with Poisson arrivals');
    return { result: allenCunneen(rate, 1, m, cs2, c), notes };
  }
  if (!Number.isFinite(arrival.scv)) return reason('the interarrival time has infinite variance');
  if (!arrival.renewal)
    notes.push(
      `arrivals are not a renewal process: interarrival scv ${arrival.scv.toPrecision(3)} from the QNA two-moment approximation`,
    );
  return { result: c === 1 ? kingman(rate, arrival.scv, m, cs2) : allenCunneen(rate, arrival.scv, m, cs2, c), notes };
}
