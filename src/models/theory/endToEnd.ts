// Each producer's mean end-to-end time (produced -> reply received, or handled when there is no
// reply): transit + the sojourns along the message's route + the reply delay where it leaves.
import { lusolve } from 'mathjs';
import { makeDistribution } from '../../sim/random/distributions';
import type { Scenario } from '../../sim/scenario/types';
import { NEGLIGIBLE_RETRY, behaviourOf } from './behaviour';
import type { ClientLoop } from './clientLoops';
import type { NetworkRates } from './offered';
import { classesOf, producerRate } from './streams';
import { transportTheory } from './transport';

/** One producer, as theory sees it. */
export interface ProducerTheory {
  /** Long-run rate of messages sent, per second (a closed loop's throughput X). */
  rate: number;
  /** Fraction lost in transit (udp loss p), 0 otherwise. */
  transitLoss: number;
  /** Fraction of sent messages that complete (replied, or handled at their last queue): not lost
   *  in transit, at a full queue, by a failed handler or as a dead letter; null when unknown. */
  completed: number | null;
  /** Mean transit time of a message that arrives (transportTheory); null if infinite. */
  transit: number | null;
  /** Mean produced -> reply received (or handled) of the messages that complete; null when not
   *  computable (see reason). Sojourns are summed along the routes, conditioned on completing. */
  endToEnd: number | null;
  /** Every queue on the way is exact and nothing is lost at a full queue on a multi-queue route. */
  exact: boolean;
  /** Why endToEnd is null, else null. */
  reason: string | null;
  /** Closed loops (replies "sync"): N, think, X, and N / X - think (response-time law) over
   *  every send, or null where the loop has no model. null for open-loop producers. */
  closedLoop: {
    clients: number;
    /** Mean think time; null if infinite. */
    think: number | null;
    throughput: number;
    /** X is exact (MVA) or only an upper bound (asymptotic bounds). */
    throughputExact: boolean;
    responseTime: number | null;
    reason: string | null;
  } | null;
}

/** What the route computation needs of each queue's theory. */
export interface PathQueue {
  /** The queue has a model (so its loss is known). */
  known: boolean;
  W: number | null;
  /** Per priority class (priority queues): the class's W. */
  classW: Map<number, number | null> | null;
  loss: number;
  exact: boolean;
}

/** Solves (I - diag(a) R) x = b on the node subset `nodes`. */
function solve(nodes: number[], a: number[], R: number[][], b: number[]): number[] {
  const A = nodes.map((i) => nodes.map((j) => (i === j ? 1 : 0) - a[i] * R[i][j]));
  const x = lusolve(A, nodes.map((i) => b[i])) as number[][];
  const out = a.map(() => 0);
  nodes.forEach((i, k) => (out[i] = x[k][0]));
  return out;
}

/** Queues reachable from `from` along routes with p > 0. */
function reach(from: number[], R: number[][]): number[] {
  const seen = new Set(from);
  const stack = [...from];
  while (stack.length > 0) {
    const i = stack.pop()!;
    R[i].forEach((p, j) => {
      if (p > 0 && !seen.has(j)) {
        seen.add(j);
        stack.push(j);
      }
    });
  }
  return [...seen].sort((x, y) => x - y);
}

/**
 * Per route node i: admitted a_i = 1 - loss_i, routing R (completed messages only), completed and
 * leaving e_i, reply r_i. Completion from i: h = a (e + R h). Conditioned on completing, with
 * U = h T and V = h (reply): (I - diag(a) R) U = W h, (I - diag(a) R) V = a e r, where T_i is the
 * time to leave from entering i (Doob's h-transform of the routing chain).
 */
interface Route {
  value: number | null;
  /** Mean completion probability over the targets. */
  completed: number | null;
  exact: boolean;
  reason: string | null;
}

