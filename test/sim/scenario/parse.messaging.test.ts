// Complete scenarios in the style of issue 3 (message-queue semantics), parsed to the exact
// checked scenario the engine will see.
import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../../src/sim/scenario/parse.ts';
import type { Consumer, Producer, Queue, Scenario } from '../../../src/sim/scenario/types.ts';

// The checked defaults, spelt out once: every expected object below is complete.
const SCENARIO = { description: '', seed: 1, warmup: 0, replications: 1 } as const;
const PRODUCER = {
  balance: 'round-robin',
  interarrival: null,
  rate: null,
  priority: 0,
  transport: null,
  replies: 'async',
  clients: 1,
  think: null,
  start: 0,
  stop: null,
  limit: null,
  timeout: null,
  retry: null,
} satisfies Partial<Producer>;
const QUEUE = { capacity: null, initial: 0, discipline: 'fifo', overflow: 'reject', ttl: null, preemptive: false } satisfies Partial<Queue>;
const CONSUMER = {
  count: 1,
  handling: 'sync',
  concurrency: 1,
  shared: false,
  fetch: { mode: 'push' },
  prefetch: 1,
  ack: { mode: 'auto', failure: 0 },
  outages: [],
  failures: null,
  reply: null,
  then: [],
  slowdowns: [],
  autoscale: null,
} satisfies Partial<Consumer>;

const poisson = (rate: number) => ({ dist: 'exponential' as const, rate });

/** Parses, and checks that the checked scenario is itself a file that parses to itself. */
function parsed(json: unknown): Scenario {
  const s = parseScenario(json);
  expect(parseScenario(structuredClone(s))).toEqual(s);
  return s;
}

