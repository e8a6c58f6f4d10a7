// Offered load of every queue: producers' long-run rates pushed through the routing of the
// consumers (the traffic equations), before any loss.
import type { Scenario } from '../../sim/scenario/types';
import { type ClientLoop, clientLoops } from './clientLoops';
import { type ServiceGroup, routingMatrix, serviceCapacity, serviceGroup } from './groups';
import { trafficEquations } from './jackson';
import { components } from './scc';
import { producerRate } from './streams';
import { transportTheory } from './transport';

export interface OfferedLoad {
  /** Arrival rate offered to the queue, messages per second (Infinity: routed in a loop forever);
   *  redeliveries not counted. */
  lambda: number;
  /** lambda x deliveries per message / total service rate (= lambda E[S] / c for identical sync
   *  servers without retries or failures); Infinity with no consumers. */
  load: number;
  /** Servers of all consumer groups of the queue (0: none). */
  servers: number;
}

/** The flows of a scenario, in scenario.queues order. */
export interface NetworkRates {
  ids: string[];
  groups: ServiceGroup[];
  /** External (producer) rate into each queue. */
  external: number[];
  routing: number[][];
  /** Traffic-equation rates; Infinity for queues whose messages never leave. */
  lambda: number[];
  /** Queue ids whose messages circulate forever (routing probabilities summing to 1 in a loop). */
  trapped: string[];
  /** Closed-loop producers (replies "sync") by id; their rate is the loop's throughput. */
  loops: Map<string, ClientLoop>;
  /** Per queue: lambda x deliveries per message / capacity; 0 when idle, Infinity with no
   *  capacity or messages delivered for ever. */
  load: number[];
}

/**
 * Long-run rates: a renewal producer sends 1 / E[interarrival] (its rate while active, if it
 * stops), a time-varying one x0, a closed loop its throughput (clientLoops); a producer with
 * several targets splits its rate equally (exact for round-robin and random, the symmetric case
 * for shortest / two-choices); udp transport delivers 1 - loss of it. Routing counts messages
 * that complete (acks) and dead letters.
 */
export function networkRates(scenario: Scenario): NetworkRates {
  const ids = scenario.queues.map((q) => q.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const groups = ids.map((id) => serviceGroup(scenario, id));
  const routing = routingMatrix(scenario, groups);
  const loops = clientLoops(scenario, groups);
  const external = ids.map(() => 0);
  for (const p of scenario.producers) {
    const loop = loops.get(p.id);
    if (loop) {
      external[index.get(loop.queue)!] += loop.arrivals;
      continue;
    }
    const rate = producerRate(p) * transportTheory(p.transport).delivered;
    for (const to of p.to) external[index.get(to)!] += rate / p.to.length;
  }
  // Closed loops (every message handled there is routed back into the loop) that messages
  // reach: cut them into sinks, solve the rest, and give them an infinite rate.
  const closed = closedLoops(routing);
  const cut = routing.map((row, i) => (closed.some((loop) => loop.includes(i)) ? row.map(() => 0) : row));
  const open = trafficEquations(external, cut);
  const trappedIdx = closed
    .filter((loop) => loop.some((i) => open[i] > 0))
    .flat()
    .sort((a, b) => a - b);
  const lambda = open.map((l, i) => (trappedIdx.includes(i) ? Infinity : l));
  const load = lambda.map((l, i) => {
    if (l === 0) return 0;
    const capacity = serviceCapacity(groups[i]);
    const g = groups[i];
    const deliveries = g.kind === 'none' ? 1 : g.deliveries;
    return capacity > 0 ? (l * deliveries) / capacity : Infinity;
  });
  return { ids, groups, external, routing, lambda, trapped: trappedIdx.map((i) => ids[i]), loops, load };
}

/** Strongly connected components that no routing probability leaves (rows sum to 1 inside). */
export function closedLoops(routing: number[][]): number[][] {
  return components(routing.length, (i, j) => routing[i][j] > 0).filter((comp) =>
    comp.every((i) => comp.reduce((s, j) => s + routing[i][j], 0) >= 1 - 1e-9),
  );
}

/** Per queue: offered arrival rate, load and number of servers. */
export function offeredLoads(scenario: Scenario): Record<string, OfferedLoad> {
  const { ids, groups, lambda, load } = networkRates(scenario);
  const out: Record<string, OfferedLoad> = {};
  ids.forEach((id, i) => {
    out[id] = { lambda: lambda[i], load: load[i], servers: groups[i].servers };
  });
  return out;
}
