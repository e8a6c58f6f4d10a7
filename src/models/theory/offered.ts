// Offered load of every queue: producers' long-run rates pushed through the routing of the
// consumers (the traffic equations), before any loss.
import type { Scenario } from '../../sim/scenario/types';
import { type ServiceGroup, routingMatrix, serviceCapacity, serviceGroup } from './groups';
import { trafficEquations } from './jackson';
import { components } from './scc';
import { producerRate } from './streams';

export interface OfferedLoad {
  /** Arrival rate offered to the queue, messages per second (Infinity: routed in a loop forever). */
  lambda: number;
  /** lambda / total service rate (= lambda E[S] / c for identical servers); Infinity with no consumers. */
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
}

/**
 * Long-run rates: a renewal producer sends 1 / E[interarrival] (its rate while active, if it
 * stops), a time-varying one x0; a producer with several targets splits its rate equally (exact
 * for round-robin and random, the symmetric case for shortest / two-choices).
 */
export function networkRates(scenario: Scenario): NetworkRates {
  const ids = scenario.queues.map((q) => q.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const groups = ids.map((id) => serviceGroup(scenario, id));
  const routing = routingMatrix(scenario, groups);
  const external = ids.map(() => 0);
  for (const p of scenario.producers) {
    const rate = producerRate(p);
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
  return { ids, groups, external, routing, lambda, trapped: trappedIdx.map((i) => ids[i]) };
}

/** Strongly connected components that no routing probability leaves (rows sum to 1 inside). */
export function closedLoops(routing: number[][]): number[][] {
  return components(routing.length, (i, j) => routing[i][j] > 0).filter((comp) =>
    comp.every((i) => comp.reduce((s, j) => s + routing[i][j], 0) >= 1 - 1e-9),
  );
}

/** Per queue: offered arrival rate, load and number of servers. */
export function offeredLoads(scenario: Scenario): Record<string, OfferedLoad> {
  const { ids, groups, lambda } = networkRates(scenario);
  const out: Record<string, OfferedLoad> = {};
  ids.forEach((id, i) => {
    const capacity = serviceCapacity(groups[i]);
    const l = lambda[i];
    out[id] = { lambda: l, load: l === 0 ? 0 : capacity > 0 ? l / capacity : Infinity, servers: groups[i].servers };
  });
  return out;
}
