// Arrival streams as the matcher sees them: rate, interarrival scv, whether Poisson, priority
// class mix, and how far the scenario is from a steady state. Built from producers, then
// merged, split and passed through queues (scenario.ts).
import { makeDistribution } from '../../sim/random/distributions';
import type { Producer } from '../../sim/scenario/types';
import { isExponential } from './groups';
import { bernoulliSplitScv, roundRobinScv, superpositionScv } from './qna';
import { throughTransport } from './transport';

/**
 * How a steady-state number relates to the scenario:
 * 'steady'       arrivals are stationary: the long run of the run is that steady state;
 * 'long-run'     a time-varying rate: the numbers are the t -> infinity limit at lambda = x0;
 * 'while-active' a producer stops (stop < horizon, or a message limit): the numbers are the
 *                steady state at its rate while it is active, only approached if that is long.
 */
export type Regime = 'steady' | 'long-run' | 'while-active';

const REGIME_ORDER: Regime[] = ['steady', 'long-run', 'while-active'];

export interface Stream {
  /** Long-run rate, messages per second. */
  rate: number;
  /** Squared coefficient of variation of interarrival times (two-moment approximation). */
  scv: number;
  poisson: boolean;
  /** Independent, identically distributed interarrival times. */
  renewal: boolean;
  /** Priority value -> share of the rate; null for a continuous or unknown mix. */
  classes: Map<number, number> | null;
  regime: Regime;
  /** Caveats to repeat wherever this stream arrives. */
  notes: string[];
  /** Why arrivals depend on queue lengths (shortest / two-choices balancing), else null. */
  loadDependent: string | null;
  /** Some of it arrived through another queue. */
  internal: boolean;
  /** Some of it passed a priority queue with several classes (class marks no longer independent). */
  viaPriority: boolean;
}

/** A stream, or the reason nothing can be said about it. */
export type Flow = Stream | { unknown: string };

export const isKnown = (f: Flow): f is Stream => !('unknown' in f);

/** Priority value -> share of a producer's messages; null for a continuous distribution. */
export function classesOf(priority: Producer['priority']): Map<number, number> | null {
  if (typeof priority === 'number') return new Map([[priority, 1]]);
  if (priority.dist === 'deterministic') return new Map([[priority.value, 1]]);
  if (priority.dist === 'empirical') {
    const shares = new Map<number, number>();
    for (const v of priority.values) shares.set(v, (shares.get(v) ?? 0) + 1 / priority.values.length);
    return shares;
  }
  return null;
}

/**
 * Long-run send rate of an open-loop producer: 1 / E[interarrival], or x0 (+ any non-decaying
 * term). 0 for a closed loop (replies "sync"), whose rate depends on the queue: see clientLoops.
 */
export function producerRate(p: Producer): number {
  if (p.rate !== null) {
    return p.rate.x0 + p.rate.terms.reduce((s, k) => s + (k.rate === 0 ? k.amplitude : 0), 0);
  }
  if (p.interarrival === null) return 0;
  const mean = makeDistribution(p.interarrival).mean;
  return mean === Infinity ? 0 : 1 / mean;
}

/** The whole output of one producer (before it is divided among its targets). */
export function producerStream(p: Producer, horizon: number): Stream {
  const notes: string[] = [];
  const rate = producerRate(p);
  let regime: Regime = 'steady';
  let scv = 1;
  let poisson = true;
  if (p.interarrival !== null) {
    scv = makeDistribution(p.interarrival).scv;
    poisson = isExponential(p.interarrival);
  } else if (p.rate !== null && p.rate.terms.some((k) => k.amplitude !== 0 && k.rate > 0)) {
    regime = 'long-run';
    notes.push(
      `producer ${p.id} has a time-varying rate: steady state at its long-run rate x0 = ${rate}; the run starts in a transient`,
    );
  }
  const stops = p.stop !== null && p.stop < horizon;
  if (stops || p.limit !== null) {
    regime = 'while-active';
    const until = [stops ? `until t = ${p.stop}` : '', p.limit !== null ? `at most ${p.limit} messages` : '']
      .filter((s) => s !== '')
      .join(' and ');
    notes.push(
      `producer ${p.id} sends only ${until}: the numbers are the steady state at its rate while active, which the queue approaches only if that lasts long`,
    );
  }
  if (p.start > 0)
    notes.push(`producer ${p.id} starts at t = ${p.start}: the steady state describes the time after that`);
  if (p.timeout !== null && p.retry === null)
    notes.push(`producer ${p.id} stops waiting after ${p.timeout} s: the queue is unchanged, replies later than that are wasted work`);
  return {
    rate,
    scv,
    poisson,
    renewal: true,
    classes: classesOf(p.priority),
    regime,
    notes,
    // A client that retries on timeout sends more when waits are long: a feedback from the queue.
    loadDependent: p.retry === null ? null : `producer ${p.id} retries requests that time out, so it sends more when waits grow`,
    internal: false,
    viaPriority: false,
  };
}

/** Each message kept with probability p, independently. */
export function thin(s: Stream, p: number): Stream {
  return { ...s, rate: s.rate * p, scv: s.poisson ? 1 : bernoulliSplitScv(s.scv, p) };
}

/** What each target of a producer receives: queue id -> stream (targets may repeat). */
export function producerTargets(p: Producer, horizon: number): [string, Stream][] {
  const whole = producerStream(p, horizon);
  // The engine picks the queue first, then the transport may lose the message on the way.
  const via = (s: Stream) => throughTransport(s, p.transport, p.id);
  const k = p.to.length;
  if (k === 1) return [[p.to[0], via(whole)]];
  const share = (): Stream => {
    switch (p.balance) {
      case 'random':
        return thin(whole, 1 / k);
      case 'round-robin':
        return {
          ...whole,
          rate: whole.rate / k,
          scv: roundRobinScv(whole.scv, k),
          poisson: false,
          notes: [
            ...whole.notes,
            `producer ${p.id} sends round-robin over ${k} queues: each gets every ${k}-th message, not a Poisson stream`,
          ],
        };
      default:
        return {
          ...whole,
          rate: whole.rate / k,
          loadDependent: `producer ${p.id} balances by "${p.balance}" over ${p.to.join(', ')}: arrivals depend on the queue lengths`,
        };
    }
  };
  return p.to.map((to) => [to, via(share())]);
}

/** Several streams into one queue. Unknown if any is; rate 0 if there are none. */
export function merge(flows: Flow[]): Flow {
  const unknown = flows.find((f) => !isKnown(f));
  if (unknown) return unknown;
  const streams = flows.filter(isKnown);
  const active = streams.filter((s) => s.rate > 0);
  const rate = active.reduce((s, x) => s + x.rate, 0);
  const poisson = active.every((s) => s.poisson);
  let classes: Map<number, number> | null = new Map();
  for (const s of active) {
    if (s.classes === null || classes === null) {
      classes = null;
      continue;
    }
    for (const [v, share] of s.classes) classes.set(v, (classes.get(v) ?? 0) + (share * s.rate) / rate);
  }
  const regime = REGIME_ORDER[Math.max(0, ...streams.map((s) => REGIME_ORDER.indexOf(s.regime)))];
  return {
    rate,
    scv: poisson ? 1 : superpositionScv(active),
    poisson,
    renewal: poisson || (active.length === 1 && active[0].renewal),
    classes,
    regime,
    notes: [...new Set(streams.flatMap((s) => s.notes))],
    loadDependent: active.find((s) => s.loadDependent !== null)?.loadDependent ?? null,
    internal: active.some((s) => s.internal),
    viaPriority: active.some((s) => s.viaPriority),
  };
}
