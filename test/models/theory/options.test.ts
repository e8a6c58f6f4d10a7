// theoryFor on every option of the scenario format: it never throws, its output survives JSON,
// and the identities that hold for every model hold.
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import type { ClosedResult } from '../../../src/models/theory/closed';
import { type ScenarioTheory, theoryFor } from '../../../src/models/theory/scenario';
import { checkScenario } from '../../../src/sim/scenario/parse';
import type { Scenario } from '../../../src/sim/scenario/types';
import { expectClose, expectJsonSafe, expectLittleL } from './helpers';

const exp = (rate: number) => ({ dist: 'exponential', rate });
const p0 = { id: 'p', to: 'q', interarrival: exp(0.5) };
const c0 = { id: 'c', from: 'q', service: exp(1) };
const manual = { mode: 'manual', failure: 0.1, loss: 0.01, visibilityTimeout: 5, maxDeliveries: 3 };
const failures = { mtbf: exp(0.02), mttr: exp(0.5) };
const udp = { protocol: 'udp', loss: 0.1, delay: exp(5) };

/** One queue q, with producer and consumer options changed. */
const one = (name: string, p: object = {}, c: object = {}, q: object = {}, extra: object = {}) => ({
  name,
  horizon: 1000,
  producers: [{ ...p0, ...p }],
  queues: [{ id: 'q', ...q }],
  consumers: [{ ...c0, ...c }],
  ...extra,
});

