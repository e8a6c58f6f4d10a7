import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { simulate } from '../../../src/sim/run.ts';
import { checkScenario } from '../../../src/sim/scenario/parse.ts';

/**
 * Random scenarios mixing every option, generated from a fixed seed: each must run, and at the end
 * every message produced must be accounted for exactly once.
 */
function randomScenario(rng: () => number, k: number): unknown {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rng() * xs.length)];
  const dist = () =>
    pick<object>([
      { dist: 'exponential', rate: 0.5 + rng() * 2 },
      { dist: 'deterministic', value: 0.2 + rng() },
      { dist: 'uniform', min: 0.1, max: 0.5 + rng() * 2 },
      { dist: 'erlang', k: 3, mean: 0.5 + rng() },
      { dist: 'lognormal', mean: 0.5 + rng(), cv: rng() * 2 },
      { dist: 'hyperexponential', probs: [0.7, 0.3], rates: [3, 0.5] },
    ]);
  const nQueues = 1 + Math.floor(rng() * 3);
  const queues = Array.from({ length: nQueues }, (_, i) => ({
    id: `q${i}`,
    capacity: pick([null, null, 3, 20]),
    discipline: pick(['fifo', 'lifo', 'priority', 'random']),
    overflow: pick(['reject', 'drop-head']),
    ttl: pick([null, null, 5]),
  }));
  queues.push({ id: 'dlq', capacity: null, discipline: 'fifo', overflow: 'reject', ttl: null });
  const consumers = queues.slice(0, nQueues).map((q, i) => {
    const manual = rng() < 0.5;
    const async = rng() < 0.3;
    const concurrency = async ? 1 + Math.floor(rng() * 3) : 1;
    return {
      id: `c${i}`,
      from: q.id,
      count: 1 + Math.floor(rng() * 3),
      service: dist(),
      handling: async ? 'async' : 'sync',
      concurrency,
      shared: async && rng() < 0.5,
      prefetch: concurrency + Math.floor(rng() * 3),
      fetch: rng() < 0.3 ? { mode: 'poll', interval: 0.5 + rng(), batch: 1 + Math.floor(rng() * 4), wait: pick([0, 2]) } : { mode: 'push' },
      ack: manual
        ? { mode: 'manual', failure: rng() * 0.3, loss: rng() * 0.1, visibilityTimeout: 0.5 + rng() * 5, maxDeliveries: pick([null, 2, 4]), deadLetter: pick([null, 'dlq']) }
        : { mode: 'auto', failure: rng() * 0.1 },
      outages: rng() < 0.3 ? [{ start: 50, end: 80 }] : [],
      failures: rng() < 0.2 ? { mtbf: { dist: 'exponential', mean: 60 }, mttr: { dist: 'exponential', mean: 5 } } : null,
      reply: rng() < 0.3 ? dist() : null,
      then: i + 1 < nQueues && rng() < 0.6 ? [{ to: `q${i + 1}`, p: 0.5 + rng() * 0.5 }] : null,
    };
  });
  const closed = rng() < 0.3;
  const producers = [
    closed
      ? { id: 'p', to: 'q0', replies: 'sync', clients: 1 + Math.floor(rng() * 10), think: dist(), transport: rng() < 0.3 ? { protocol: pick(['udp', 'tcp']), loss: 0.1, delay: dist() } : null }
      : {
          id: 'p',
          to: nQueues > 1 && rng() < 0.5 ? queues.slice(0, nQueues).map((q) => q.id) : 'q0',
          balance: pick(['round-robin', 'random', 'shortest', 'two-choices']),
          interarrival: dist(),
          priority: pick<unknown>([0, { dist: 'empirical', values: [0, 1, 2] }]),
          transport: rng() < 0.3 ? { protocol: pick(['udp', 'tcp', 'http']), loss: 0.1, delay: dist(), ...(rng() < 0.5 ? {} : {}) } : null,
        },
  ];
  // Preemption only where the schema allows it: priority queues read by sync push prefetch-1 groups.
  for (const q of queues) {
    const readers = consumers.filter((c) => c.from === q.id);
    (q as Record<string, unknown>).preemptive =
      q.discipline === 'priority' && readers.every((c) => c.handling === 'sync' && c.fetch.mode === 'push' && c.prefetch === 1) && rng() < 0.5;
  }
  return { name: `random ${k}`, seed: k, horizon: 300, replications: 2, producers, queues, consumers };
}

