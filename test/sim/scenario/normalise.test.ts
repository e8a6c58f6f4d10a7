import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../../src/sim/scenario/parse.ts';
import type { Consumer, Producer, Queue } from '../../../src/sim/scenario/types.ts';
import { file, type Json } from './fixtures.ts';

const producer = (fields: Json): Producer => {
  const f = file();
  Object.assign(f.producers[0], fields);
  for (const key of Object.keys(fields)) if (fields[key] === undefined) delete f.producers[0][key];
  return parseScenario(f).producers[0];
};
const queue = (fields: Json): Queue => {
  const f = file();
  Object.assign(f.queues[0], fields);
  return parseScenario(f).queues[0];
};
const consumer = (fields: Json): Consumer => {
  const f = file();
  Object.assign(f.consumers[0], fields);
  return parseScenario(f).consumers[0];
};

describe('parseScenario(file) fills in the message-queue defaults of producers', () => {
  test('an open-loop producer: no transport, replies "async", 1 client, no think time', () => {
    expect(producer({})).toMatchObject({ transport: null, replies: 'async', clients: 1, think: null });
    expect(producer({ replies: 'async', clients: 1, think: null })).toEqual(producer({}));
  });

  test('a transport gets no delay, no loss, rto 1 and no overhead by default', () => {
    for (const protocol of ['tcp', 'udp', 'http'] as const) {
      expect(producer({ transport: { protocol } }).transport).toEqual({
        protocol,
        delay: { dist: 'deterministic', value: 0 },
        loss: 0,
        rto: 1,
        overhead: null,
      });
    }
  });

  test('a transport keeps what is given, with its distributions normalised', () => {
    const transport = {
      protocol: 'http',
      delay: { dist: 'exponential', mean: 0.05 },
      loss: 0.01,
      rto: 0.2,
      overhead: { dist: 'exponential', mean: 0.5 },
    };
    expect(producer({ transport }).transport).toEqual({
      protocol: 'http',
      delay: { dist: 'exponential', rate: 20 },
      loss: 0.01,
      rto: 0.2,
      overhead: { dist: 'exponential', rate: 2 },
    });
  });

  test('a closed-loop producer: 1 client and no think time by default, no clock', () => {
    expect(producer({ replies: 'sync', interarrival: undefined })).toMatchObject({
      replies: 'sync',
      clients: 1,
      think: null,
      interarrival: null,
      rate: null,
    });
  });

  test('a closed-loop producer keeps its clients and think time, normalised', () => {
    const p = producer({ replies: 'sync', interarrival: undefined, clients: 20, think: { dist: 'exponential', mean: 5 } });
    expect(p).toMatchObject({ clients: 20, think: { dist: 'exponential', rate: 0.2 }, interarrival: null, rate: null });
  });
});

describe('parseScenario(file) fills in the message-queue defaults of queues', () => {
  test('preemptive is false by default, kept when given', () => {
    expect(queue({}).preemptive).toBe(false);
    expect(queue({ discipline: 'priority', preemptive: true })).toMatchObject({ discipline: 'priority', preemptive: true });
  });
});

describe('parseScenario(file) fills in the message-queue defaults of consumer groups', () => {
  test('a plain group: sync, one at a time, pushed, prefetch 1, auto ack without failures, always up, no reply', () => {
    expect(consumer({})).toMatchObject({
      handling: 'sync',
      concurrency: 1,
      shared: false,
      fetch: { mode: 'push' },
      prefetch: 1,
      ack: { mode: 'auto', failure: 0 },
      outages: [],
      failures: null,
      reply: null,
    });
  });

  test('prefetch defaults to concurrency, and is kept when given', () => {
    expect(consumer({ handling: 'async', concurrency: 4 })).toMatchObject({ handling: 'async', concurrency: 4, shared: false, prefetch: 4 });
    expect(consumer({ handling: 'async', concurrency: 4, shared: true, prefetch: 2 })).toMatchObject({ shared: true, prefetch: 2 });
    expect(consumer({ prefetch: 10 })).toMatchObject({ handling: 'sync', concurrency: 1, prefetch: 10 });
  });

  test('fetch: push has only its mode; poll takes batch 1 and wait 0 by default', () => {
    expect(consumer({ fetch: { mode: 'push' } }).fetch).toEqual({ mode: 'push' });
    expect(consumer({ fetch: { mode: 'poll', interval: 2 } }).fetch).toEqual({ mode: 'poll', interval: 2, batch: 1, wait: 0 });
    expect(consumer({ fetch: { mode: 'poll', interval: 2, batch: 10, wait: 20 } }).fetch).toEqual({
      mode: 'poll',
      interval: 2,
      batch: 10,
      wait: 20,
    });
  });

  test('ack auto: failure 0 by default', () => {
    expect(consumer({ ack: { mode: 'auto' } }).ack).toEqual({ mode: 'auto', failure: 0 });
    expect(consumer({ ack: { mode: 'auto', failure: 0.1 } }).ack).toEqual({ mode: 'auto', failure: 0.1 });
  });

  test('ack manual: no failures, no lost acks, no timeout, no limit, no dead-letter queue by default', () => {
    expect(consumer({ ack: { mode: 'manual' } }).ack).toEqual({
      mode: 'manual',
      failure: 0,
      loss: 0,
      visibilityTimeout: null,
      maxDeliveries: null,
      deadLetter: null,
    });
    const ack = { mode: 'manual', failure: 0.01, loss: 0.001, visibilityTimeout: 30, maxDeliveries: 5, deadLetter: 'q2' };
    expect(consumer({ ack }).ack).toEqual(ack);
  });

  test('outages, failures and reply are kept, distributions normalised', () => {
    const c = consumer({
      outages: [{ start: 600, end: 1200 }],
      failures: { mtbf: { dist: 'exponential', mean: 1000 }, mttr: { dist: 'erlang', k: 2, mean: 60 } },
      reply: { dist: 'exponential', mean: 0.25 },
    });
    expect(c).toMatchObject({
      outages: [{ start: 600, end: 1200 }],
      failures: { mtbf: { dist: 'exponential', rate: 0.001 }, mttr: { dist: 'erlang', k: 2, mean: 60 } },
      reply: { dist: 'exponential', rate: 4 },
    });
  });

  test('the result shares no objects with the input', () => {
    const f = file();
    f.consumers[0].outages = [{ start: 1, end: 2 }];
    f.consumers[0].fetch = { mode: 'poll', interval: 1 };
    f.producers[0].transport = { protocol: 'tcp', delay: { dist: 'empirical', values: [1] } };
    const s = parseScenario(f);
    f.consumers[0].outages[0].end = 3;
    f.consumers[0].outages.push({ start: 4, end: 5 });
    f.consumers[0].fetch.interval = 9;
    f.producers[0].transport.delay.values.push(2);
    expect(s.consumers[0].outages).toEqual([{ start: 1, end: 2 }]);
    expect(s.consumers[0].fetch).toEqual({ mode: 'poll', interval: 1, batch: 1, wait: 0 });
    expect(s.producers[0].transport?.delay).toEqual({ dist: 'empirical', values: [1] });
  });
});