const handcrafted: unknown[] = [
  one('plain'),
  one('closed loop', { interarrival: undefined, replies: 'sync', clients: 20, think: exp(0.1) }, { reply: { dist: 'deterministic', value: 0.05 } }),
  one('closed loop, c = 3', { interarrival: undefined, replies: 'sync', clients: 5, think: exp(1) }, { count: 3 }),
  one('closed loop, no think', { interarrival: undefined, replies: 'sync', clients: 4 }),
  one('closed loop, lognormal FCFS', { interarrival: undefined, replies: 'sync', clients: 4 }, { service: { dist: 'lognormal', mean: 1, cv: 2 } }),
  one('closed loop, PS', { interarrival: undefined, replies: 'sync', clients: 4, think: exp(1) }, { handling: 'async', concurrency: 8, shared: true, service: { dist: 'uniform', min: 0, max: 2 } }),
  one('closed loop, udp', { interarrival: undefined, replies: 'sync', clients: 4, think: exp(1), transport: udp }),
  one('closed loop, pareto think', { interarrival: undefined, replies: 'sync', clients: 4, think: { dist: 'pareto', shape: 1, scale: 1 } }),
  one('closed loop, manual ack', { interarrival: undefined, replies: 'sync', clients: 4, think: exp(1) }, { ack: manual }),
  one('closed loop, nack', { interarrival: undefined, replies: 'sync', clients: 4, think: exp(1) }, { ack: { mode: 'manual', failure: 0.3 } }),
  one('closed loop, failures', { interarrival: undefined, replies: 'sync', clients: 4, think: exp(1) }, { failures }),
  one('closed loop, capacity', { interarrival: undefined, replies: 'sync', clients: 40, think: exp(1) }, {}, { capacity: 5 }),
  one('closed loop, limit', { interarrival: undefined, replies: 'sync', clients: 4, think: exp(1), limit: 100 }),
  one('async k = 3', {}, { handling: 'async', concurrency: 3 }),
  one('async k = 3, prefetch 5', { interarrival: exp(2) }, { handling: 'async', concurrency: 3, prefetch: 5 }),
  one('shared', { interarrival: exp(0.7) }, { handling: 'async', concurrency: 4, shared: true }),
  one('shared, c = 2, deterministic', { interarrival: exp(0.7) }, { count: 2, handling: 'async', concurrency: 4, shared: true, service: { dist: 'deterministic', value: 1 } }),
  one('shared, bounded', {}, { handling: 'async', concurrency: 4, shared: true }, { capacity: 3 }),
  one('prefetch 3, c = 2', {}, { count: 2, prefetch: 3 }),
  one('prefetch 3, bounded', {}, { prefetch: 3 }, { capacity: 2 }),
  one('prefetch 3, capacity 0', {}, { prefetch: 3 }, { capacity: 0 }),
  one('prefetch 3, M/D/1', {}, { prefetch: 3, service: { dist: 'deterministic', value: 1 } }),
  one('manual ack', {}, { ack: manual }),
  one('manual ack, overloaded', { interarrival: exp(0.95) }, { ack: manual }),
  one('timeouts for ever', {}, { service: { dist: 'deterministic', value: 3 }, ack: { mode: 'manual', visibilityTimeout: 1 } }),
  one('auto failures', {}, { ack: { mode: 'auto', failure: 0.2 } }),
  one('poll', {}, { fetch: { mode: 'poll', interval: 2 } }),
  one('poll, long', {}, { fetch: { mode: 'poll', interval: 2, wait: 1 } }),
  one('poll, batch, c = 3', {}, { count: 3, prefetch: 4, fetch: { mode: 'poll', interval: 1, batch: 4 } }),
  one('poll, bounded', {}, { fetch: { mode: 'poll', interval: 2 } }, { capacity: 2 }),
  one('failures', {}, { failures }),
  one('failures, c = 3', { interarrival: exp(2) }, { count: 3, failures }),
  one('failures, overloaded', { interarrival: exp(0.99) }, { failures }),
  one('failures, infinite repair', {}, { failures: { mtbf: exp(1), mttr: { dist: 'pareto', shape: 0.5, scale: 1 } } }),
  one('outage', {}, { outages: [{ start: 100, end: 200 }] }),
  one('outage after the horizon', {}, { outages: [{ start: 5000, end: 6000 }] }),
  one('udp', { transport: udp }),
  one('http', { transport: { protocol: 'http', loss: 0.1, delay: exp(5), overhead: { dist: 'deterministic', value: 0.2 } } }),
  one('tcp, pareto delay', { transport: { protocol: 'tcp', loss: 0.1, delay: { dist: 'pareto', shape: 0.8, scale: 1 } } }),
  one('reply', {}, { reply: exp(2) }),
  one('reply, infinite mean', {}, { reply: { dist: 'pareto', shape: 1, scale: 1 } }),
  one('preemptive', { priority: { dist: 'empirical', values: [0, 1, 1] } }, {}, { discipline: 'priority', preemptive: true }),
  one('preemptive, c = 2', { priority: { dist: 'empirical', values: [0, 1] } }, { count: 2 }, { discipline: 'priority', preemptive: true }),
  one('priority, prefetch', { priority: { dist: 'empirical', values: [0, 1] } }, { prefetch: 2 }, { discipline: 'priority' }),
  one('priority, poll', { priority: { dist: 'empirical', values: [0, 1] } }, { fetch: { mode: 'poll', interval: 1 } }, { discipline: 'priority' }),
  one('priority, retries', { priority: { dist: 'empirical', values: [0, 1] } }, { ack: manual }, { discipline: 'priority' }),
  {
    name: 'retries into a dead-letter queue that routes back',
    horizon: 1000,
    producers: [p0],
    queues: [{ id: 'q' }, { id: 'dlq' }],
    consumers: [
      { ...c0, ack: { ...manual, deadLetter: 'dlq' } },
      { id: 'd', from: 'dlq', service: exp(1), then: 'q' },
    ],
  },
  {
    name: 'mixed behaviours',
    horizon: 1000,
    producers: [p0],
    queues: [{ id: 'q' }],
    consumers: [c0, { ...c0, id: 'c2', handling: 'async', concurrency: 2 }],
  },
  {
    name: 'closed loop into a tandem and an open producer elsewhere',
    horizon: 1000,
    producers: [{ id: 'p', to: 'a', replies: 'sync', clients: 5 }, { id: 'o', to: 'b', interarrival: exp(0.2) }],
    queues: [{ id: 'a' }, { id: 'b' }],
    consumers: [{ id: 'ca', from: 'a', service: exp(2), then: 'b' }, { id: 'cb', from: 'b', service: exp(3) }],
  },
  {
    name: 'closed loop over two queues',
    horizon: 1000,
    producers: [{ id: 'p', to: ['a', 'b'], replies: 'sync', clients: 5, balance: 'shortest' }],
    queues: [{ id: 'a' }, { id: 'b' }],
    consumers: [{ id: 'ca', from: 'a', service: exp(2) }, { id: 'cb', from: 'b', service: exp(3) }],
  },
  {
    name: 'closed loop with no consumers',
    horizon: 1000,
    producers: [{ id: 'p', to: 'q', replies: 'sync', clients: 5 }],
    queues: [{ id: 'q' }],
    consumers: [],
  },
  {
    name: 'Jackson loop with auto failures and async channels',
    horizon: 1000,
    producers: [p0],
    queues: [{ id: 'q' }, { id: 'r' }],
    consumers: [
      { ...c0, ack: { mode: 'auto', failure: 0.1 }, handling: 'async', concurrency: 2, then: 'r' },
      { id: 'cr', from: 'r', service: exp(3), then: [{ to: 'q', p: 0.3 }] },
    ],
  },
];

