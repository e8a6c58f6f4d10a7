// How a consumer group takes and handles messages, reduced to what the models need: parallel
// channels, processor sharing, prefetch, fetching, retries, availability, outages, replies.
import { makeDistribution } from '../../sim/random/distributions';
import type { Ack, Autoscale, Consumer, Fetch } from '../../sim/scenario/types';
import { pct } from './format';
import { type RetryTheory, retryTheory } from './retries';

/** Redelivery probabilities below this are treated as none (e.g. exp(-30) for a 30 s timeout). */
export const NEGLIGIBLE_RETRY = 1e-9;

export interface Behaviour {
  /** Messages one server handles in parallel at full speed: `concurrency` for async handling
   *  without sharing, else 1 (a processor-sharing server is one server). */
  channels: number;
  /** Processor sharing among up to `concurrency` > 1 messages (shared: true). */
  ps: boolean;
  /** Messages a server handles at once: min(concurrency, prefetch). */
  concurrency: number;
  /** Messages a server holds (in handling or in its buffer), >= concurrency. */
  prefetch: number;
  fetch: Fetch;
  ack: Ack;
  retries: RetryTheory;
  /** Mean deliveries per message entering the queue (Infinity: for ever); 1 when negligible. */
  deliveries: number;
  /** E[up] / (E[up] + E[down]) of the failure-repair process (renewal-reward); 1 without one. */
  availability: number;
  /** Means of the failure-repair process and E[repair^2], or null. */
  failures: { mtbf: number; mttr: number; mttrSecond: number } | null;
  /** Fixed outage windows that begin before the horizon. */
  outages: { start: number; end: number }[];
  /** Mean reply delay (0 without replies; Infinity if it has no mean). */
  reply: number;
  /** The count changes over time: an autoscaling policy, slowdown windows. */
  autoscale: Autoscale | null;
  slowdowns: { start: number; end: number; factor: number }[];
}

export function behaviourOf(c: Consumer, horizon: number): Behaviour {
  const retries = retryTheory(c.ack, c.service);
  const D = retries.deliveriesPerMessage;
  const repair = c.failures === null ? null : makeDistribution(c.failures.mttr);
  const failures =
    c.failures === null || repair === null
      ? null
      : { mtbf: makeDistribution(c.failures.mtbf).mean, mttr: repair.mean, mttrSecond: repair.variance + repair.mean * repair.mean };
  // A server never handles more than it holds: prefetch < concurrency caps the concurrency.
  const k = Math.min(c.concurrency, c.prefetch);
  const ps = c.shared && k > 1;
  return {
    channels: ps ? 1 : k,
    ps,
    concurrency: k,
    prefetch: c.prefetch,
    fetch: c.fetch,
    ack: c.ack,
    retries,
    deliveries: D === null ? Infinity : retries.redeliveryProbability < NEGLIGIBLE_RETRY ? 1 : D,
    availability: failures === null ? 1 : failures.mtbf / (failures.mtbf + failures.mttr),
    failures,
    outages: c.outages.filter((w) => w.start < horizon),
    reply: c.reply === null ? 0 : makeDistribution(c.reply).mean,
    autoscale: c.autoscale,
    slowdowns: c.slowdowns.filter((w) => w.start < horizon),
  };
}

/** Same handling, fetching, acks, prefetch, failures and outages (count, reply and then may differ). */
export function sameBehaviour(a: Consumer, b: Consumer): boolean {
  const key = (c: Consumer) =>
    JSON.stringify([c.handling, c.concurrency, c.shared, c.prefetch, c.fetch, c.ack, c.outages, c.failures, c.autoscale, c.slowdowns]);
  return key(a) === key(b);
}

/** Service rate of a group when every server is busy: count (an autoscaled group's max) x
 *  channels x availability / E[S]. */
export function groupCapacity(c: Consumer, b: Behaviour): number {
  return ((c.autoscale?.max ?? c.count) * b.channels * b.availability) / makeDistribution(c.service).mean;
}

/** "failures 1%, ack loss 0.1%, visibility timeout 30 s, at most 5 deliveries" (for notes). */
export function describeAck(ack: Ack): string {
  if (ack.mode === 'auto') return `auto ack, handler failures ${pct(ack.failure)}`;
  const parts = ['manual ack'];
  if (ack.failure > 0) parts.push(`handler failures ${pct(ack.failure)}`);
  if (ack.loss > 0) parts.push(`ack loss ${pct(ack.loss)}`);
  parts.push(ack.visibilityTimeout === null ? 'no visibility timeout' : `visibility timeout ${ack.visibilityTimeout} s`);
  if (ack.maxDeliveries !== null) parts.push(`at most ${ack.maxDeliveries} deliveries`);
  return parts.join(', ');
}