function openEndToEnd(scenario: Scenario, rates: NetworkRates, queues: PathQueue[], targets: number[], priority: number | null): Route {
  const { routing: R, ids } = rates;
  const nodes = reach(targets, R);
  const none = (reason: string): Route => ({ value: null, completed: null, exact: false, reason });
  const unknown = nodes.find((i) => !queues[i].known);
  if (unknown !== undefined) return none(`queue ${ids[unknown]} on the way has no model`);
  let why: string | null = null;
  const W = queues.map((q) => (q.classW !== null && priority !== null && q.classW.has(priority) ? q.classW.get(priority)! : q.W));
  for (const i of nodes) {
    const consumers = scenario.consumers.filter((c) => c.from === ids[i]);
    if (consumers.some((c) => behaviourOf(c, scenario.horizon).retries.redeliveryProbability >= NEGLIGIBLE_RETRY))
      why ??= `redeliveries at queue ${ids[i]}: the time between deliveries is not modelled`;
  }
  for (const i of nodes) {
    if (queues[i].classW !== null && priority === null) why ??= `priority queue ${ids[i]}: the producer's priorities are continuous`;
    if (W[i] === null) why ??= `queue ${ids[i]} on the way has no mean sojourn`;
  }
  const a = queues.map((q) => 1 - q.loss);
  const e = ids.map(() => 0);
  const exitReply = ids.map(() => 0);
  for (const i of nodes) {
    const consumers = scenario.consumers.filter((c) => c.from === ids[i]);
    const weights = consumers.map((c) => c.count * behaviourOf(c, scenario.horizon).channels);
    const total = weights.reduce((s, w) => s + w, 0);
    consumers.forEach((c, k) => {
      const b = behaviourOf(c, scenario.horizon);
      const leave = (weights[k] / total) * b.retries.completedFraction * (1 - c.then.reduce((s, r) => s + r.p, 0));
      e[i] += leave;
      exitReply[i] += leave * (c.reply === null ? 0 : makeDistribution(c.reply).mean);
    });
  }
  try {
    const h = solve(nodes, a, R, a.map((ai, i) => ai * e[i]));
    const U = solve(nodes, a, R, W.map((w, i) => (w ?? 0) * h[i]));
    const V = solve(nodes, a, R, a.map((ai, i) => ai * exitReply[i]));
    const done = targets.reduce((s, t) => s + h[t], 0);
    const completed = Math.min(1, Math.max(0, done / targets.length));
    if (why !== null) return { ...none(why), completed };
    if (!(done > 0)) return { ...none('no message completes'), completed: 0 };
    const value = targets.reduce((s, t) => s + U[t] + V[t], 0) / done;
    if (!Number.isFinite(value)) return { ...none('a reply delay has an infinite mean'), completed };
    const lossy = nodes.some((i) => a[i] < 1);
    return { value, completed, exact: nodes.every((i) => queues[i].exact) && (!lossy || nodes.length === 1), reason: null };
  } catch {
    return none('the routes have no finite solution');
  }
}

/** A producer's route averaged over its priority classes (their shares; 1 class without priorities). */
function byClass(scenario: Scenario, rates: NetworkRates, queues: PathQueue[], targets: number[], classes: Map<number, number> | null): Route {
  if (classes === null) return openEndToEnd(scenario, rates, queues, targets, null);
  const routes = [...classes].map(([v, share]) => ({ share, route: openEndToEnd(scenario, rates, queues, targets, v) }));
  const first = routes[0].route;
  if (routes.some((r) => r.route.value === null)) return routes.find((r) => r.route.value === null)!.route;
  return {
    value: routes.reduce((s, r) => s + r.share * r.route.value!, 0),
    completed: first.completed,
    exact: routes.every((r) => r.route.exact),
    reason: null,
  };
}

/** Every producer's figures, by id. */
export function producerTheory(scenario: Scenario, rates: NetworkRates, queues: PathQueue[]): Record<string, ProducerTheory> {
  const index = new Map(rates.ids.map((id, i) => [id, i]));
  const out: Record<string, ProducerTheory> = {};
  for (const p of scenario.producers) {
    const t = transportTheory(p.transport);
    const transit = Number.isFinite(t.meanDelay) ? t.meanDelay : null;
    const base = { transitLoss: 1 - t.delivered, transit };
    const loop: ClientLoop | undefined = rates.loops.get(p.id);
    if (loop) {
      const { result } = loop;
      out[p.id] = {
        ...base,
        rate: loop.rate,
        completed: result === null ? null : t.delivered * loop.completedFraction,
        endToEnd: loop.endToEnd,
        exact: result !== null && result.exact && loop.regime !== 'while-active',
        reason: result === null ? loop.reason : null,
        closedLoop: {
          clients: loop.clients,
          think: Number.isFinite(loop.think) ? loop.think : null,
          throughput: loop.rate,
          throughputExact: result !== null,
          responseTime: loop.responseTime,
          reason: loop.reason,
        },
      };
      continue;
    }
    const route: Route =
      transit === null
        ? { value: null, completed: null, exact: false, reason: 'the transit time has an infinite mean' }
        : byClass(scenario, rates, queues, p.to.map((to) => index.get(to)!), classesOf(p.priority));
    out[p.id] = {
      ...base,
      rate: producerRate(p),
      completed: route.completed === null ? null : t.delivered * route.completed,
      endToEnd: route.value === null ? null : transit! + route.value,
      exact: route.value !== null && route.exact,
      reason: route.reason,
      closedLoop: null,
    };
  }
  return out;
}

/** Mean end-to-end over every completing message: producers weighted by rate x completed. */
export function networkEndToEnd(producers: Record<string, ProducerTheory>): number | null {
  let sum = 0;
  let weight = 0;
  for (const p of Object.values(producers)) {
    if (p.rate === 0) continue;
    if (p.endToEnd === null || p.completed === null) return null;
    sum += p.rate * p.completed * p.endToEnd;
    weight += p.rate * p.completed;
  }
  return weight > 0 ? sum / weight : null;
}
