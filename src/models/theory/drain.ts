// How long a backlog takes to drain: B messages waiting at t = 0 (queues[].initial), c servers
// at rate mu each, arrivals at lambda. While every server is busy the queue loses c mu - lambda
// messages per second on average, so the fluid estimate is B / (c mu - lambda).
import type { Scenario } from '../../sim/scenario/types';
import type { QueueTheory } from './scenario';

export interface DrainTheory {
  /** Messages waiting at t = 0. */
  backlog: number;
  /** Arrival rate into the queue (theory's, after upstream losses). */
  lambda: number;
  /** c mu: messages handled per second with every server busy. */
  capacity: number;
  /** B / (c mu - lambda), seconds (the fluid estimate); null when c mu <= lambda: it never drains. */
  time: number | null;
  /** The exact mean time until the queue is first empty, where exact: see drainFor. */
  exact: number | null;
  note: string;
}

/**
 * The drain of every queue with a backlog that theory has a model for. For an exact M/M/c
 * queue whose servers each hold one pushed message, the mean time until nothing waits is
 * exactly (B - c) / (c mu - lambda) (B >= c): c of the B start at once, and while all servers
 * are busy each step down of the number in system is an M/M/1 busy period with service rate
 * c mu, of mean 1 / (c mu - lambda) (Gross, Shortle, Thompson & Harris (2008), Fundamentals of
 * Queueing Theory, 4th ed., section 2.12, busy periods).
 */
export function drainFor(scenario: Scenario, queues: Record<string, QueueTheory>): Record<string, DrainTheory> {
  const out: Record<string, DrainTheory> = {};
  for (const q of scenario.queues) {
    const r = queues[q.id]?.result;
    if (q.initial === 0 || !r) continue;
    const B = q.initial;
    const capacity = r.servers / r.meanService;
    const surplus = capacity - r.lambda;
    const time = surplus > 0 ? B / surplus : null;
    const groups = scenario.consumers.filter((c) => c.from === q.id);
    const onePushed = groups.every((g) => g.prefetch === 1 && g.handling === 'sync' && g.fetch.mode === 'push' && g.autoscale === null);
    const markovian = (r.model === 'M/M/1' || r.model === 'M/M/c') && queues[q.id].exact && queues[q.id].retries === null;
    const exact = time !== null && markovian && onePushed ? Math.max(0, B - r.servers) / surplus : null;
    const note =
      time === null
        ? `no drain: arrivals (${r.lambda}/s) match or exceed what ${r.servers} server(s) handle (${capacity}/s)`
        : exact !== null
          ? 'B / (c mu - lambda) (fluid); exact: (B - c) / (c mu - lambda), the mean time until nothing waits'
          : 'B / (c mu - lambda) (fluid approximation; no exact form for this queue)';
    out[q.id] = { backlog: B, lambda: r.lambda, capacity, time, exact, note };
  }
  return out;
}
