import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../../src/sim/scenario/parse.ts';
import { file, problems, type Cases } from './fixtures.ts';

const COMING = 'is not implemented yet (coming with message-queue semantics)';

describe('options that are not implemented yet', () => {
  const cases: Cases = [
    ['transport', (f) => (f.producers[0].transport = { protocol: 'tcp' }), `producers[0].transport: {"protocol":"tcp"} ${COMING}; use null`],
    ['sync replies', (f) => (f.producers[0].replies = 'sync'), `producers[0].replies: "sync" ${COMING}; use "async"`],
    ['clients', (f) => (f.producers[0].clients = 10), `producers[0].clients: not implemented yet (coming with message-queue semantics); remove it`],
    ['think', (f) => (f.producers[0].think = { dist: 'exponential', rate: 1 }), `producers[0].think: not implemented yet (coming with message-queue semantics); remove it`],
    ['preemptive', (f) => (f.queues[0].preemptive = true), `queues[0].preemptive: true ${COMING}; use false`],
    ['async handling', (f) => (f.consumers[0].handling = 'async'), `consumers[0].handling: "async" ${COMING}; use "sync"`],
    ['concurrency', (f) => (f.consumers[0].concurrency = 4), `consumers[0].concurrency: not implemented yet (coming with message-queue semantics); remove it`],
    ['shared', (f) => (f.consumers[0].shared = true), `consumers[0].shared: not implemented yet (coming with message-queue semantics); remove it`],
    ['poll fetch', (f) => (f.consumers[0].fetch = { mode: 'poll', interval: 1, batch: 10 }), `consumers[0].fetch.mode: "poll" ${COMING}; use "push"`],
    ['prefetch', (f) => (f.consumers[0].prefetch = 10), `consumers[0].prefetch: 10 ${COMING}; use 1`],
    [
      'manual ack',
      (f) => (f.consumers[0].ack = { mode: 'manual', failure: 0.01, loss: 0.001, visibilityTimeout: 30 }),
      `consumers[0].ack.mode: "manual" ${COMING}; use "auto"`,
    ],
    ['outages', (f) => (f.consumers[0].outages = [{ start: 600, end: 1200 }]), `consumers[0].outages: [{"start":600,"end":1200}] ${COMING}; use []`],
    [
      'failures',
      (f) => (f.consumers[0].failures = { mtbf: { dist: 'exponential', mean: 100 } }),
      `consumers[0].failures: {"mtbf":{"dist":"exponential","mean":100}} ${COMING}; use null (or leave it out)`,
    ],
    ['reply', (f) => (f.consumers[0].reply = { dist: 'deterministic', value: 1 }), `consumers[0].reply: {"dist":"deterministic","value":1} ${COMING}; use null`],
  ];

  test.each(cases)('%s gives one "not implemented yet" problem', (_, edit, expected) => {
    expect(problems(edit)).toEqual([expected]);
  });

  test('their neutral values are accepted', () => {
    const f = file();
    Object.assign(f.producers[0], { transport: null, replies: 'async' });
    Object.assign(f.queues[0], { preemptive: false });
    Object.assign(f.consumers[0], {
      handling: 'sync',
      fetch: { mode: 'push' },
      prefetch: 1,
      ack: { mode: 'auto' },
      outages: [],
      failures: null,
      reply: null,
    });
    expect(parseScenario(f)).toEqual(parseScenario(file()));
  });

  test('plain mistakes in them get the ordinary messages', () => {
    expect(problems((f) => (f.producers[0].replies = 'asnyc'))).toEqual(['producers[0].replies: must be "async" (got "asnyc")']);
    expect(problems((f) => (f.consumers[0].prefetch = 0))).toEqual(['consumers[0].prefetch: must be 1 (got 0)']);
    expect(problems((f) => (f.consumers[0].ack = { mode: 'auto', failure: 0.1 }))).toEqual([
      'consumers[0].ack.failure: unknown field',
    ]);
  });
});
