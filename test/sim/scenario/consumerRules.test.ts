import { describe, expect, test } from 'vitest';
import { problems, type Cases, type Json } from './fixtures.ts';

const exp1 = { dist: 'exponential', rate: 1 };
const outages = (f: Json, windows: unknown[]) => (f.consumers[0].outages = windows);

describe('checkScenario(file) pins each consumer rule to its path and message', () => {
  const cases: Cases = [
    // handling
    [
      'concurrency > 1 only with async',
      (f) => (f.consumers[0].concurrency = 4),
      'consumers[0].concurrency: must be 1 with handling "sync" (got 4): a sync server handles one message at a time',
    ],
    [
      'concurrency > 1 only with async (sync given)',
      (f) => Object.assign(f.consumers[0], { handling: 'sync', concurrency: 2 }),
      'consumers[0].concurrency: must be 1 with handling "sync" (got 2): a sync server handles one message at a time',
    ],
    ['shared only with async', (f) => (f.consumers[0].shared = true), 'consumers[0].shared: only with handling "async" (got true)'],
    // lost acks need a timeout to be redelivered
    [
      'ack loss needs a visibility timeout',
      (f) => (f.consumers[0].ack = { mode: 'manual', loss: 0.1 }),
      'consumers[0].ack.visibilityTimeout: is needed when ack.loss > 0 (got loss 0.1): without a visibility timeout a message whose ack is lost would stay in flight forever',
    ],
    // dead letters
    [
      'deadLetter names a queue',
      (f) => (f.consumers[0].ack = { mode: 'manual', deadLetter: 'dlq' }),
      'consumers[0].ack.deadLetter: unknown queue "dlq" (queues: q, q2)',
    ],
    [
      'deadLetter is not the queue the group reads',
      (f) => (f.consumers[0].ack = { mode: 'manual', maxDeliveries: 3, deadLetter: 'q' }),
      'consumers[0].ack.deadLetter: must differ from "from" (got "q"): dead letters would come straight back to this group',
    ],
    // outages
    [
      'outage end > start',
      (f) => outages(f, [{ start: 10, end: 10 }]),
      'consumers[0].outages[0].end: must be > start (got 10, start 10)',
    ],
    [
      'outages sorted by start',
      (f) => outages(f, [{ start: 50, end: 60 }, { start: 10, end: 20 }]),
      'consumers[0].outages[1]: outages must be sorted by start (got [10, 20] after outages[0] [50, 60])',
    ],
    [
      'outages do not overlap',
      (f) => outages(f, [{ start: 0, end: 100 }, { start: 50, end: 150 }]),
      'consumers[0].outages[1]: outages must not overlap (got [50, 150], which overlaps outages[0] [0, 100])',
    ],
    // failures
    [
      'mtbf mean > 0',
      (f) => (f.consumers[0].failures = { mtbf: { dist: 'deterministic', value: 0 }, mttr: exp1 }),
      'consumers[0].failures.mtbf: mean must be > 0 (got 0): zero time between failures would never advance the clock',
    ],
    [
      'mttr mean > 0',
      (f) => (f.consumers[0].failures = { mtbf: exp1, mttr: { dist: 'empirical', values: [0] } }),
      'consumers[0].failures.mttr: mean must be > 0 (got 0): a failure repaired at once is no failure',
    ],
  ];

  test.each(cases)('%s', (_, edit, expected) => {
    expect(problems(edit)).toEqual([expected]);
  });

  test('a window that overlaps an earlier one, not only the previous one, names the one it overlaps', () => {
    expect(problems((f) => outages(f, [{ start: 0, end: 100 }, { start: 10, end: 20 }, { start: 30, end: 40 }]))).toEqual([
      'consumers[0].outages[1]: outages must not overlap (got [10, 20], which overlaps outages[0] [0, 100])',
      'consumers[0].outages[2]: outages must not overlap (got [30, 40], which overlaps outages[0] [0, 100])',
    ]);
  });

  test('windows that touch do not overlap; a malformed window is skipped by the order rules', () => {
    expect(problems((f) => outages(f, [{ start: 0, end: 100 }, { start: 100, end: 200 }]))).toEqual([]);
    expect(problems((f) => outages(f, [{ start: 0, end: 100 }, { start: 'x', end: 50 }, { start: 150, end: 200 }]))).toEqual([
      'consumers[0].outages[1].start: must be a number (got "x")',
    ]);
  });

  test('async handling takes concurrency, shared and any prefetch', () => {
    expect(problems((f) => Object.assign(f.consumers[0], { handling: 'async', concurrency: 8, shared: true, prefetch: 2 }))).toEqual([]);
  });

  test('sync handling accepts what a checked scenario holds: concurrency 1, shared false; prefetch may exceed 1', () => {
    expect(problems((f) => Object.assign(f.consumers[0], { concurrency: 1, shared: false, prefetch: 10 }))).toEqual([]);
  });

  test('a dead-letter queue may be read by another group, and may have its own dead letters', () => {
    expect(
      problems((f) => {
        f.consumers[0].ack = { mode: 'manual', maxDeliveries: 3, deadLetter: 'q2' };
        f.consumers.push({ id: 'c2', from: 'q2', service: exp1, ack: { mode: 'manual', maxDeliveries: 3, deadLetter: 'q' } });
      }),
    ).toEqual([]);
  });
});
