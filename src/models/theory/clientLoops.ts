// Closed-loop producers (replies "sync"): N clients that each send, wait, think and send again.
// One loop around one queue is solved exactly (closed.ts); anything else gets a reason and the
// asymptotic throughput bound X <= min(N / (Z + D), capacity / V) so that the rest of the
// network still has a rate to work with.
import { makeDistribution } from '../../sim/random/distributions';
import type { Producer, Scenario } from '../../sim/scenario/types';
import { type ClosedResult, MAX_CLIENTS, closedQueue } from './closed';
import { fmt } from './format';
import type { ServiceGroup } from './groups';
import type { Match } from './match';
import { type Regime, producerStream } from './streams';
import { transportTheory } from './transport';
import { pow } from '../../sim/math/index.ts';

/** The analysis of one closed-loop producer. */
export interface ClientLoop {
  producer: string;
  /** The queue its clients send to (the first target). */
  queue: string;
  /** X, cycles (messages sent) per second: exact with a result, else an upper bound. */
  rate: number;
  /** Messages per second that reach the queue: X times the transport's delivered fraction. */
  arrivals: number;
  clients: number;
  /** Mean think time. */
  think: number;
  result: ClosedResult | null;
  /** Why there is no result, else null. */
  reason: string | null;
  regime: Regime;
  notes: string[];
  /** N / X - think (response-time law): mean time from a send to the client being free again,
   *  over every send (lost ones included); null without a result. */
  responseTime: number | null;
  /** Mean produced -> reply received (or handled) of the messages that complete; null without a result. */
  endToEnd: number | null;
  /** Fraction of the messages reaching the queue that complete (acked: auto-ack failures and
   *  dead letters do not). */
  completedFraction: number;
}

/** Mean deliveries of a message that completes, failures requeued at once: sum_j j f^(j-1) (1-f) / (1-f^m). */
function deliveriesIfCompleted(f: number, m: number | null): number {
  if (f === 0) return 1;
  if (m === null) return 1 / (1 - f);
  return (1 - (m + 1) * pow(f, m) + m * pow(f, m + 1)) / ((1 - f) * (1 - pow(f, m)));
}

/** Why this loop has no exact model here, or null. */
function whyNot(scenario: Scenario, p: Producer, group: ServiceGroup): string | null {
  const id = p.to[0];
  const queue = scenario.queues.find((q) => q.id === id)!;
  const consumers = scenario.consumers.filter((c) => c.from === id);
  if (p.to.length > 1) return `its clients balance over several queues (${p.to.join(', ')})`;
  if (scenario.producers.some((o) => o !== p && o.to.includes(id))) return `queue ${id} also receives other producers' messages (open and closed traffic mixed)`;
  const routedIn = scenario.consumers.some(
    (c) => c.then.some((r) => r.to === id) || (c.ack.mode === 'manual' && c.ack.deadLetter === id),
  );
  if (routedIn) return `queue ${id} also receives messages routed from queues`;
  if (group.kind === 'none') return `queue ${id} has no consumers: the clients wait for ever`;
  if (group.kind === 'mixed') return `queue ${id} is served by consumer groups with different services`;
  if (!group.sameBehaviour) return `the consumer groups of queue ${id} handle, fetch or ack differently`;
  if (consumers.some((c) => c.then.length > 0)) return 'the loop runs through more than one queue';
  if (queue.ttl !== null) return `messages expire after ttl = ${queue.ttl} s`;
  const b = group.behaviour;
  const held = consumers.reduce((s, c) => s + c.count * c.prefetch, 0);
  if (queue.capacity !== null && queue.capacity + held < p.clients) return `queue ${id} can reject messages (capacity ${queue.capacity})`;
  if (typeof p.priority !== 'number' && p.priority.dist !== 'deterministic') return 'its messages have several priorities';
  if (b.outages.length > 0 || b.failures !== null) return 'the consumers have outages or failures';
  if (b.autoscale !== null) return 'the consumers autoscale: the number of servers changes with the load';
  if (b.slowdowns.length > 0) return 'the consumers have slowdown windows';
  if (p.timeout !== null) {
    return `its clients stop waiting after ${p.timeout} s${p.retry === null ? '' : ' and retry'}: abandoned messages stay in the queue`;
  }
  if (b.fetch.mode === 'poll') return 'the consumers poll';
  const ack = b.ack;
  if (ack.mode === 'manual') {
    if (ack.loss > 0) return 'acks are lost (the redeliveries are timed, or never come)';
    if (b.retries.timeoutProbability > 0 || (ack.failure > 0 && ack.visibilityTimeout !== null)) return 'redeliveries wait for a visibility timeout';
    if (ack.failure > 0 && ack.deadLetter !== null) return `dead letters leave the loop for queue ${ack.deadLetter}`;
  }
  if (!Number.isFinite(group.meanService)) return 'the service time has an infinite mean';
  if (b.ps) {
    if (group.servers > 1) return 'processor sharing on several servers has no product form here';
    if (!group.exponential && b.concurrency < p.clients)
      return `processor sharing limited to ${b.concurrency} < ${p.clients} messages with non-exponential service`;
  } else {
    if (!group.exponential) return 'FCFS service that is not exponential has no product form (no exact MVA)';
    if (b.prefetch > b.concurrency && group.servers > 1) return 'messages may wait in one server\'s prefetch buffer while another is idle';
  }
  if (p.clients > MAX_CLIENTS) return `more than ${MAX_CLIENTS} clients`;
  return null;
}

