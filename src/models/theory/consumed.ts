// The model of one queue, given how its consumers take and handle messages: matchQueue's model
// with the channels of async handling, processor sharing, prefetch buffers, redeliveries,
// failures and polling folded in, each either exactly or labelled approximate with a note.
import type { Queue } from '../../sim/scenario/types';
import { type Behaviour, describeAck } from './behaviour';
import type { ServiceGroup } from './groups';
import { type Match, matchQueue } from './match';
import { mmc } from './mmc';
import { pollingDelay } from './polling';
import type { PriorityResult } from './priority';
import { mg1ps } from './ps';
import type { QueueResult } from './result';
import { fmt, pct } from './format';
import { type Flow, type Stream, isKnown } from './streams';
import { pow } from '../../sim/math/index.ts';

type Pooled = Extract<ServiceGroup, { kind: 'pooled' }>;
type Result = QueueResult | PriorityResult;

/** Limited processor sharing with non-exponential service: no model once the limit binds this often. */
const LIMIT_BINDS = 0.01;

/** Models whose number in system is a birth-death chain with geometric tail rho^n above the servers. */
const GEOMETRIC_TAIL = new Set(['M/M/1', 'M/M/c']);

/** The outage notes: a fluid picture of each window (at most three). */
function outageNotes(id: string, b: Behaviour, lambda: number, capacity: number): string[] {
  return b.outages.slice(0, 3).map((w) => {
    const d = w.end - w.start;
    const pile = lambda * d;
    const drain = capacity > lambda ? ` and drain in about ${fmt(pile / (capacity - lambda))} s` : ', and never drain (load >= 1)';
    return `queue ${id}: during the outage [${w.start}, ${w.end}] s about ${fmt(pile)} messages pile up${drain}`;
  });
}

/** Adds `delay` to every wait (and, by Little, to Lq and L) of a result and its classes. */
function addWait(r: Result, delay: number): Result {
  const plus = (x: number | null, by: number) => (x === null ? null : x + by);
  const out = {
    ...r,
    pWait: null,
    W: plus(r.W, delay),
    Wq: plus(r.Wq, delay),
    L: plus(r.L, r.throughput * delay),
    Lq: plus(r.Lq, r.throughput * delay),
  };
  if (!('classes' in r)) return out;
  const classes = r.classes.map((k) => ({
    ...k,
    W: plus(k.W, delay),
    Wq: plus(k.Wq, delay),
    L: plus(k.L, k.throughput * delay),
    Lq: plus(k.Lq, k.throughput * delay),
  }));
  return { ...out, classes };
}

/**
 * Prefetch buffers: messages held by a server beyond those in handling are in flight, not
 * queued. One server: the number in system is unchanged (the buffer extends the line), so L and
 * W stay; with a geometric tail (M/M/c), Lq = E[(n - held)^+] = Lq rho^(held - c), exactly;
 * other models get the same factor as an approximation. Bounded queues: the line is unknown.
 */
function shiftForPrefetch(r: QueueResult, units: number, held: number): QueueResult {
  if (held === units || r.Lq === null) return r;
  if (r.capacity !== null || !r.stable) return { ...r, Lq: null, Wq: null, pWait: null };
  const factor = pow(r.load, held - units);
  const Lq = r.Lq * factor;
  const geometric = GEOMETRIC_TAIL.has(r.model);
  return {
    ...r,
    exact: r.exact && geometric,
    Lq,
    Wq: r.lambda > 0 ? Lq / r.lambda : 0,
    pWait: geometric && r.pWait !== null ? r.pWait * factor : null,
  };
}

interface Breakdowns {
  /** The group the model is solved with. */
  group: Pooled;
  /** Extra wait, given the model's result. */
  extra: (r: Result) => number;
  how: string;
}

/**
 * Failures of the whole group (up ~ mtbf, down ~ mttr, availability A = E[up] / E[cycle]).
 * One FCFS server: a handling of length S is stretched by the repairs of the failures during it,
 * C = S + the repairs of N(S) ~ Poisson(S / mtbf) failures, E[C] = E[S] / A,
 * E[C^2] = E[S^2] / A^2 + E[S] E[R^2] / mtbf (Gaver (1962), J. R. Stat. Soc. B 24(1), 73-90,
 * preemptive-resume), and a message that finds the server free but down (about 1 - A of those)
 * waits the rest of the repair, E[R^2] / (2 E[R]).
 * Several servers (all down together), or processor sharing: a fluid approximation, each repair
 * R piles up lambda R messages that drain at c mu - lambda, so the mean wait grows by
 * E[R^2] / (2 E[cycle] (1 - rho)).
 */
