// Bad message-queue options: every problem at once, and never anything but a ScenarioError.
import { describe, expect, test } from 'vitest';
import { parseScenario, ScenarioError } from '../../../src/sim/scenario/parse.ts';
import { file, problems, type Json } from './fixtures.ts';

describe('checkScenario(file) reports every message-queue problem at once', () => {
  test('shape, reference and cross-field problems together, in document order', () => {
    const found = problems((f) => {
      Object.assign(f.producers[0], { replies: 'sync', clients: 0, transport: { protocol: 'udp', rto: 2 } });
      f.queues[0].preemptive = true;
      Object.assign(f.consumers[0], {
        concurrency: 3,
        fetch: { mode: 'poll' },
        ack: { mode: 'manual', deadLetter: 'nowhere' },
        outages: [
          { start: 50, end: 60 },
          { start: 0, end: 10 },
        ],
      });
    });
    expect(found).toEqual([
      'producers[0].interarrival: must be absent with replies "sync" (got {"dist":"exponential","rate":0.9}): a closed loop sends when a reply comes back, not on a clock',
      'producers[0].transport.rto: only with protocol "tcp" or "http" (got 2, protocol "udp")',
      'producers[0].clients: must be >= 1 (got 0)',
      'queues[0].preemptive: only with discipline "priority" (got discipline "fifo")',
      'queues[0].preemptive: needs handling "sync", fetch mode "push" and prefetch 1 in every consumer group reading the queue (got consumers[0] "c" with fetch mode "poll", prefetch 3 (the default: concurrency))',
      'consumers[0].concurrency: must be 1 with handling "sync" (got 3): a sync server handles one message at a time',
      'consumers[0].fetch.interval: missing (expected a number)',
      'consumers[0].ack.deadLetter: unknown queue "nowhere" (queues: q, q2)',
      'consumers[0].outages[1]: outages must be sorted by start (got [0, 10] after outages[0] [50, 60])',
    ]);
  });
});

/** A valid file that uses every message-queue option. */
function rich(): Json {
  const f = file();
  f.producers.push({
    id: 'users',
    to: ['q', 'q2'],
    replies: 'sync',
    clients: 3,
    think: { dist: 'exponential', mean: 2 },
    transport: { protocol: 'http', delay: { dist: 'deterministic', value: 0.01 }, loss: 0.01, rto: 0.5, overhead: { dist: 'exponential', rate: 10 } },
  });
  Object.assign(f.queues[0], { discipline: 'priority', preemptive: true });
  Object.assign(f.consumers[0], { outages: [{ start: 10, end: 20 }], failures: { mtbf: { dist: 'exponential', mean: 100 }, mttr: { dist: 'exponential', mean: 5 } } });
  f.consumers.push({
    id: 'c2',
    from: 'q2',
    service: { dist: 'exponential', rate: 1 },
    handling: 'async',
    concurrency: 4,
    shared: true,
    fetch: { mode: 'poll', interval: 1, batch: 5, wait: 2 },
    prefetch: 8,
    ack: { mode: 'manual', failure: 0.1, loss: 0.01, visibilityTimeout: 30, maxDeliveries: 3, deadLetter: 'q' },
    reply: { dist: 'deterministic', value: 0.1 },
  });
  return f;
}

describe('parseScenario(garbage) in the message-queue fields throws ScenarioError, never anything else', () => {
  test('the file that uses every option is valid', () => {
    expect(problems((f) => Object.assign(f, rich()))).toEqual([]);
  });

  test('random damage anywhere in it; whatever is accepted reads back as itself', () => {
    // A fixed-seed fuzz: replace one value anywhere in the file by something odd.
    let state = 54321;
    const rand = (n: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31) % n);
    const odd = [null, undefined, -1, 0, 0.5, 1, 2.5, NaN, Infinity, '', 'q', 'sync', 'async', 'manual', 'poll', [], [{}], {}, { dist: 'x' }, { mode: 'x' }, true];
    let rejected = 0;
    for (let run = 0; run < 400; run++) {
      const f = rich();
      let node: any = f; // eslint-disable-line @typescript-eslint/no-explicit-any
      for (let depth = 0; depth < 5; depth++) {
        const keys = Object.keys(node);
        const key = keys[rand(keys.length)];
        if (depth < 4 && node[key] !== null && typeof node[key] === 'object' && Object.keys(node[key]).length > 0) node = node[key];
        else {
          node[key] = odd[rand(odd.length)];
          break;
        }
      }
      try {
        const once = parseScenario(f);
        expect(parseScenario(structuredClone(once))).toEqual(once);
      } catch (e) {
        expect(e).toBeInstanceOf(ScenarioError);
        expect((e as ScenarioError).problems.length).toBeGreaterThan(0);
        rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(200);
  });
});
