import type { Balance, Scenario } from '../scenario/types.ts';
import type { Rng } from '../random/rng.ts';
import { makeDistribution, type Distribution } from '../random/distributions.ts';
import { Deque } from './deque.ts';
import type { MessagePool } from './messagePool.ts';
import { makeWaitingLine, type WaitingLine } from './waitingLine.ts';
import { makeAutoscaler, type Autoscaler } from './autoscaling.ts';
import { UP } from './serverPhase.ts';

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
  /** Renewal arrivals, or null for a time-varying rate or a closed loop. */
  interarrival: Distribution | null;
  /** lambda(t) = x0 + sum amplitudes[i] * exp(-rates[i] * t), for time-varying producers. */
  x0: number;
  amplitudes: Float64Array;
  rates: Float64Array;
  /** Closed loop ('sync' replies): clients, and their think time (null = none). */
  closed: boolean;
  clients: number;
  think: Distribution | null;
  priority: number;
  priorityDist: Distribution | null;
  /** Transport (null = instant): one-way delay, loss per attempt, resend timeout, overhead. */
  transport: null | {
    resend: boolean;
    delay: Distribution;
    loss: number;
    rto: number;
    overhead: Distribution | null;
  };
  start: number;
  stop: number;
  limit: number;
  /** New requests sent (retries not counted). */
  sent: number;
  /** Seconds a client waits for each attempt (Infinity = for ever), and its retry policy. */
  timeout: number;
  retry: Scenario['producers'][number]['retry'];
  /** Retry budget tokens left (Infinity without a budget). */
  tokens: number;
}

export interface QueueState {
  index: number;
  id: string;
  line: WaitingLine;
  capacity: number;
  dropHead: boolean;
  ttl: number;
  preemptive: boolean;
  expiryPending: boolean;
  consumers: ConsumerState[];
  /** Messages of this queue held by servers (in handling or in prefetch buffers). */
  inService: number;
}

/** One server of a consumer group: what it holds, what it handles, how it polls. */
export interface ServerState {
  index: number;
  group: ConsumerState;
  /** Deliveries held (buffered + in handling) <= prefetch. */
  held: number;
  /** Deliveries waiting in its prefetch buffer. */
  buffer: Deque;
  /** Deliveries in handling <= concurrency, and (not shared; only if the group tracksHandling) which ones. */
  handling: number;
  handlingList: number[];
  /** Processor sharing: deliveries in handling, the virtual time and when it last advanced,
   *  and the calendar slot of the next completion. */
  jobs: number[];
  virtualTime: number;
  virtualSince: number;
  completionEvent: number;
  /** Polling: a POLL event is pending; a long poll is open (since `pollStarted`); `pollSerial`
   *  tells stale long-poll timeouts. */
  pollScheduled: boolean;
  longPoll: boolean;
  pollStarted: number;
  pollSerial: number;
  /** Autoscaling (serverPhase.ts): UP for every server of a fixed group. `startSerial` tells a
   *  stale start-up end (the start was cancelled). */
  phase: number;
  startSerial: number;
}

export interface ConsumerState {
  index: number;
  id: string;
  rng: Rng;
  queue: QueueState;
  servers: ServerState[];
  count: number;
  service: Distribution;
  concurrency: number;
  shared: boolean;
  prefetch: number;
  poll: boolean;
  interval: number;
  batch: number;
  wait: number;
  manualAck: boolean;
  failure: number;
  ackLoss: number;
  visibilityTimeout: number;
  maxDeliveries: number;
  deadLetter: QueueState | null;
  reply: Distribution | null;
  /** Reasons the group is down now (fixed windows and the failure process may overlap). */
  down: number;
  outages: { start: number; end: number }[];
  failures: { mtbf: Distribution; mttr: Distribution } | null;
  /** Whether servers list their deliveries in handling: needed only to cancel them at a crash
   *  or a preemption, so other groups skip the bookkeeping. */
  tracksHandling: boolean;
  /** Busy units now: handling deliveries (shared: servers handling any). */
  busy: number;
  /** Units that count as full utilisation: count x concurrency, or count when shared. */
  capacityUnits: number;
  /** Routing: leave to routeTo[i] when u < routeCumulative[i]; otherwise the message leaves. */
  routeTo: QueueState[];
  routeCumulative: Float64Array;
  /** Service times are multiplied by this (1 outside slowdown windows). */
  slowdown: number;
  slowdowns: { start: number; end: number; factor: number }[];
  /** Null for a fixed count; else the policy and its servers not in `servers`. */
  autoscaler: Autoscaler | null;
}