function breakdowns(group: Pooled, b: Behaviour): Breakdowns {
  const f = b.failures!;
  const A = b.availability;
  const m = group.meanService;
  if (group.units === 1 && !b.ps) {
    const meanC = m / A;
    const secondC = (m * m * (1 + group.serviceScv)) / (A * A) + (m * f.mttrSecond) / f.mtbf;
    const scv = Math.max(0, secondC / (meanC * meanC) - 1);
    return {
      group: { ...group, meanService: meanC, serviceScv: scv, exponential: false },
      extra: (r) => (1 - (r.pWait ?? r.utilization)) * (1 - A) * (f.mttrSecond / (2 * f.mttr)),
      how: `each handling stretched by the repairs that interrupt it (completion time: mean ${fmt(meanC)} s, scv ${fmt(scv)}), plus the rest of a repair for messages that find the server down`,
    };
  }
  const cycle = f.mtbf + f.mttr;
  return {
    group,
    extra: (r) => f.mttrSecond / (2 * cycle * (1 - r.load)),
    how: 'each repair piles up the messages that arrive during it, which then drain at the spare capacity (fluid approximation)',
  };
}

/** Processor sharing (shared: true, concurrency > 1): M/G/1-PS, or balanced M/M/c for several servers. */
function sharing(queue: Queue, group: Pooled, b: Behaviour, arrival: Stream, meanService: number): Match {
  const notes = [...arrival.notes];
  const reason = (text: string): Match => ({ reason: `queue ${queue.id}: ${text}`, notes });
  if (queue.capacity !== null) return reason('processor sharing with a bounded queue has no closed form here');
  if (queue.ttl !== null) return reason(`messages expire after ttl = ${queue.ttl} s (abandonment): no model here`);
  if (queue.discipline === 'priority' && (arrival.classes === null || arrival.classes.size > 1))
    return reason('priorities with processor sharing have no closed form here');
  if (!arrival.poisson) return reason('processor sharing with non-Poisson arrivals has no closed form here');
  if (arrival.loadDependent !== null) return reason(`${arrival.loadDependent}; no closed form`);
  if (!Number.isFinite(meanService)) return reason('the service time has an infinite mean');
  const c = group.servers;
  if (c === 1) {
    const r = mg1ps(arrival.rate, meanService, group.serviceScv, group.exponential, b.concurrency, b.prefetch);
    const binds = pow(r.load, b.concurrency + 1);
    if (!group.exponential && r.stable && binds >= LIMIT_BINDS)
      return reason(
        `processor sharing limited to ${b.concurrency} messages with non-exponential service: the limit binds about ${pct(binds)} of the time, and limited PS has no closed form here`,
      );
    if (!group.exponential) {
      notes.push(
        r.exact
          ? `processor sharing: insensitive to the service distribution; the limit of ${b.concurrency} messages binds with probability rho^${b.concurrency + 1} < 1e-9`
          : `processor sharing limited to ${b.concurrency} messages: the insensitive M/G/1-PS figures are approximate (the limit binds about ${pct(binds)} of the time)`,
      );
    }
    return { result: r, notes };
  }
  if (!group.exponential)
    return reason('processor sharing on several servers with non-exponential service has no closed form here');
  notes.push(
    `processor sharing on ${c} servers: M/M/${c} figures, as if the servers stayed balanced (approximate); queue line beyond ${b.prefetch} held per server`,
  );
  const r = mmc(arrival.rate, 1 / meanService, c);
  const Lq = r.Lq === null ? null : r.Lq * pow(r.load, c * (b.prefetch - 1));
  return {
    result: { ...r, exact: false, method: 'M/M/c, balanced processor sharing', Lq, Wq: Lq === null ? null : Lq / arrival.rate, pWait: null },
    notes,
  };
}

/**
 * The model for one queue (see matchQueue), with the consumers' behaviour: async channels
 * (M/M/ck), processor sharing, prefetch, redeliveries (arrival rate x deliveries per message),
 * failures (handlings stretched by repairs), polling (plus the polling delay), outages (none).
 * Anything approximate sets result.exact = false and says why in a note.
 */
