// Feedback loops among queues: when they form a Jackson network, and the class mix at each node.
import type { Scenario } from '../../sim/scenario/types';
import { isPlain } from './departures';
import type { ServiceGroup } from './groups';
import { trafficEquations } from './jackson';
import { type Flow, type Stream, isKnown } from './streams';

/** Why a feedback loop is not a Jackson network, or null when it is. */
export function notJackson(scenario: Scenario, loop: number[], groups: ServiceGroup[], arrivals: Flow[]): string | null {
  for (const i of loop) {
    const q = scenario.queues[i];
    const g = groups[i];
    const a = arrivals[i];
    if (!isKnown(a)) return a.unknown;
    if (a.loadDependent !== null) return a.loadDependent;
    if (a.rate > 0 && !a.poisson) return `non-Poisson arrivals into queue ${q.id}`;
    if (g.kind !== 'pooled') return `queue ${q.id} served by consumers with different services`;
    if (!g.exponential) return `non-exponential service at queue ${q.id}`;
    const b = g.behaviour;
    if (!isPlain(g) || b.ps || b.prefetch !== b.concurrency)
      return `queue ${q.id}'s consumers redeliver, fail, poll, share or prefetch`;
    if (q.capacity !== null) return `bounded queue ${q.id}`;
    if (q.ttl !== null) return `ttl at queue ${q.id}`;
  }
  return null;
}

/** Per-node class mix in a loop: the traffic equations solved for each class separately. */
export function loopClasses(arrivals: Stream[], R: number[][], lambda: number[]): (Map<number, number> | null)[] {
  if (arrivals.some((a) => a.rate > 0 && a.classes === null)) return lambda.map(() => null);
  const values = new Set(arrivals.flatMap((a) => [...(a.classes ?? new Map<number, number>()).keys()]));
  const mixes = lambda.map(() => new Map<number, number>());
  for (const v of values) {
    const perClass = trafficEquations(
      arrivals.map((a) => a.rate * (a.classes?.get(v) ?? 0)),
      R,
    );
    perClass.forEach((l, k) => mixes[k].set(v, lambda[k] > 0 ? l / lambda[k] : 0));
  }
  return mixes;
}