describe('parseScenario(file) reads complete message-queue scenarios', () => {
  test('at least once: manual ack, failures, redelivery and a dead-letter queue with its own consumer', () => {
    const s = parsed({
      name: 'at least once',
      horizon: 10000,
      producers: [{ id: 'orders', to: 'work', interarrival: { dist: 'exponential', rate: 0.5 } }],
      queues: [{ id: 'work' }, { id: 'dlq' }],
      consumers: [
        {
          id: 'workers',
          from: 'work',
          count: 2,
          service: { dist: 'exponential', mean: 2 },
          prefetch: 5,
          ack: { mode: 'manual', failure: 0.1, loss: 0.001, visibilityTimeout: 30, maxDeliveries: 5, deadLetter: 'dlq' },
        },
        { id: 'inspector', from: 'dlq', service: { dist: 'deterministic', value: 60 } },
      ],
    });
    expect(s).toEqual({
      ...SCENARIO,
      name: 'at least once',
      horizon: 10000,
      sampleEvery: 20,
      producers: [{ ...PRODUCER, id: 'orders', to: ['work'], interarrival: poisson(0.5) }],
      queues: [
        { ...QUEUE, id: 'work' },
        { ...QUEUE, id: 'dlq' },
      ],
      consumers: [
        {
          ...CONSUMER,
          id: 'workers',
          from: 'work',
          count: 2,
          service: poisson(0.5),
          prefetch: 5,
          ack: { mode: 'manual', failure: 0.1, loss: 0.001, visibilityTimeout: 30, maxDeliveries: 5, deadLetter: 'dlq' },
        },
        { ...CONSUMER, id: 'inspector', from: 'dlq', service: { dist: 'deterministic', value: 60 } },
      ],
    } satisfies Scenario);
  });

  test('polling versus push: a long-polling group with batches next to a pushed one', () => {
    const s = parsed({
      name: 'polling',
      horizon: 1000,
      sampleEvery: 1,
      producers: [{ id: 'p', to: ['polled', 'pushed'], balance: 'random', interarrival: { dist: 'exponential', rate: 1 } }],
      queues: [{ id: 'polled' }, { id: 'pushed' }],
      consumers: [
        { id: 'poller', from: 'polled', service: { dist: 'exponential', rate: 2 }, fetch: { mode: 'poll', interval: 5, batch: 10, wait: 20 }, prefetch: 10 },
        { id: 'pusher', from: 'pushed', service: { dist: 'exponential', rate: 2 }, fetch: { mode: 'push' } },
      ],
    });
    expect(s).toEqual({
      ...SCENARIO,
      name: 'polling',
      horizon: 1000,
      sampleEvery: 1,
      producers: [{ ...PRODUCER, id: 'p', to: ['polled', 'pushed'], balance: 'random', interarrival: poisson(1) }],
      queues: [
        { ...QUEUE, id: 'polled' },
        { ...QUEUE, id: 'pushed' },
      ],
      consumers: [
        { ...CONSUMER, id: 'poller', from: 'polled', service: poisson(2), fetch: { mode: 'poll', interval: 5, batch: 10, wait: 20 }, prefetch: 10 },
        { ...CONSUMER, id: 'pusher', from: 'pushed', service: poisson(2) },
      ],
    } satisfies Scenario);
  });

  test('priority: two classes on a preemptive-resume priority queue', () => {
    const s = parsed({
      name: 'priority',
      horizon: 5000,
      producers: [
        { id: 'gold', to: 'q', interarrival: { dist: 'exponential', rate: 0.3 }, priority: 1 },
        { id: 'bronze', to: 'q', interarrival: { dist: 'exponential', rate: 0.5 }, priority: { dist: 'uniform', min: 0, max: 1 } },
      ],
      queues: [{ id: 'q', discipline: 'priority', preemptive: true }],
      consumers: [{ id: 'server', from: 'q', service: { dist: 'exponential', rate: 1 } }],
    });
    expect(s).toEqual({
      ...SCENARIO,
      name: 'priority',
      horizon: 5000,
      sampleEvery: 10,
      producers: [
        { ...PRODUCER, id: 'gold', to: ['q'], interarrival: poisson(0.3), priority: 1 },
        { ...PRODUCER, id: 'bronze', to: ['q'], interarrival: poisson(0.5), priority: { dist: 'uniform', min: 0, max: 1 } },
      ],
      queues: [{ ...QUEUE, id: 'q', discipline: 'priority', preemptive: true }],
      consumers: [{ ...CONSUMER, id: 'server', from: 'q', service: poisson(1) }],
    } satisfies Scenario);
  });

  test('request-reply: a closed loop of clients, an async processor-sharing server that replies', () => {
    const s = parsed({
      name: 'request-reply',
      horizon: 2000,
      producers: [{ id: 'users', to: 'api', replies: 'sync', clients: 10, think: { dist: 'exponential', mean: 5 } }],
      queues: [{ id: 'api' }],
      consumers: [
        {
          id: 'server',
          from: 'api',
          service: { dist: 'lognormal', mean: 0.4, cv: 2 },
          handling: 'async',
          concurrency: 8,
          shared: true,
          reply: { dist: 'deterministic', value: 0.05 },
        },
      ],
    });
    expect(s).toEqual({
      ...SCENARIO,
      name: 'request-reply',
      horizon: 2000,
      sampleEvery: 4,
      producers: [{ ...PRODUCER, id: 'users', to: ['api'], replies: 'sync', clients: 10, think: poisson(0.2) }],
      queues: [{ ...QUEUE, id: 'api' }],
      consumers: [
        {
          ...CONSUMER,
          id: 'server',
          from: 'api',
          service: { dist: 'lognormal', mean: 0.4, cv: 2 },
          handling: 'async',
          concurrency: 8,
          shared: true,
          prefetch: 8,
          reply: { dist: 'deterministic', value: 0.05 },
        },
      ],
    } satisfies Scenario);
  });

  test('transport: the same traffic over udp, tcp and http', () => {
    const s = parsed({
      name: 'transport',
      horizon: 500,
      producers: [
        { id: 'udp', to: 'q', interarrival: { dist: 'exponential', rate: 0.2 }, transport: { protocol: 'udp', delay: { dist: 'exponential', mean: 0.01 }, loss: 0.05 } },
        { id: 'tcp', to: 'q', interarrival: { dist: 'exponential', rate: 0.2 }, transport: { protocol: 'tcp', loss: 0.05, rto: 0.2 } },
        {
          id: 'http',
          to: 'q',
          interarrival: { dist: 'exponential', rate: 0.2 },
          transport: { protocol: 'http', delay: { dist: 'deterministic', value: 0.01 }, overhead: { dist: 'uniform', min: 0.01, max: 0.03 } },
        },
      ],
      queues: [{ id: 'q' }],
      consumers: [{ id: 'c', from: 'q', service: { dist: 'exponential', rate: 1 } }],
    });
    const base = { ...PRODUCER, to: ['q'], interarrival: poisson(0.2) };
    expect(s.producers).toEqual([
      { ...base, id: 'udp', transport: { protocol: 'udp', delay: poisson(100), loss: 0.05, rto: 1, overhead: null } },
      { ...base, id: 'tcp', transport: { protocol: 'tcp', delay: { dist: 'deterministic', value: 0 }, loss: 0.05, rto: 0.2, overhead: null } },
      {
        ...base,
        id: 'http',
        transport: {
          protocol: 'http',
          delay: { dist: 'deterministic', value: 0.01 },
          loss: 0,
          rto: 1,
          overhead: { dist: 'uniform', min: 0.01, max: 0.03 },
        },
      },
    ] satisfies Producer[]);
  });

  test('outages and failures: a 10-minute maintenance window and a failure-repair process', () => {
    const s = parsed({
      name: 'outage',
      horizon: 7200,
      warmup: 'auto',
      replications: 20,
      producers: [{ id: 'p', to: 'q', interarrival: { dist: 'exponential', rate: 0.8 } }],
      queues: [{ id: 'q' }],
      consumers: [
        {
          id: 'c',
          from: 'q',
          service: { dist: 'exponential', rate: 1 },
          ack: { mode: 'manual', visibilityTimeout: 60 },
          outages: [
            { start: 600, end: 1200 },
            { start: 3600, end: 3660 },
          ],
          failures: { mtbf: { dist: 'exponential', mean: 3600 }, mttr: { dist: 'lognormal', mean: 120, cv: 0.5 } },
        },
      ],
    });
    expect(s).toEqual({
      ...SCENARIO,
      name: 'outage',
      horizon: 7200,
      warmup: 'auto',
      replications: 20,
      sampleEvery: 14.4,
      producers: [{ ...PRODUCER, id: 'p', to: ['q'], interarrival: poisson(0.8) }],
      queues: [{ ...QUEUE, id: 'q' }],
      consumers: [
        {
          ...CONSUMER,
          id: 'c',
          from: 'q',
          service: poisson(1),
          ack: { mode: 'manual', failure: 0, loss: 0, visibilityTimeout: 60, maxDeliveries: null, deadLetter: null },
          outages: [
            { start: 600, end: 1200 },
            { start: 3600, end: 3660 },
          ],
          failures: { mtbf: poisson(1 / 3600), mttr: { dist: 'lognormal', mean: 120, cv: 0.5 } },
        },
      ],
    } satisfies Scenario);
  });
});
