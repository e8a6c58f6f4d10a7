import { describe, expect, test } from 'vitest';
import { problems, type Cases, type Json } from './fixtures.ts';

const exp1 = { dist: 'exponential', rate: 1 };
const NEEDS = 'needs handling "sync", fetch mode "push" and prefetch 1 in every consumer group reading the queue';

/** Queue q preemptive with discipline priority, and its consumer group changed by `fields`. */
function preempt(f: Json, fields: Json = {}) {
  Object.assign(f.queues[0], { discipline: 'priority', preemptive: true });
  Object.assign(f.consumers[0], fields);
}

describe('checkScenario(file) pins each preemption rule to its path and message', () => {
  const cases: Cases = [
    [
      'preemptive only with priority',
      (f) => (f.queues[0].preemptive = true),
      'queues[0].preemptive: only with discipline "priority" (got discipline "fifo")',
    ],
    [
      'preemptive only with priority (discipline given)',
      (f) => Object.assign(f.queues[0], { discipline: 'lifo', preemptive: true }),
      'queues[0].preemptive: only with discipline "priority" (got discipline "lifo")',
    ],
    [
      'consumers of a preemptive queue: sync handling',
      (f) => preempt(f, { handling: 'async' }),
      `queues[0].preemptive: ${NEEDS} (got consumers[0] "c" with handling "async")`,
    ],
    [
      'consumers of a preemptive queue: push',
      (f) => preempt(f, { fetch: { mode: 'poll', interval: 1 } }),
      `queues[0].preemptive: ${NEEDS} (got consumers[0] "c" with fetch mode "poll")`,
    ],
    [
      'consumers of a preemptive queue: prefetch 1',
      (f) => preempt(f, { prefetch: 5 }),
      `queues[0].preemptive: ${NEEDS} (got consumers[0] "c" with prefetch 5)`,
    ],
    [
      'consumers of a preemptive queue: prefetch 1, also by default',
      (f) => preempt(f, { handling: 'async', concurrency: 4 }),
      `queues[0].preemptive: ${NEEDS} (got consumers[0] "c" with handling "async", prefetch 4 (the default: concurrency))`,
    ],
  ];

  test.each(cases)('%s', (_, edit, expected) => {
    expect(problems(edit)).toEqual([expected]);
  });

  test('one problem per unfit group, naming each; groups of other queues do not matter', () => {
    const found = problems((f) => {
      preempt(f, { prefetch: 2 });
      f.consumers.push({ id: 'ok', from: 'q', service: exp1 });
      f.consumers.push({ id: 'bad', from: 'q', service: exp1, handling: 'async', fetch: { mode: 'poll', interval: 1 }, prefetch: 1 });
      f.consumers.push({ id: 'other', from: 'q2', service: exp1, prefetch: 10 });
    });
    expect(found).toEqual([
      `queues[0].preemptive: ${NEEDS} (got consumers[0] "c" with prefetch 2)`,
      `queues[0].preemptive: ${NEEDS} (got consumers[2] "bad" with handling "async", fetch mode "poll")`,
    ]);
  });

  test('a preemptive priority queue with plain consumers is valid; preemptive false needs nothing', () => {
    expect(problems((f) => preempt(f, { handling: 'sync', fetch: { mode: 'push' }, prefetch: 1, count: 3 }))).toEqual([]);
    expect(problems((f) => Object.assign(f.queues[0], { preemptive: false, discipline: 'random' }))).toEqual([]);
  });
});