export function compileModel(
  scenario: Scenario,
  pool: MessagePool,
  stream: (componentId: string) => Rng,
): { producers: ProducerState[]; queues: QueueState[]; consumers: ConsumerState[]; servers: ServerState[] } {
  const queues: QueueState[] = scenario.queues.map((q, index) => ({
    index,
    id: q.id,
    line: makeWaitingLine(q.discipline, pool, stream(q.id)),
    capacity: q.capacity ?? Infinity,
    dropHead: q.overflow === 'drop-head',
    ttl: q.ttl ?? Infinity,
    preemptive: q.preemptive,
    expiryPending: false,
    consumers: [],
    inService: 0,
  }));
  const queueById = new Map(queues.map((q) => [q.id, q]));
  const queue = (id: string) => queueById.get(id)!;
  const servers: ServerState[] = [];

  const consumers: ConsumerState[] = scenario.consumers.map((c, index) => {
    let cumulative = 0;
    const ack = c.ack;
    const fetch = c.fetch;
    const state: ConsumerState = {
      index,
      id: c.id,
      rng: stream(c.id),
      queue: queue(c.from),
      servers: [],
      count: c.count,
      service: makeDistribution(c.service),
      concurrency: c.concurrency,
      shared: c.shared,
      prefetch: c.prefetch,
      poll: fetch.mode === 'poll',
      interval: fetch.mode === 'poll' ? fetch.interval : 0,
      batch: fetch.mode === 'poll' ? fetch.batch : 0,
      wait: fetch.mode === 'poll' ? fetch.wait : 0,
      manualAck: ack.mode === 'manual',
      failure: ack.failure,
      ackLoss: ack.mode === 'manual' ? ack.loss : 0,
      visibilityTimeout: ack.mode === 'manual' ? (ack.visibilityTimeout ?? Infinity) : Infinity,
      maxDeliveries: ack.mode === 'manual' ? (ack.maxDeliveries ?? Infinity) : Infinity,
      deadLetter: ack.mode === 'manual' && ack.deadLetter !== null ? queue(ack.deadLetter) : null,
      reply: c.reply === null ? null : makeDistribution(c.reply),
      down: 0,
      outages: c.outages,
      failures: c.failures === null ? null : { mtbf: makeDistribution(c.failures.mtbf), mttr: makeDistribution(c.failures.mttr) },
      tracksHandling: c.outages.length > 0 || c.failures !== null || scenario.queues.some((q) => q.id === c.from && q.preemptive),
      busy: 0,
      capacityUnits: c.shared ? c.count : c.count * c.concurrency,
      routeTo: c.then.map((r) => queue(r.to)),
      routeCumulative: Float64Array.from(c.then, (r) => (cumulative += r.p)),
      slowdown: 1,
      slowdowns: c.slowdowns,
      autoscaler: null,
    };
    for (let i = 0; i < c.count; i++) state.servers.push(newServer(state, servers));
    if (c.autoscale !== null) state.autoscaler = makeAutoscaler(c.autoscale, c.count, () => newServer(state, servers));
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
    closed: p.replies === 'sync',
    clients: p.clients,
    think: p.think === null ? null : makeDistribution(p.think),
    priority: typeof p.priority === 'number' ? p.priority : 0,
    priorityDist: typeof p.priority === 'number' ? null : makeDistribution(p.priority),
    transport:
      p.transport === null
        ? null
        : {
            resend: p.transport.protocol !== 'udp',
            delay: makeDistribution(p.transport.delay),
            loss: p.transport.loss,
            rto: p.transport.rto,
            overhead: p.transport.overhead === null ? null : makeDistribution(p.transport.overhead),
          },
    start: p.start,
    stop: p.stop ?? Infinity,
    limit: p.limit ?? Infinity,
    sent: 0,
    timeout: p.timeout ?? Infinity,
    retry: p.retry,
    tokens: p.retry?.budget?.burst ?? Infinity,
  }));

  return { producers, queues, consumers, servers };
}

/** A new server of group g, numbered after all others (event targets are server numbers). */
function newServer(group: ConsumerState, servers: ServerState[]): ServerState {
  const server: ServerState = {
    index: servers.length,
    group,
    held: 0,
    buffer: new Deque(),
    handling: 0,
    handlingList: [],
    jobs: [],
    virtualTime: 0,
    virtualSince: 0,
    completionEvent: -1,
    pollScheduled: false,
    longPoll: false,
    pollStarted: 0,
    pollSerial: 0,
    phase: UP,
    startSerial: 0,
  };
  servers.push(server);
  return server;
}
