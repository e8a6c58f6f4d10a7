import { describe, expect, test } from 'vitest';
import { problems, type Cases } from './fixtures.ts';

const exp1 = { dist: 'exponential', rate: 1 };

describe('checkScenario(file) pins each transport, fetch, ack, outage and failure field rule', () => {
  const cases: Cases = [
    // transport
    [
      'transport is an object or null',
      (f) => (f.producers[0].transport = 'tcp'),
      'producers[0].transport: must be a transport { "protocol", ... } or null (got "tcp")',
    ],
    [
      'protocol is required',
      (f) => (f.producers[0].transport = { loss: 0.1 }),
      'producers[0].transport.protocol: missing (expected one of "tcp", "udp", "http")',
    ],
    [
      'protocol is one of three',
      (f) => (f.producers[0].transport = { protocol: 'quic' }),
      'producers[0].transport.protocol: must be one of "tcp", "udp", "http" (got "quic")',
    ],
    [
      'transport loss >= 0',
      (f) => (f.producers[0].transport = { protocol: 'udp', loss: -0.1 }),
      'producers[0].transport.loss: must be >= 0 (got -0.1)',
    ],
    [
      'transport loss < 1',
      (f) => (f.producers[0].transport = { protocol: 'udp', loss: 1 }),
      'producers[0].transport.loss: must be < 1 (got 1)',
    ],
    ['rto > 0', (f) => (f.producers[0].transport = { protocol: 'tcp', rto: 0 }), 'producers[0].transport.rto: must be > 0 (got 0)'],
    [
      'delay is a distribution',
      (f) => (f.producers[0].transport = { protocol: 'tcp', delay: 0.01 }),
      'producers[0].transport.delay: must be an object (got 0.01)',
    ],
    [
      'delay parameters are checked',
      (f) => (f.producers[0].transport = { protocol: 'tcp', delay: { dist: 'exponential', rate: -1 } }),
      'producers[0].transport.delay.rate: must be > 0 (got -1)',
    ],
    [
      'overhead is a distribution or null',
      (f) => (f.producers[0].transport = { protocol: 'http', overhead: 5 }),
      'producers[0].transport.overhead: must be a distribution or null (got 5)',
    ],
    [
      'transport is strict',
      (f) => (f.producers[0].transport = { protocol: 'tcp', latency: exp1 }),
      'producers[0].transport.latency: unknown field',
    ],
    // fetch
    [
      'fetch mode is required',
      (f) => (f.consumers[0].fetch = { interval: 1 }),
      'consumers[0].fetch.mode: missing (expected one of: push, poll)',
    ],
    [
      'fetch mode is push or poll',
      (f) => (f.consumers[0].fetch = { mode: 'pull' }),
      'consumers[0].fetch.mode: unknown mode "pull" (known: push, poll)',
    ],
    ['fetch is an object', (f) => (f.consumers[0].fetch = 'poll'), 'consumers[0].fetch: must be an object (got "poll")'],
    [
      'poll needs an interval',
      (f) => (f.consumers[0].fetch = { mode: 'poll' }),
      'consumers[0].fetch.interval: missing (expected a number)',
    ],
    [
      'poll interval > 0',
      (f) => (f.consumers[0].fetch = { mode: 'poll', interval: 0 }),
      'consumers[0].fetch.interval: must be > 0 (got 0)',
    ],
    [
      'poll batch is an integer',
      (f) => (f.consumers[0].fetch = { mode: 'poll', interval: 1, batch: 2.5 }),
      'consumers[0].fetch.batch: must be an integer (got 2.5)',
    ],
    [
      'poll batch >= 1',
      (f) => (f.consumers[0].fetch = { mode: 'poll', interval: 1, batch: 0 }),
      'consumers[0].fetch.batch: must be >= 1 (got 0)',
    ],
    [
      'poll wait >= 0',
      (f) => (f.consumers[0].fetch = { mode: 'poll', interval: 1, wait: -1 }),
      'consumers[0].fetch.wait: must be >= 0 (got -1)',
    ],
    [
      'interval only with poll',
      (f) => (f.consumers[0].fetch = { mode: 'push', interval: 1 }),
      'consumers[0].fetch.interval: only with fetch mode "poll" (got 1)',
    ],
    [
      'batch only with poll',
      (f) => (f.consumers[0].fetch = { mode: 'push', batch: 10 }),
      'consumers[0].fetch.batch: only with fetch mode "poll" (got 10)',
    ],
    [
      'wait only with poll',
      (f) => (f.consumers[0].fetch = { mode: 'push', wait: 20 }),
      'consumers[0].fetch.wait: only with fetch mode "poll" (got 20)',
    ],
    [
      'fetch is strict',
      (f) => (f.consumers[0].fetch = { mode: 'poll', interval: 1, batchSize: 2 }),
      'consumers[0].fetch.batchSize: unknown field',
    ],
    // ack
    ['ack mode is required', (f) => (f.consumers[0].ack = {}), 'consumers[0].ack.mode: missing (expected one of: auto, manual)'],
    [
      'ack mode is auto or manual',
      (f) => (f.consumers[0].ack = { mode: 'client' }),
      'consumers[0].ack.mode: unknown mode "client" (known: auto, manual)',
    ],
    [
      'auto failure >= 0',
      (f) => (f.consumers[0].ack = { mode: 'auto', failure: -0.5 }),
      'consumers[0].ack.failure: must be >= 0 (got -0.5)',
    ],
    [
      'manual failure < 1',
      (f) => (f.consumers[0].ack = { mode: 'manual', failure: 1 }),
      'consumers[0].ack.failure: must be < 1 (got 1)',
    ],
    ['manual loss < 1', (f) => (f.consumers[0].ack = { mode: 'manual', loss: 1.5 }), 'consumers[0].ack.loss: must be < 1 (got 1.5)'],
    [
      'visibilityTimeout > 0',
      (f) => (f.consumers[0].ack = { mode: 'manual', visibilityTimeout: 0 }),
      'consumers[0].ack.visibilityTimeout: must be > 0 (got 0)',
    ],
    [
      'visibilityTimeout is a number or null',
      (f) => (f.consumers[0].ack = { mode: 'manual', visibilityTimeout: '30s' }),
      'consumers[0].ack.visibilityTimeout: must be a number > 0 or null (got "30s")',
    ],
    [
      'maxDeliveries >= 1',
      (f) => (f.consumers[0].ack = { mode: 'manual', maxDeliveries: 0 }),
      'consumers[0].ack.maxDeliveries: must be >= 1 (got 0)',
    ],
    [
      'maxDeliveries is an integer',
      (f) => (f.consumers[0].ack = { mode: 'manual', maxDeliveries: 2.5 }),
      'consumers[0].ack.maxDeliveries: must be an integer (got 2.5)',
    ],
    [
      'deadLetter is a queue id or null',
      (f) => (f.consumers[0].ack = { mode: 'manual', deadLetter: 3 }),
      'consumers[0].ack.deadLetter: must be a queue id or null (got 3)',
    ],
    [
      'loss only with manual',
      (f) => (f.consumers[0].ack = { mode: 'auto', loss: 0.1 }),
      'consumers[0].ack.loss: only with ack mode "manual" (got 0.1)',
    ],
    [
      'visibilityTimeout only with manual',
      (f) => (f.consumers[0].ack = { mode: 'auto', visibilityTimeout: 30 }),
      'consumers[0].ack.visibilityTimeout: only with ack mode "manual" (got 30)',
    ],
    [
      'maxDeliveries only with manual',
      (f) => (f.consumers[0].ack = { mode: 'auto', maxDeliveries: 5 }),
      'consumers[0].ack.maxDeliveries: only with ack mode "manual" (got 5)',
    ],
    [
      'deadLetter only with manual',
      (f) => (f.consumers[0].ack = { mode: 'auto', deadLetter: 'q2' }),
      'consumers[0].ack.deadLetter: only with ack mode "manual" (got "q2")',
    ],
    [
      'ack is strict',
      (f) => (f.consumers[0].ack = { mode: 'manual', visibiltyTimeout: 30 }),
      'consumers[0].ack.visibiltyTimeout: unknown field (did you mean "visibilityTimeout"?)',
    ],
    // outages
    ['outages is a list', (f) => (f.consumers[0].outages = { start: 0, end: 1 }), 'consumers[0].outages: must be a list (got {"start":0,"end":1})'],
    [
      'outage start >= 0',
      (f) => (f.consumers[0].outages = [{ start: -1, end: 1 }]),
      'consumers[0].outages[0].start: must be >= 0 (got -1)',
    ],
    [
      'outage end is required',
      (f) => (f.consumers[0].outages = [{ start: 10 }]),
      'consumers[0].outages[0].end: missing (expected a number)',
    ],
    [
      'outages are strict',
      (f) => (f.consumers[0].outages = [{ start: 0, end: 1, reason: 'deploy' }]),
      'consumers[0].outages[0].reason: unknown field',
    ],
    // failures
    [
      'failures is an object or null',
      (f) => (f.consumers[0].failures = 100),
      'consumers[0].failures: must be failures { "mtbf", "mttr" } or null (got 100)',
    ],
    ['mttr is required', (f) => (f.consumers[0].failures = { mtbf: exp1 }), 'consumers[0].failures.mttr: missing (expected an object)'],
    [
      'mtbf parameters are checked',
      (f) => (f.consumers[0].failures = { mtbf: { dist: 'weibull', shape: 0, scale: 1 }, mttr: exp1 }),
      'consumers[0].failures.mtbf.shape: must be > 0 (got 0)',
    ],
  ];

  test.each(cases)('%s', (_, edit, expected) => {
    expect(problems(edit)).toEqual([expected]);
  });

  test('problems inside one object come in the order of its fields', () => {
    const found = problems((f) => {
      f.producers[0].transport = { protocol: 'udp', overhead: 3, rto: 0, loss: 2, delay: 1 };
      f.consumers[0].ack = { deadLetter: 3, maxDeliveries: 0, visibilityTimeout: 0, loss: 1, failure: 1, mode: 'manual' };
    });
    expect(found).toEqual([
      'producers[0].transport.delay: must be an object (got 1)',
      'producers[0].transport.loss: must be < 1 (got 2)',
      'producers[0].transport.rto: must be > 0 (got 0)',
      'producers[0].transport.rto: only with protocol "tcp" or "http" (got 0, protocol "udp")',
      'producers[0].transport.overhead: must be a distribution or null (got 3)',
      'producers[0].transport.overhead: only with protocol "http" (got 3, protocol "udp")',
      'consumers[0].ack.failure: must be < 1 (got 1)',
      'consumers[0].ack.loss: must be < 1 (got 1)',
      'consumers[0].ack.visibilityTimeout: must be > 0 (got 0)',
      'consumers[0].ack.maxDeliveries: must be >= 1 (got 0)',
      'consumers[0].ack.deadLetter: must be a queue id or null (got 3)',
    ]);
  });
});