function checked(raw: unknown): Scenario {
  const r = checkScenario(raw);
  if (!r.ok) throw new Error(`invalid scenario ${(raw as { name: string }).name}: ${JSON.stringify(r.problems)}`);
  return r.scenario;
}

/** Random scenarios mixing every option (as the engine's conservation test does). */
function randomScenario(rng: () => number, k: number): unknown {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rng() * xs.length)];
  const dist = () =>
    pick<object>([
      exp(0.5 + rng() * 2),
      { dist: 'deterministic', value: 0.2 + rng() },
      { dist: 'uniform', min: 0.1, max: 0.5 + rng() * 2 },
      { dist: 'erlang', k: 3, mean: 0.5 + rng() },
      { dist: 'lognormal', mean: 0.5 + rng(), cv: rng() * 2 },
      { dist: 'hyperexponential', probs: [0.7, 0.3], rates: [3, 0.5] },
      { dist: 'pareto', shape: 1.5 + rng(), scale: 0.3 },
    ]);
  const n = 1 + Math.floor(rng() * 3);
  const queues = Array.from({ length: n }, (_, i) => ({
    id: `q${i}`,
    capacity: pick([null, null, 0, 3]),
    discipline: pick(['fifo', 'lifo', 'priority', 'random']),
    overflow: pick(['reject', 'drop-head']),
    ttl: pick([null, null, null, 5]),
  }));
  queues.push({ id: 'dlq', capacity: null, discipline: 'fifo', overflow: 'reject', ttl: null });
  const consumers = queues.slice(0, n).map((q, i) => {
    const async = rng() < 0.4;
    const concurrency = async ? 1 + Math.floor(rng() * 3) : 1;
    return {
      id: `c${i}`,
      from: q.id,
      count: 1 + Math.floor(rng() * 3),
      service: dist(),
      handling: async ? 'async' : 'sync',
      concurrency,
      shared: async && rng() < 0.5,
      prefetch: concurrency + pick([0, 0, 1, 3]),
      fetch: rng() < 0.3 ? { mode: 'poll', interval: 0.5 + rng(), batch: 1 + Math.floor(rng() * 4), wait: pick([0, 0.3, 2]) } : { mode: 'push' },
      ack:
        rng() < 0.5
          ? { mode: 'manual', failure: rng() * 0.3, ...pick<object>([{ loss: 0.05, visibilityTimeout: 0.5 + rng() * 5 }, { visibilityTimeout: 2 }, {}]), maxDeliveries: pick([null, 2, 4]), deadLetter: pick([null, 'dlq']) }
          : { mode: 'auto', failure: pick([0, rng() * 0.1]) },
      outages: rng() < 0.15 ? [{ start: 50, end: 80 }] : [],
      failures: rng() < 0.2 ? { mtbf: { dist: 'exponential', mean: 60 }, mttr: dist() } : null,
      reply: rng() < 0.3 ? dist() : null,
      then: i + 1 < n && rng() < 0.6 ? [{ to: `q${i + 1}`, p: 0.5 + rng() * 0.5 }] : rng() < 0.1 ? [{ to: 'q0', p: 0.3 }] : null,
    };
  });
  const closed = rng() < 0.35;
  const transport = () => (rng() < 0.3 ? { protocol: pick(['udp', 'tcp', 'http']), loss: 0.1, delay: dist() } : null);
  const producers = [
    closed
      ? { id: 'p', to: rng() < 0.8 ? 'q0' : queues.slice(0, n).map((q) => q.id), replies: 'sync', clients: 1 + Math.floor(rng() * 30), think: pick([null, dist()]), transport: transport() }
      : {
          id: 'p',
          to: n > 1 && rng() < 0.4 ? queues.slice(0, n).map((q) => q.id) : 'q0',
          balance: pick(['round-robin', 'random', 'shortest', 'two-choices']),
          ...(rng() < 0.8 ? { interarrival: dist() } : { rate: { x0: rng(), terms: [{ amplitude: 1, rate: 0.01 }] } }),
          priority: pick<unknown>([0, { dist: 'empirical', values: [0, 1, 2] }, { dist: 'uniform', min: 0, max: 1 }]),
          transport: transport(),
          stop: pick([null, null, 500]),
        },
  ];
  if (rng() < 0.3) producers.push({ id: 'p2', to: `q${n - 1}`, interarrival: dist(), priority: 1 } as never);
  for (const q of queues) {
    const readers = consumers.filter((c) => c.from === q.id);
    (q as Record<string, unknown>).preemptive =
      q.discipline === 'priority' && readers.every((c) => c.handling === 'sync' && c.fetch.mode === 'push' && c.prefetch === 1) && rng() < 0.5;
  }
  return { name: `random ${k}`, seed: k, horizon: 300, producers, queues, consumers };
}

