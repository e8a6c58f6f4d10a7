import type { Balance, Scenario } from '../scenario/types.ts';
import type { Rng } from '../random/rng.ts';
import { makeDistribution, type Distribution } from '../random/distributions.ts';
import type { MessagePool } from './messagePool.ts';
import { makeWaitingLine, type WaitingLine } from './waitingLine.ts';

/**
 * The run-time state of each component, compiled once from the checked scenario: ids become
 * indices and object references, distributions become samplers, options become plain numbers
 * (Infinity for "no limit"), so the event loop does no lookups and no option parsing.
 */
export interface ProducerState {
  index: number;
  id: string;
  rng: Rng;
  targets: QueueState[];
  balance: Balance;
  /** Round-robin position. */
  nextTarget: number;
  /** Renewal arrivals, or null for a time-varying rate. */
  interarrival: Distribution | null;
  /** lambda(t) = x0 + sum amplitudes[i] * exp(-rates[i] * t), when interarrival is null. */
  x0: number;
  amplitudes: Float64Array;
  rates: Float64Array;
  priority: number;
  priorityDist: Distribution | null;
  start: number;
  stop: number;
  limit: number;
  sent: number;
}

export interface QueueState {
  index: number;
  id: string;
  line: WaitingLine;
  capacity: number;
  dropHead: boolean;
  ttl: number;
  expiryPending: boolean;
  consumers: ConsumerState[];
  /** Messages of this queue now in service. */
  inService: number;
}

export interface ConsumerState {
  index: number;
  id: string;
  rng: Rng;
  queue: QueueState;
  servers: number;
  busy: number;
  service: Distribution;
  /** Routing: leave to routeTo[i] when u < routeCumulative[i]; otherwise the message leaves. */
  routeTo: QueueState[];
  routeCumulative: Float64Array;
}

export function compileModel(
  scenario: Scenario,
  pool: MessagePool,
  stream: (componentId: string) => Rng,
): { producers: ProducerState[]; queues: QueueState[]; consumers: ConsumerState[] } {
  const queues: QueueState[] = scenario.queues.map((q, index) => ({
    index,
    id: q.id,
    line: makeWaitingLine(q.discipline, pool, stream(q.id)),
    capacity: q.capacity ?? Infinity,
    dropHead: q.overflow === 'drop-head',
    ttl: q.ttl ?? Infinity,
    expiryPending: false,
    consumers: [],
    inService: 0,
  }));
  const queueById = new Map(queues.map((q) => [q.id, q]));
  const queue = (id: string) => queueById.get(id)!;

  const consumers: ConsumerState[] = scenario.consumers.map((c, index) => {
    let cumulative = 0;
    const state: ConsumerState = {
      index,
      id: c.id,
      rng: stream(c.id),
      queue: queue(c.from),
      servers: c.count,
      busy: 0,
      service: makeDistribution(c.service),
      routeTo: c.then.map((r) => queue(r.to)),
      routeCumulative: Float64Array.from(c.then, (r) => (cumulative += r.p)),
    };
    state.queue.consumers.push(state);
    return state;
  });

  const producers: ProducerState[] = scenario.producers.map((p, index) => ({
    index,
    id: p.id,
    rng: stream(p.id),
    targets: p.to.map(queue),
    balance: p.balance,
    nextTarget: 0,
    interarrival: p.interarrival === null ? null : makeDistribution(p.interarrival),
    x0: p.rate?.x0 ?? 0,
    amplitudes: Float64Array.from(p.rate?.terms ?? [], (t) => t.amplitude),
    rates: Float64Array.from(p.rate?.terms ?? [], (t) => t.rate),
    priority: typeof p.priority === 'number' ? p.priority : 0,
    priorityDist: typeof p.priority === 'number' ? null : makeDistribution(p.priority),
    start: p.start,
    stop: p.stop ?? Infinity,
    limit: p.limit ?? Infinity,
    sent: 0,
  }));

  return { producers, queues, consumers };
}
