// The consumers of each queue seen as one group of servers, and the queue-to-queue routing
// their `then` lists imply. Shared by offered.ts and scenario.ts.
import { makeDistribution } from '../../sim/random/distributions';
import type { Consumer, DistSpec, Scenario } from '../../sim/scenario/types';

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
      /** Routing of handled messages: queue id -> probability (the rest leaves). */
      routes: Map<string, number>;
      /** Several groups with different `then`: routes mixed in proportion to servers. */
      mixedRoutes: boolean;
    }
  | {
      /** Consumers with different services: no pooled model. */
      kind: 'mixed';
      consumers: string[];
      servers: number;
      /** Total service rate, sum of count / E[S]. */
      capacity: number;
      routes: Map<string, number>;
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

/** queue id -> probability, merging repeated targets and weighting each consumer by `weight`. */
function mixRoutes(consumers: Consumer[], weight: (c: Consumer) => number): Map<string, number> {
  const total = consumers.reduce((s, c) => s + weight(c), 0);
  const routes = new Map<string, number>();
  for (const c of consumers) {
    const share = total > 0 ? weight(c) / total : 1 / consumers.length;
    for (const { to, p } of c.then) routes.set(to, (routes.get(to) ?? 0) + share * p);
  }
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
      // Identical servers share the work equally, so each group handles count / servers of it.
      routes: mixRoutes(consumers, (c) => c.count),
      mixedRoutes: !sameThen,
    };
  }
  const rate = (c: Consumer) => c.count / makeDistribution(c.service).mean;
  // Under saturation each group handles in proportion to its service rate; used for routing.
  return {
    kind: 'mixed',
    consumers: ids,
    servers,
    capacity: consumers.reduce((s, c) => s + rate(c), 0),
    routes: mixRoutes(consumers, rate),
  };
}

/** Total service rate of a group (messages per second when every server is busy). */
export function serviceCapacity(group: ServiceGroup): number {
  if (group.kind === 'none') return 0;
  if (group.kind === 'mixed') return group.capacity;
  return group.servers / group.meanService;
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
