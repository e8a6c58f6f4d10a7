import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../../src/sim/scenario/parse.ts';
import { file, problems, type Cases, type Json } from './fixtures.ts';

const policy = { min: 1, max: 4, metric: 'backlog', target: 5, interval: 10 };
const autoscale = (f: Json, a: Record<string, unknown>) => (f.consumers[0].autoscale = { ...policy, ...a });

describe('checkScenario(file): autoscale, slowdowns, timeout and retry', () => {
  const cases: Cases = [
    ['max >= min', (f) => autoscale(f, { min: 3, max: 2 }), 'consumers[0].autoscale.max: must be >= min (got 2, min 3)'],
    [
      'count within [min, max]',
      (f) => {
        f.consumers[0].count = 6;
        autoscale(f, {});
      },
      'consumers[0].count: must be within autoscale [min, max] = [1, 4] (got 6): it is the starting count',
    ],
    [
      'the default count 1 is below min 2',
      (f) => autoscale(f, { min: 2 }),
      'consumers[0].count: must be within autoscale [min, max] = [2, 4] (got 1): it is the starting count',
    ],
    [
      'a utilisation target is a share',
      (f) => autoscale(f, { metric: 'utilization', target: 70 }),
      'consumers[0].autoscale.target: must be <= 1 with metric "utilization" (got 70): a server is at most fully busy',
    ],
    [
      'min is at least 1',
      (f) => autoscale(f, { min: 0 }),
      'consumers[0].autoscale.min: must be >= 1 (got 0)',
    ],
    [
      'a metric is one of three',
      (f) => autoscale(f, { metric: 'cpu' }),
      'consumers[0].autoscale.metric: must be one of "backlog", "age", "utilization" (got "cpu")',
    ],
    [
      'autoscale with outages',
      (f) => {
        autoscale(f, {});
        f.consumers[0].outages = [{ start: 1, end: 2 }];
      },
      'consumers[0].outages: not supported together with autoscale yet (remove one)',
    ],
    [
      'slowdowns do not overlap',
      (f) => (f.consumers[0].slowdowns = [{ start: 0, end: 10, factor: 2 }, { start: 5, end: 20, factor: 3 }]),
      'consumers[0].slowdowns[1]: slowdowns must not overlap (got [5, 20], which overlaps slowdowns[0] [0, 10])',
    ],
    [
      'a slowdown factor is > 0',
      (f) => (f.consumers[0].slowdowns = [{ start: 0, end: 10, factor: 0 }]),
      'consumers[0].slowdowns[0].factor: must be > 0 (got 0)',
    ],
    [
      'retry needs a timeout',
      (f) => (f.producers[0].retry = { maxAttempts: 3 }),
      'producers[0].retry: needs "timeout": a retry is sent when an attempt times out',
    ],
    [
      'cap >= base',
      (f) => Object.assign(f.producers[0], { timeout: 1, retry: { maxAttempts: 3, backoff: 'exponential', base: 2, cap: 1 } }),
      'producers[0].retry.cap: must be >= base (got 1, base 2)',
    ],
    [
      'jitter is one of three',
      (f) => Object.assign(f.producers[0], { timeout: 1, retry: { maxAttempts: 3, jitter: 'decorrelated' } }),
      'producers[0].retry.jitter: must be one of "none", "full", "equal" (got "decorrelated")',
    ],
  ];

  test.each(cases)('%s', (_, edit, expected) => {
    expect(problems(edit)).toEqual([expected]);
  });

  test('closed-loop clients may time out and retry', () => {
    const sync = { interarrival: undefined, replies: 'sync', clients: 3, timeout: 2, retry: { maxAttempts: 2 } };
    expect(problems((f) => Object.assign(f.producers[0], sync))).toEqual([]);
  });

  test('defaults: cooldown 0, startupDelay 0; backoff fixed at 0 s, no jitter, no cap, no budget; burst 10', () => {
    const f = file();
    f.consumers[0].autoscale = policy;
    Object.assign(f.producers[0], { timeout: 2, retry: { maxAttempts: 3, budget: { ratio: 0.1 } } });
    const s = parseScenario(f);
    expect(s.consumers[0].autoscale).toEqual({ ...policy, cooldown: 0, startupDelay: 0 });
    expect(s.consumers[0].slowdowns).toEqual([]);
    expect(s.producers[0].retry).toEqual({
      maxAttempts: 3,
      backoff: 'fixed',
      base: 0,
      cap: null,
      jitter: 'none',
      budget: { ratio: 0.1, burst: 10 },
    });
    expect(parseScenario(file()).producers[0]).toMatchObject({ timeout: null, retry: null });
  });
});
