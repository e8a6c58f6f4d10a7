// The consumers of each queue seen as one group of servers, and the queue-to-queue routing
// their `then` lists imply. Shared by offered.ts and scenario.ts.
import { makeDistribution } from '../../sim/random/distributions';
import type { Consumer, DistSpec, Scenario } from '../../sim/scenario/types';
import { type Behaviour, behaviourOf, groupCapacity, sameBehaviour } from './behaviour';

/** The consumers of one queue. */
export type ServiceGroup =
  | {
      /** All consumers of the queue have the same service distribution: one pool of servers. */
      kind: 'pooled';
      consumers: string[];
      servers: number;
      service: DistSpec;
      meanService: number;
      serviceScv: number;
      /** Exponential service (the M in M/M/c). */
      exponential: boolean;
      /** Routing of messages entering the queue: queue id -> probability, counting only those
       *  that complete (acked) and dead letters; the rest leaves or is lost. */
      routes: Map<string, number>;
      /** Several groups with different `then`: routes mixed in proportion to servers. */
      mixedRoutes: boolean;
      /** Parallel service channels: sum of count x channels (concurrency at full speed). */
      units: number;
      /** The first group's behaviour; the model's if sameBehaviour. */
      behaviour: Behaviour;
      /** Every group handles, fetches and acks alike (counts, replies, routes may differ). */
      sameBehaviour: boolean;
      /** Service rate with every channel busy: sum of count x channels x availability / E[S]. */
      capacity: number;
      /** Mean deliveries per message (redeliveries included), weighted by capacity. */
      deliveries: number;
    }
  | {
      /** Consumers with different services: no pooled model. */
      kind: 'mixed';
      consumers: string[];
      servers: number;
      /** Total service rate, sum of count x channels x availability / E[S]. */
      capacity: number;
      routes: Map<string, number>;
      deliveries: number;
    }
  | { kind: 'none'; servers: 0 };

/** Is this distribution exactly exponential (whatever it is called)? */
export function isExponential(spec: DistSpec): boolean {
  switch (spec.dist) {
    case 'exponential':
      return true;
    case 'erlang':
      return spec.k === 1;
    case 'gamma':
    case 'weibull':
      return spec.shape === 1;
    case 'hyperexponential':
      return spec.rates.every((r, i) => r === spec.rates[0] || spec.probs[i] === 0);
    default:
      return false;
  }
}

/** Same distribution, compared by value. */
function sameSpec(a: DistSpec, b: DistSpec): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * queue id -> probability, merging repeated targets and weighting each consumer by `weight`:
 * a message completes with the group's completedFraction and then follows `then`; it is
 * dead-lettered with deadLetterFraction (into `deadLetter`, if that is a queue).
 */
function mixRoutes(consumers: Consumer[], behaviours: Behaviour[], weight: (c: Consumer) => number): Map<string, number> {
  const total = consumers.reduce((s, c) => s + weight(c), 0);
  const routes = new Map<string, number>();
  const add = (to: string, p: number) => {
    if (p > 0) routes.set(to, (routes.get(to) ?? 0) + p);
  };
  consumers.forEach((c, i) => {
    const share = total > 0 ? weight(c) / total : 1 / consumers.length;
    const { completedFraction, deadLetterFraction } = behaviours[i].retries;
    for (const { to, p } of c.then) add(to, share * completedFraction * p);
    if (c.ack.mode === 'manual' && c.ack.deadLetter !== null) add(c.ack.deadLetter, share * deadLetterFraction);
  });
  // Probabilities summed in floating point may exceed 1 by a rounding error.
  const sum = [...routes.values()].reduce((s, p) => s + p, 0);
  if (sum > 1) for (const [to, p] of routes) routes.set(to, p / sum);
  return routes;
}

/** The consumers of queue `queueId` as one group. */
export function serviceGroup(scenario: Scenario, queueId: string): ServiceGroup {
  const consumers = scenario.consumers.filter((c) => c.from === queueId);
  if (consumers.length === 0) return { kind: 'none', servers: 0 };
  const servers = consumers.reduce((s, c) => s + c.count, 0);
  const ids = consumers.map((c) => c.id);
  const first = consumers[0];
  const behaviours = consumers.map((c) => behaviourOf(c, scenario.horizon));
  const capacities = consumers.map((c, i) => groupCapacity(c, behaviours[i]));
  const capacity = capacities.reduce((s, x) => s + x, 0);
  // Under saturation each group handles in proportion to its service rate.
  const deliveries =
    capacity > 0
      ? behaviours.reduce((s, b, i) => s + (capacities[i] > 0 ? (capacities[i] / capacity) * b.deliveries : 0), 0)
      : behaviours[0].deliveries;
  if (consumers.every((c) => sameSpec(c.service, first.service))) {
    const dist = makeDistribution(first.service);
    const sameThen = consumers.every((c) => JSON.stringify(c.then) === JSON.stringify(first.then));
    return {
      kind: 'pooled',
      consumers: ids,
      servers,
      service: first.service,
      meanService: dist.mean,
      serviceScv: dist.scv,
      exponential: isExponential(first.service),
      // Identical channels share the work equally: each group handles its share of the channels.
      routes: mixRoutes(consumers, behaviours, (c) => c.count * behaviours[consumers.indexOf(c)].channels),
      mixedRoutes: !sameThen,
      units: consumers.reduce((s, c, i) => s + c.count * behaviours[i].channels, 0),
      behaviour: behaviours[0],
      sameBehaviour: consumers.every((c) => sameBehaviour(c, first)),
      capacity,
      deliveries,
    };
  }
  return {
    kind: 'mixed',
    consumers: ids,
    servers,
    capacity,
    routes: mixRoutes(consumers, behaviours, (c) => capacities[consumers.indexOf(c)]),
    deliveries,
  };
}

/** Total service rate of a group (messages per second when every channel is busy and up). */
export function serviceCapacity(group: ServiceGroup): number {
  return group.kind === 'none' ? 0 : group.capacity;
}

/** routing[i][j] over scenario.queues order: probability a message handled at i goes to j. */
export function routingMatrix(scenario: Scenario, groups: ServiceGroup[]): number[][] {
  const index = new Map(scenario.queues.map((q, i) => [q.id, i]));
  return groups.map((g) => {
    const row = scenario.queues.map(() => 0);
    if (g.kind !== 'none') for (const [to, p] of g.routes) row[index.get(to)!] += p;
    return row;
  });
}