/** Paths of numbers that JSON would silently turn into null (NaN, Infinity). */
function nonFinite(x: unknown, path = ''): string[] {
  if (typeof x === 'number') return Number.isFinite(x) ? [] : [path];
  if (x === null || typeof x !== 'object') return [];
  if (x instanceof Map || ArrayBuffer.isView(x)) return [];
  return Object.entries(x).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
}

describe('conservation on random scenarios', () => {
  it('60 random scenarios: produced = done + waiting + in flight + rejected + dropped + expired + dead-lettered + lost', () => {
    const rng = seedrandom.alea('conservation');
    let ran = 0;
    for (let k = 0; k < 60; k++) {
      const raw = randomScenario(rng, k);
      const checked = checkScenario(raw);
      expect(checked.ok, JSON.stringify(checked.ok ? '' : checked.problems)).toBe(true);
      if (!checked.ok) continue;
      const out = simulate(checked.scenario, { warmup: 0 });
      const m = out.summary.messages;
      const accounted = m.completed + m.waiting + m.inFlight + m.rejected + m.dropped + m.expired + m.deadLetterDropped + m.lost + m.lostInTransit;
      expect(accounted, `scenario ${k}: ${JSON.stringify(m)}`).toBe(m.produced);
      expect(m.inFlight).toBeGreaterThanOrEqual(0);
      expect(nonFinite(out), `scenario ${k}`).toEqual([]);
      ran++;
    }
    expect(ran).toBe(60);
  });

  it('the same 60 with autoscaling, slowdowns, timeouts and retries mixed in: every message accounted for', () => {
    const rng = seedrandom.alea('conservation');
    const more = seedrandom.alea('conservation: scaling and retries');
    const pick = <T>(xs: T[]): T => xs[Math.floor(more() * xs.length)];
    for (let k = 0; k < 60; k++) {
      const raw = randomScenario(rng, k) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      const preemptive = new Set(raw.queues.filter((q: { preemptive: boolean }) => q.preemptive).map((q: { id: string }) => q.id));
      for (const c of raw.consumers) {
        if (more() < 0.3) c.slowdowns = [{ start: 20 + more() * 100, end: 150 + more() * 100, factor: pick([0.5, 3, 10]) }];
        if (c.outages.length > 0 || c.failures !== null || preemptive.has(c.from) || more() < 0.4) continue;
        c.autoscale = {
          min: 1,
          max: c.count + pick([0, 2, 5]),
          metric: pick(['backlog', 'age', 'utilization']),
          target: pick([0.5, 0.8, 1]),
          interval: pick([1, 5, 20]),
          cooldown: pick([0, 10]),
          startupDelay: pick([0, 3, 30]),
        };
      }
      const p = raw.producers[0];
      if (more() < 0.6) {
        p.timeout = pick([0.5, 2, 10]);
        if (more() < 0.7) {
          p.retry = {
            maxAttempts: pick([2, 4]),
            backoff: pick(['fixed', 'exponential']),
            base: pick([0, 0.5]),
            jitter: pick(['none', 'full', 'equal']),
            budget: more() < 0.5 ? { ratio: 0.2, burst: 5 } : null,
          };
        }
      }
      const checked = checkScenario(raw);
      expect(checked.ok, JSON.stringify(checked.ok ? '' : checked.problems)).toBe(true);
      if (!checked.ok) continue;
      const out = simulate(checked.scenario, { warmup: 0 });
      const m = out.summary.messages;
      const accounted = m.completed + m.waiting + m.inFlight + m.rejected + m.dropped + m.expired + m.deadLetterDropped + m.lost + m.lostInTransit;
      expect(accounted, `scenario ${k}: ${JSON.stringify(m)}`).toBe(m.produced);
      expect(m.inFlight).toBeGreaterThanOrEqual(0);
      expect(m.produced).toBeGreaterThanOrEqual(m.requests + m.retries);
      expect(m.wasted).toBeLessThanOrEqual(m.timedOut);
      expect(nonFinite(out), `scenario ${k}`).toEqual([]);
      for (const c of checked.scenario.consumers) {
        if (c.autoscale === null) continue;
        const n = out.summary.consumers[c.id].meanCount.mean!;
        expect(n).toBeGreaterThanOrEqual(c.autoscale.min - 1e-9);
        expect(n).toBeLessThanOrEqual(c.autoscale.max + 1e-9);
      }
    }
  });
});