export function matchConsumed(queue: Queue, group: ServiceGroup, arrival: Flow): Match {
  if (group.kind !== 'pooled' || !isKnown(arrival)) return matchQueue(queue, group, arrival);
  const id = queue.id;
  const b = group.behaviour;
  const notes: string[] = [];
  const reason = (text: string): Match => ({ reason: `queue ${id}: ${text}`, notes: [...arrival.notes, ...notes] });
  if (!group.sameBehaviour)
    return reason(`its consumer groups (${group.consumers.join(', ')}) handle, fetch or ack differently: no pooled model`);
  if (b.autoscale !== null) {
    const { min, max, metric } = b.autoscale;
    return reason(
      `its consumers autoscale between ${min} and ${max} servers on ${metric}: the count follows the load with delays, so no M/M/c model applies (the count would be part of the state)`,
    );
  }
  if (b.slowdowns.length > 0) return reason('slowdown windows: a transient, not a steady state');
  if (b.outages.length > 0) {
    notes.push(...outageNotes(id, b, arrival.rate * group.deliveries, group.capacity));
    return reason('fixed outage windows: a transient, not a steady state');
  }
  if (!Number.isFinite(group.deliveries)) return reason('every delivery ends in a redelivery: messages are delivered for ever');
  let approximate = false;
  const D = group.deliveries;
  let flow: Stream = arrival;
  if (D > 1) {
    approximate = true;
    flow = { ...arrival, rate: arrival.rate * D };
    notes.push(
      `redeliveries (${describeAck(b.ack)}): ${fmt(D)} deliveries per message, so the queue is solved at ${fmt(D)} x the arrival rate; approximate, redelivered arrivals are not Poisson`,
    );
  } else if (b.ack.mode === 'auto' && b.ack.failure > 0) {
    notes.push(`handler failures lose ${pct(b.ack.failure)} of the messages (auto ack): the queue is unchanged, ${pct(1 - b.ack.failure)} pass on`);
  }
  if (b.retries.timeoutProbability >= 1e-6)
    notes.push(`${pct(b.retries.timeoutProbability)} of handling times outlast the visibility timeout: those messages are delivered again while in handling (duplicates)`);
  const down = b.failures !== null && b.availability < 1 ? breakdowns(group, b) : null;
  if (down !== null) {
    approximate = true;
    const A = b.availability;
    const load = (flow.rate * group.meanService) / (group.units * A);
    if (load >= 1) return reason(`with availability ${pct(A)} the load is ${fmt(load)} (>= 1): no steady state`);
    notes.push(
      `failures (mean up ${fmt(b.failures!.mtbf)} s, down ${fmt(b.failures!.mttr)} s): availability ${pct(A)}; ${down.how}; approximate: a crash loses (auto ack) or redelivers (manual ack) what is held instead of resuming it`,
    );
  }
  const effective: Pooled = down?.group ?? group;
  const match = b.ps ? sharing(queue, effective, b, flow, effective.meanService) : plain(queue, effective, b, flow);
  if (!('result' in match)) return { reason: match.reason, notes: [...match.notes, ...notes] };
  let result: Result = match.result;
  if (down !== null && result.stable) {
    const extra = down.extra(result);
    // The engine counts a server busy only while it handles, not while it is down.
    result = { ...addWait(result, extra), utilization: (flow.rate * group.meanService) / group.units };
  }
  if (b.fetch.mode === 'poll') {
    const { interval, wait } = b.fetch;
    const pd = pollingDelay(flow.rate, group.servers, b.prefetch, b.concurrency, interval, wait);
    const single = ['M/M/1', 'M/G/1', 'M/D/1'].includes(result.model) && result.capacity === null;
    const exact = pd.exact && (pd.delay === 0 || single);
    if (!exact) approximate = true;
    if (pd.delay > 0) {
      result = { ...addWait(result, pd.delay), method: `${result.method} + ${pd.method}`, reference: `${result.reference}; ${pd.reference}` };
      if (exact) result = { ...result, model: 'M/G/1 with polling' };
    }
    notes.push(
      `polling every ${interval} s${wait > 0 ? ` (long poll ${wait} s)` : ''}: ${pd.delay > 0 ? `the wait grows by ${fmt(pd.delay)} s` : 'no added wait'} (${pd.method}${exact ? '' : ', approximate'})`,
    );
  }
  if (approximate) result = { ...result, exact: false };
  return { result, notes: [...match.notes, ...notes] };
}

/** Sync or async (full-speed) handling: matchQueue with count x channels servers, then prefetch. */
function plain(queue: Queue, group: Pooled, b: Behaviour, flow: Stream): Match {
  const notes: string[] = [];
  const units = group.units;
  const held = group.servers * b.prefetch;
  const buffered = b.prefetch > b.concurrency;
  if (buffered && queue.discipline === 'priority' && (flow.classes === null || flow.classes.size > 1)) {
    return {
      reason: `queue ${queue.id}: prefetch ${b.prefetch} > concurrency: messages wait in server buffers in arrival order, so priorities apply only to those still queued: no closed form here`,
      notes: [...flow.notes],
    };
  }
  if (b.channels > 1) notes.push(`async handling: ${group.servers} x ${b.channels} channels at full speed, an ${units}-server queue`);
  const match = matchQueue(queue, { ...group, servers: units }, flow, held);
  if (!('result' in match)) return { reason: match.reason, notes: [...match.notes, ...notes] };
  let result = match.result;
  if (buffered && !('classes' in result)) {
    if (group.servers > 1) {
      result = { ...result, exact: false, Lq: null, Wq: null, pWait: null };
      notes.push(
        `prefetch ${b.prefetch} per server: a message may wait in one server's buffer while another is idle; L and W as if the servers were pooled (optimistic), the queue line unknown`,
      );
    } else {
      const exact = result.exact;
      result = shiftForPrefetch(result, units, held);
      if (result.Lq === null) notes.push(`prefetch ${b.prefetch}: L and W unchanged (the buffer extends the line); the queue line has no closed form here`);
      else if (exact && !result.exact)
        notes.push(`prefetch ${b.prefetch}: L and W exact (the buffer extends the line); the queue line from a geometric tail, Lq x rho^${held - units} (approximate)`);
    }
  }
  return { result, notes: [...match.notes, ...notes] };
}