function analyse(scenario: Scenario, p: Producer, group: ServiceGroup): ClientLoop {
  const think = p.think === null ? 0 : makeDistribution(p.think).mean;
  const transport = transportTheory(p.transport);
  const v = transport.delivered;
  const { regime, notes } = producerStream(p, scenario.horizon);
  const consumers = scenario.consumers.filter((c) => c.from === p.to[0]);
  const count = consumers.reduce((s, c) => s + c.count, 0);
  const reply = count > 0 ? consumers.reduce((s, c) => s + (c.count / count) * (c.reply === null ? 0 : makeDistribution(c.reply).mean), 0) : 0;
  const base = { producer: p.id, queue: p.to[0], clients: p.clients, think, regime, notes };
  const why = Number.isFinite(think) && Number.isFinite(transport.meanDelay) && Number.isFinite(reply)
    ? whyNot(scenario, p, group)
    : 'a think, transit or reply time has an infinite mean';
  if (why !== null || group.kind !== 'pooled') {
    // Asymptotic bounds (Denning & Buzen 1978): X <= N / (Z + D) and X <= capacity / V.
    const visits = v * (group.kind === 'none' ? 1 : group.deliveries);
    const fastest = consumers.reduce((m, c) => Math.min(m, makeDistribution(c.service).mean), Infinity);
    const capacity = group.kind === 'none' ? 0 : group.capacity;
    const cycle = think + v * transport.meanDelay + visits * fastest;
    const X = Math.min(Number.isFinite(cycle) && cycle > 0 ? p.clients / cycle : 0, visits > 0 ? capacity / visits : Infinity);
    const rate = Number.isFinite(X) ? X : 0;
    const completedFraction = group.kind === 'pooled' ? group.behaviour.retries.completedFraction : 1;
    return { ...base, rate, arrivals: rate * v, result: null, reason: why ?? 'no model', responseTime: null, endToEnd: null, completedFraction };
  }
  const b = group.behaviour;
  const D = b.retries.deliveriesPerMessage ?? 1;
  const completed = b.retries.completedFraction;
  const result = closedQueue({
    clients: p.clients,
    delay: think + v * (transport.meanDelay + completed * reply),
    visits: v * D,
    meanService: group.meanService,
    serviceScv: group.serviceScv,
    units: b.ps ? 1 : group.units,
    held: b.ps ? b.prefetch : group.servers === 1 ? b.prefetch : group.units,
    ps: b.ps,
  });
  const X = result.cycleRate;
  const f = b.ack.failure;
  const m = b.ack.mode === 'manual' ? b.ack.maxDeliveries : 1;
  const perMessage = b.ack.mode === 'manual' ? deliveriesIfCompleted(f, m) : 1;
  return {
    ...base,
    rate: X,
    arrivals: X * v,
    result,
    reason: null,
    responseTime: p.clients / X - think,
    endToEnd: completed > 0 ? transport.meanDelay + perMessage * result.W! + reply : null,
    completedFraction: completed,
  };
}

/** Every closed-loop producer, by id. `groups` are the service groups in scenario.queues order. */
export function clientLoops(scenario: Scenario, groups: ServiceGroup[]): Map<string, ClientLoop> {
  const loops = new Map<string, ClientLoop>();
  for (const p of scenario.producers) {
    if (p.replies !== 'sync') continue;
    const i = scenario.queues.findIndex((q) => q.id === p.to[0]);
    loops.set(p.id, analyse(scenario, p, groups[i]));
  }
  return loops;
}

/** The match of a queue that a closed loop sends to. */
export function loopMatch(loop: ClientLoop): Match {
  if (loop.result === null) {
    return {
      reason: `queue ${loop.queue}: the closed loop of producer ${loop.producer} (${loop.clients} clients): ${loop.reason}; no closed form here (throughput at most ${fmt(loop.rate)}/s)`,
      notes: loop.notes,
    };
  }
  const r = loop.result;
  const notes = [
    ...loop.notes,
    `closed loop of ${r.clients} clients (think ${fmt(loop.think)} s, other delays ${fmt(r.delay - loop.think)} s per cycle): throughput X = ${fmt(r.cycleRate)}/s, response time N/X - Z = ${fmt(loop.responseTime!)} s`,
  ];
  if (r.visits !== 1) notes.push(`${fmt(r.visits)} visits to the queue per message sent (failed handlings requeued, or lost in transit)`);
  return { result: r, notes };
}
