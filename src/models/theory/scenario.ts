// theoryFor(scenario): per queue, the model that applies and its numbers (or why none does),
// and the network as a whole. Queues are analysed upstream first; feedback loops as Jackson
// networks when their nodes are exponential, else not at all.
import type { Scenario } from '../../sim/scenario/types';
import { NEGLIGIBLE_RETRY } from './behaviour';
import { type ClientLoop, loopMatch } from './clientLoops';
import { matchConsumed } from './consumed';
import { type Pooled, departures } from './departures';
import { type DrainTheory, drainFor } from './drain';
import { type ProducerTheory, networkEndToEnd, producerTheory } from './endToEnd';
import { loopClasses, notJackson } from './feedback';
import type { ServiceGroup } from './groups';
import { trafficEquations } from './jackson';
import type { Match } from './match';
import { mm1 } from './mm1';
import { mmc } from './mmc';
import { type NetworkRates, networkRates } from './offered';
import type { PriorityResult } from './priority';
import type { ModelName, QueueResult } from './result';
import type { RetryTheory } from './retries';
import { components } from './scc';
import { type Flow, type Regime, type Stream, isKnown, merge, producerTargets, thin } from './streams';
import { stabilityWarnings } from './warnings';

/** What is offered to a queue (traffic equations, before losses); null where infinite. */
interface Offered {
  /** Offered arrival rate, messages per second; null when messages loop forever. */
  lambda: number | null;
  /** lambda / total service rate; null when infinite (no consumers, or lambda infinite). */
  load: number | null;
  /** Servers of all the queue's consumer groups. */
  servers: number;
}

/** A queue with a model. `result.lambda` is the rate that reaches it (after upstream losses). */
export interface MatchedQueue extends Offered {
  model: ModelName;
  /** result.exact, and false when a producer stops (regime 'while-active'). */
  exact: boolean;
  regime: Regime;
  /** Caveats: approximations used, time-varying producers, disciplines, ... */
  notes: string[];
  /** QueueResult of the model (PriorityResult with classes; ClosedResult for a closed loop). For
   *  redeliveries, result.lambda counts every delivery (lambda x deliveries per message). */
  result: QueueResult | PriorityResult;
  /** Acks: deliveries, duplicates, dead letters, losses per message; null with plain auto ack
   *  or consumer groups that ack differently. */
  retries: RetryTheory | null;
}

/** A queue no model describes. */
export interface UnmatchedQueue extends Offered {
  model: null;
  exact: false;
  /** null when nothing is known about its arrivals. */
  regime: Regime | null;
  reason: string;
  notes: string[];
  result: null;
  retries: RetryTheory | null;
}

export type QueueTheory = MatchedQueue | UnmatchedQueue;

/** The network as a whole. */
export interface NetworkTheory {
  /** 'Jackson': every queue reached is an exact M/M/c node (product form); 'decomposition':
   *  queues analysed one by one (exact only if every queue is); null: some queue reached has
   *  no model, or no messages enter at all. */
  model: 'Jackson' | 'decomposition' | null;
  exact: boolean;
  /** Why model is null, else null. */
  reason: string | null;
  /** Producers' long-run rate into each queue. */
  external: Record<string, number>;
  /** Traffic equations lambda = gamma + R^T lambda over all queues (offered, before losses). */
  lambda: Record<string, number | null>;
  /** routing[from][to]: probability that a message handled at `from` goes to `to` (nonzero only). */
  routing: Record<string, Record<string, number>>;
  /** Rate of messages entering the network, sum of external rates. */
  throughput: number;
  /** Every queue that messages reach has a steady state. */
  stable: boolean;
  /** Mean number of messages in the network, sum of the queues' L; null if any is unknown. */
  L: number | null;
  /** Mean time from first queue in to last handled, L / throughput (Little); null when
   *  messages are lost (the lost ones would count too), redelivered, or L is unknown. */
  W: number | null;
  /** Mean produced -> reply received (or handled) over every completing message: the producers'
   *  endToEnd weighted by their completing rates; null if any is unknown. */
  endToEnd: number | null;
}

export interface ScenarioTheory {
  queues: Record<string, QueueTheory>;
  network: NetworkTheory;
  /** Per producer: rate, transit, completion, end-to-end time, closed-loop figures. */
  producers: Record<string, ProducerTheory>;
  /** stabilityWarnings(scenario). */
  warnings: string[];
  /** Queues starting with a backlog (queues[].initial): its drain time (drain.ts). Present only
   *  when some queue has one. */
  drain?: Record<string, DrainTheory>;
}

