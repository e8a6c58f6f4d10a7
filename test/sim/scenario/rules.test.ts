import { describe, expect, test } from 'vitest';
import { problems, type Cases } from './fixtures.ts';

describe('checkScenario(file) pins each cross-field rule to its path and message', () => {
  const cases: Cases = [
    ['warmup < horizon', (f) => (f.warmup = 1000), 'warmup: must be < horizon (got 1000, horizon 1000)'],
    ['sampleEvery <= horizon', (f) => (f.sampleEvery = 1001), 'sampleEvery: must be <= horizon (got 1001, horizon 1000)'],
    [
      'at most a million samples per series',
      (f) => (f.sampleEvery = 0.0009),
      'sampleEvery: must be >= horizon / 1000000 (got 0.0009, horizon 1000: 1111111 samples per series)',
    ],
    ['ids are unique across kinds', (f) => (f.consumers[0].id = 'q'), 'consumers[0].id: duplicate id "q" (also queues[0].id)'],
    ['no id is __proto__', (f) => (f.queues[1].id = '__proto__'), 'queues[1].id: must not be "__proto__" (reserved in JavaScript objects)'],
    ['producer to names a queue', (f) => (f.producers[0].to = 'qq'), 'producers[0].to: unknown queue "qq" (queues: q, q2)'],
    ['each of several to', (f) => (f.producers[0].to = ['q', 'c']), 'producers[0].to[1]: unknown queue "c" (queues: q, q2)'],
    ['consumer from names a queue', (f) => (f.consumers[0].from = 'p'), 'consumers[0].from: unknown queue "p" (queues: q, q2)'],
    ['then names a queue', (f) => (f.consumers[0].then = 'x'), 'consumers[0].then: unknown queue "x" (queues: q, q2)'],
    [
      'each route names a queue',
      (f) => (f.consumers[0].then = [{ to: 'x', p: 0.5 }]),
      'consumers[0].then[0].to: unknown queue "x" (queues: q, q2)',
    ],
    [
      'interarrival or rate is needed',
      (f) => delete f.producers[0].interarrival,
      'producers[0]: needs exactly one of "interarrival" and "rate" (got neither)',
    ],
    [
      'not both interarrival and rate',
      (f) => (f.producers[0].rate = { x0: 1 }),
      'producers[0]: needs exactly one of "interarrival" and "rate" (got both)',
    ],
    [
      'interarrival mean > 0',
      (f) => (f.producers[0].interarrival = { dist: 'deterministic', value: 0 }),
      'producers[0].interarrival: mean must be > 0 (got 0): zero time between messages would never advance the clock',
    ],
    [
      'interarrival mean > 0 (empirical)',
      (f) => (f.producers[0].interarrival = { dist: 'empirical', values: [0, 0] }),
      'producers[0].interarrival: mean must be > 0 (got 0): zero time between messages would never advance the clock',
    ],
    ['stop > start', (f) => Object.assign(f.producers[0], { start: 10, stop: 10 }), 'producers[0].stop: must be > start (got 10, start 10)'],
    ['stop > default start', (f) => (f.producers[0].stop = 0), 'producers[0].stop: must be > start (got 0, start 0)'],
  ];

  test.each(cases)('%s', (_, edit, expected) => {
    expect(problems(edit)).toEqual([expected]);
  });

  test('a duplicate is reported where it repeats, naming the first', () => {
    expect(problems((f) => f.producers.push({ ...f.producers[0] }))).toEqual([
      'producers[1].id: duplicate id "p" (also producers[0].id)',
    ]);
  });

  test('a feedback route back into the same queue is allowed', () => {
    expect(problems((f) => (f.consumers[0].then = [{ to: 'q', p: 0.5 }]))).toEqual([]);
  });

  test('references are not checked when no queue is valid (the queues problem says why)', () => {
    expect(problems((f) => (f.queues = []))).toEqual(['queues: must not be empty']);
  });

  test('"interarrival": null counts as absent', () => {
    expect(
      problems((f) => {
        f.producers[0].interarrival = null;
        f.producers[0].rate = { x0: 1 };
      }),
    ).toEqual([]);
  });

  test('exactly a million samples per series is fine', () => {
    expect(problems((f) => (f.sampleEvery = 0.001))).toEqual([]);
  });

  test('warmup "auto" and a warmup just under the horizon are fine', () => {
    expect(problems((f) => (f.warmup = 'auto'))).toEqual([]);
    expect(problems((f) => (f.warmup = 999.9))).toEqual([]);
  });
});
