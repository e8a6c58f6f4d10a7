// What leaves a queue, as the queues downstream see it: rate, variability, class mix.
import { fmt } from './format';
import type { ServiceGroup } from './groups';
import type { Match } from './match';
import type { PriorityResult } from './priority';
import { departureScv } from './qna';
import type { QueueResult } from './result';
import { type Flow, type Stream, isKnown } from './streams';

/** Class mix of a stream leaving a queue: carried rates for a priority queue, else unchanged. */
function classesOut(arrival: Stream, result: QueueResult | PriorityResult): Map<number, number> | null {
  if (!('classes' in result)) return arrival.classes;
  const total = result.classes.reduce((s, k) => s + k.throughput, 0);
  return new Map(result.classes.map((k) => [k.priority, total > 0 ? k.throughput / total : 0]));
}

export type Pooled = Extract<ServiceGroup, { kind: 'pooled' }>;

/**
 * The consumers behave as plain servers whose number in system is the queue's birth-death chain:
 * one behaviour, no redeliveries, no failures or outages, push, and prefetch buffers only on a
 * single server; processor sharing only on one server.
 */
export function isPlain(g: Pooled): boolean {
  const b = g.behaviour;
  return (
    g.sameBehaviour &&
    g.deliveries === 1 &&
    b.availability === 1 &&
    b.outages.length === 0 &&
    b.fetch.mode === 'push' &&
    (b.prefetch === b.concurrency || g.servers === 1) &&
    (!b.ps || g.servers === 1)
  );
}

/** Departures of a queue with no feedback, as seen downstream; null when nothing leaves. */
export function departures(id: string, group: ServiceGroup, arrival: Flow, match: Match): Flow | null {
  if (group.kind === 'none') return null;
  if (isKnown(arrival) && arrival.rate === 0) return null;
  if ('reason' in match || !isKnown(arrival) || group.kind !== 'pooled') {
    return { unknown: `its arrivals come through queue ${id}, which has no model` };
  }
  const r = match.result;
  // Burke (1956), Oper. Res. 4, 699-704: a stable M/M/c sends out a Poisson stream; so do c
  // always-busy exponential servers (and an M/M/1-PS: the same birth-death chain). Otherwise
  // QNA's two-moment approximation. Redeliveries: each message leaves once, rate / deliveries.
  const plain = isPlain(group);
  const poisson = plain && group.exponential && (r.stable ? arrival.poisson && r.capacity === null : true);
  const notes = [...arrival.notes];
  if (!r.stable)
    notes.push(`queue ${id} is unstable: downstream receives only its service capacity, ${fmt(r.throughput / group.deliveries)}/s`);
  if (!plain) notes.push(`queue ${id}: its departures are approximated by their rate and a two-moment (QNA) variability`);
  return {
    ...arrival,
    rate: r.throughput / group.deliveries,
    poisson,
    renewal: poisson,
    scv: poisson ? 1 : departureScv(arrival.scv, group.serviceScv, r.utilization, group.units),
    classes: classesOut(arrival, r),
    notes,
    internal: true,
    viaPriority: arrival.viaPriority || 'classes' in r,
  };
}