const JACKSON_1963 = 'Jackson (1963), Management Sci. 10(1), 131-142';
const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Per queue model and numbers, and the network-level result. */
export function theoryFor(scenario: Scenario): ScenarioTheory {
  const rates = networkRates(scenario);
  const { ids, groups, routing } = rates;
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  const inflow: Flow[][] = ids.map(() => []);
  const loopAt = new Map<number, ClientLoop>();
  for (const loop of rates.loops.values()) loopAt.set(index.get(loop.queue)!, loop);
  for (const p of scenario.producers) {
    if (rates.loops.has(p.id)) continue; // closed loops are solved on their own (loopMatch)
    for (const [to, s] of producerTargets(p, scenario.horizon)) inflow[index.get(to)!].push(s);
  }
  const arrivals: Flow[] = new Array<Flow>(n);
  const matches: Match[] = new Array<Match>(n);
  const send = (from: number, out: Flow | null, skip: number[]) => {
    if (out === null) return;
    routing[from].forEach((p, j) => {
      if (p > 0 && !skip.includes(j)) inflow[j].push(isKnown(out) ? thin(out, p) : out);
    });
  };

  for (const loop of components(n, (i, j) => routing[i][j] > 0)) {
    const first = loop[0];
    if (loop.length === 1 && routing[first][first] === 0) {
      arrivals[first] = merge(inflow[first]);
      const closed = loopAt.get(first);
      matches[first] = closed
        ? loopMatch(closed)
        : matchConsumed(scenario.queues[first], groups[first], arrivals[first]);
      send(first, departures(ids[first], groups[first], arrivals[first], matches[first]), []);
      continue;
    }
    // A feedback loop: a Jackson network if every node is an unbounded exponential queue fed
    // by Poisson streams from outside the loop.
    for (const i of loop) arrivals[i] = merge(inflow[i]);
    const names = loop.map((i) => ids[i]).join(', ');
    const idle = loop.every((i) => isKnown(arrivals[i]) && (arrivals[i] as Stream).rate === 0);
    if (idle) {
      for (const i of loop) matches[i] = { reason: `queue ${ids[i]}: no messages reach it in the long run`, notes: [] };
      continue;
    }
    const why = rates.trapped.includes(ids[first])
      ? 'messages never leave it'
      : loop.some((i) => loopAt.has(i))
        ? 'a closed-loop producer'
        : notJackson(scenario, loop, groups, arrivals);
    if (why !== null) {
      for (const i of loop)
        matches[i] = {
          reason: `queue ${ids[i]} is in a feedback loop (${names}) with ${why}: no product form, no model here`,
          notes: [],
        };
      for (const i of loop)
        send(i, { unknown: `its arrivals come from the feedback loop ${names}, which has no model` }, loop);
      continue;
    }
    const inputs = loop.map((i) => arrivals[i] as Stream);
    const R = loop.map((i) => loop.map((j) => routing[i][j]));
    const lambda = trafficEquations(
      inputs.map((a) => a.rate),
      R,
    );
    const mixes = loopClasses(inputs, R, lambda);
    const whole = merge(inputs) as Stream;
    const results = loop.map((i, k) => {
      const g = groups[i] as Pooled;
      return g.units === 1 ? mm1(lambda[k], 1 / g.meanService) : mmc(lambda[k], 1 / g.meanService, g.units);
    });
    const stable = results.every((r) => r.stable);
    loop.forEach((i, k) => {
      const q = scenario.queues[i];
      const notes = [
        ...whole.notes,
        `Jackson network node: the feedback loop ${names} has product form (${JACKSON_1963}); arrival rate from the traffic equations`,
      ];
      if (q.discipline === 'lifo' || q.discipline === 'random')
        notes.push(`${q.discipline} order: the means equal FIFO's; waits are more spread out`);
      if (q.discipline === 'priority' && (mixes[k] === null || mixes[k]!.size > 1)) {
        notes.push('priority classes in a feedback loop: per-class waits have no closed form; totals as FIFO');
      }
      if (!stable)
        notes.push('the loop has an unstable queue: its traffic-equation rates overstate what actually flows');
      matches[i] = { result: results[k], notes };
      const out: Flow = stable
        ? {
            ...whole,
            rate: lambda[k],
            scv: 1,
            poisson: true,
            renewal: true,
            classes: mixes[k],
            internal: true,
            viaPriority: whole.viaPriority || q.discipline === 'priority',
          }
        : { unknown: `its arrivals come from the feedback loop ${names}, which is unstable` };
      send(i, out, loop);
    });
  }

  const offered = (i: number): Offered => ({
    lambda: finiteOrNull(rates.lambda[i]),
    load: finiteOrNull(rates.load[i]),
    servers: groups[i].servers,
  });
  const queues: Record<string, QueueTheory> = {};
  ids.forEach((id, i) => {
    const m = matches[i];
    const a = arrivals[i];
    const closed = loopAt.get(i);
    const regime = closed ? closed.regime : isKnown(a) ? a.regime : null;
    const retries = retriesOf(groups[i]);
    if ('result' in m) {
      const r = regime ?? 'steady';
      queues[id] = {
        model: m.result.model,
        exact: m.result.exact && r !== 'while-active',
        regime: r,
        notes: m.notes,
        ...offered(i),
        result: m.result,
        retries,
      };
    } else {
      queues[id] = { model: null, exact: false, regime, reason: m.reason, notes: m.notes, ...offered(i), result: null, retries };
    }
  });
  const paths = ids.map((id) => {
    const r = queues[id].result;
    const classW = r !== null && 'classes' in r ? new Map(r.classes.map((k) => [k.priority, k.W])) : null;
    return { known: r !== null, W: r?.W ?? null, classW, loss: r?.loss ?? 0, exact: queues[id].exact };
  });
  const producers = producerTheory(scenario, rates, paths);
  return {
    queues,
    network: { ...network(rates, queues), endToEnd: networkEndToEnd(producers) },
    producers,
    warnings: stabilityWarnings(scenario),
    ...(scenario.queues.some((q) => q.initial > 0) ? { drain: drainFor(scenario, queues) } : {}),
  };
}