/** The checks every theory must pass. */
function expectSound(t: ScenarioTheory, label: string): void {
  expectJsonSafe(t);
  for (const [id, q] of Object.entries(t.queues)) {
    if (q.model === null) {
      expect(q.reason.length, `${label}: queue ${id}`).toBeGreaterThan(0);
      continue;
    }
    expect(q.model).toBe(q.result.model);
    if (q.exact) expect(q.result.exact).toBe(true);
    expectLittleL(q.result);
    if ('cycleRate' in q.result) {
      const r = q.result as ClosedResult;
      expectClose(r.residence, r.visits * r.W!, 1e-9);
    }
  }
  for (const q of Object.values(t.queues)) {
    const r = q.retries;
    if (r !== null && r.deliveriesPerMessage !== null)
      expectClose(r.completedFraction + r.deadLetterFraction + r.lostFraction + r.unackedFraction, 1, 1e-9);
  }
  for (const p of Object.values(t.producers)) {
    if (p.completed !== null) expect(p.completed).toBeGreaterThanOrEqual(0);
    if (p.completed !== null) expect(p.completed).toBeLessThanOrEqual(1 + 1e-12);
    if (p.endToEnd !== null) expect(p.endToEnd).toBeGreaterThanOrEqual(0);
    if (p.endToEnd === null) expect(p.reason).not.toBeNull();
  }
  for (const w of t.warnings) expect(typeof w).toBe('string');
}

describe('theoryFor(scenario) on every option', () => {
  it(`theoryFor never throws on ${handcrafted.length} scenarios, one per option, and stays JSON-safe and sound`, () => {
    for (const raw of handcrafted) {
      const s = checked(raw);
      expectSound(theoryFor(s), s.name);
    }
  });

  it('theoryFor never throws on 80 random scenarios mixing every option', () => {
    const rng = seedrandom.alea('theory on every option');
    let closedLoops = 0;
    let models = 0;
    for (let k = 0; k < 80; k++) {
      const raw = randomScenario(rng, k);
      const r = checkScenario(raw);
      expect(r.ok, JSON.stringify(r.ok ? '' : r.problems)).toBe(true);
      if (!r.ok) continue;
      const t = theoryFor(r.scenario);
      expectSound(t, `random ${k}`);
      closedLoops += Object.values(t.producers).filter((p) => p.closedLoop !== null).length;
      models += Object.values(t.queues).filter((q) => q.model !== null).length;
    }
    expect(closedLoops).toBeGreaterThan(10);
    expect(models).toBeGreaterThan(5);
  });
});