/** The retry figures of a queue whose consumers ack alike, unless it is plain auto ack. */
function retriesOf(g: ServiceGroup): RetryTheory | null {
  if (g.kind !== 'pooled' || !g.sameBehaviour) return null;
  const r = g.behaviour.retries;
  // Nothing to report when acks change nothing (plain auto ack, or manual ack that never redelivers).
  if (r.redeliveryProbability < NEGLIGIBLE_RETRY && r.completedFraction === 1) return null;
  return r;
}

function network(rates: NetworkRates, queues: Record<string, QueueTheory>): Omit<NetworkTheory, 'endToEnd'> {
  const { ids, external, routing, lambda } = rates;
  const reached = ids.filter((_, i) => lambda[i] > 0);
  const missing = reached.filter((id) => queues[id].model === null);
  const entries = reached.map((id) => queues[id]).filter((q): q is MatchedQueue => q.model !== null);
  const throughput = external.reduce((s, g) => s + g, 0);
  const jacksonModels: (ModelName | null)[] = ['M/M/1', 'M/M/c'];
  const model =
    missing.length > 0 || reached.length === 0
      ? null
      : entries.every((q) => q.exact && jacksonModels.includes(q.model))
        ? ('Jackson' as const)
        : ('decomposition' as const);
  const stable = entries.length === reached.length && entries.every((q) => q.result.stable);
  const known = model !== null && stable && entries.every((q) => q.result.L !== null);
  const L = known ? entries.reduce((s, q) => s + q.result.L!, 0) : null;
  const lossless =
    entries.every((q) => q.result.loss === 0) &&
    reached.every((id) => {
      const g = rates.groups[rates.ids.indexOf(id)];
      return g.kind === 'none' || (g.deliveries === 1 && (g.kind !== 'pooled' || g.behaviour.retries.completedFraction === 1));
    });
  const routes: Record<string, Record<string, number>> = {};
  ids.forEach((id, i) => {
    routes[id] = {};
    routing[i].forEach((p, j) => {
      if (p > 0) routes[id][ids[j]] = p;
    });
  });
  return {
    model,
    exact: model !== null && entries.every((q) => q.exact),
    reason:
      reached.length === 0
        ? 'no messages enter the network'
        : missing.length > 0
          ? `no model for queue${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`
          : null,
    external: Object.fromEntries(ids.map((id, i) => [id, external[i]])),
    lambda: Object.fromEntries(ids.map((id, i) => [id, finiteOrNull(lambda[i])])),
    routing: routes,
    throughput,
    stable,
    L,
    W: L !== null && lossless && throughput > 0 ? L / throughput : null,
  };
}
