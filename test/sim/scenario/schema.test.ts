import { describe, expect, test } from 'vitest';
import { file, problems, type Cases, type Json } from './fixtures.ts';

function rate(f: Json, model: unknown) {
  delete f.producers[0].interarrival;
  f.producers[0].rate = model;
}

/** A closed-loop producer (no clock) with the given fields. */
function sync(f: Json, fields: Json) {
  delete f.producers[0].interarrival;
  Object.assign(f.producers[0], { replies: 'sync' }, fields);
}

describe('checkScenario(file) pins each field rule to its path and message', () => {
  const cases: Cases = [
    // the scenario
    ['name is required', (f) => delete f.name, 'name: missing (expected a string)'],
    ['name is not empty', (f) => (f.name = ''), 'name: must not be empty'],
    ['horizon is required', (f) => delete f.horizon, 'horizon: missing (expected a number)'],
    ['horizon > 0', (f) => (f.horizon = 0), 'horizon: must be > 0 (got 0)'],
    ['horizon is finite', (f) => (f.horizon = Infinity), 'horizon: must be a finite number (got Infinity)'],
    ['horizon is not NaN', (f) => (f.horizon = NaN), 'horizon: must be a finite number (got NaN)'],
    ['horizon is a number', (f) => (f.horizon = '1000'), 'horizon: must be a number (got "1000")'],
    ['seed is an integer', (f) => (f.seed = 1.5), 'seed: must be an integer (got 1.5)'],
    [
      'seed is a safe integer',
      (f) => (f.seed = 2 ** 60),
      'seed: must be a safe integer, between -(2^53 - 1) and 2^53 - 1 (got 1152921504606847000)',
    ],
    ['warmup >= 0', (f) => (f.warmup = -1), 'warmup: must be >= 0 (got -1)'],
    ['warmup number or "auto"', (f) => (f.warmup = 'Auto'), 'warmup: must be a number >= 0 or "auto" (got "Auto")'],
    ['warmup is finite', (f) => (f.warmup = Infinity), 'warmup: must be a finite number (got Infinity)'],
    ['replications >= 1', (f) => (f.replications = 0), 'replications: must be >= 1 (got 0)'],
    ['replications is an integer', (f) => (f.replications = 2.5), 'replications: must be an integer (got 2.5)'],
    ['sampleEvery > 0', (f) => (f.sampleEvery = 0), 'sampleEvery: must be > 0 (got 0)'],
    ['at least one producer', (f) => (f.producers = []), 'producers: must not be empty'],
    ['at least one queue', (f) => (f.queues = []), 'queues: must not be empty'],
    ['consumers is a list', (f) => (f.consumers = {}), 'consumers: must be a list (got {})'],
    ['unknown fields are errors', (f) => (f.colour = 'red'), 'colour: unknown field'],
    ['unknown fields suggest a near one', (f) => (f.replicatons = 3), 'replicatons: unknown field (did you mean "replications"?)'],
    // ids and references
    ['ids are not empty', (f) => (f.queues[1].id = ''), 'queues[1].id: must not be empty'],
    ['to is not an empty list', (f) => (f.producers[0].to = []), 'producers[0].to: must not be empty'],
    [
      'to is an id or a list',
      (f) => (f.producers[0].to = 3),
      'producers[0].to: must be a queue id or a non-empty list of queue ids (got 3)',
    ],
    // producers
    [
      'balance is one of four',
      (f) => (f.producers[0].balance = 'least'),
      'producers[0].balance: must be one of "round-robin", "random", "shortest", "two-choices" (got "least")',
    ],
    ['start >= 0', (f) => (f.producers[0].start = -1), 'producers[0].start: must be >= 0 (got -1)'],
    ['stop is a number or null', (f) => (f.producers[0].stop = 'never'), 'producers[0].stop: must be a number or null (got "never")'],
    ['limit >= 1', (f) => (f.producers[0].limit = 0), 'producers[0].limit: must be >= 1 (got 0)'],
    ['limit is an integer', (f) => (f.producers[0].limit = 2.5), 'producers[0].limit: must be an integer (got 2.5)'],
    ['limit is a number or null', (f) => (f.producers[0].limit = 'all'), 'producers[0].limit: must be an integer >= 1 or null (got "all")'],
    [
      'priority is a number or a distribution',
      (f) => (f.producers[0].priority = 'high'),
      'producers[0].priority: must be a number or a distribution { "dist": ... } (got "high")',
    ],
    [
      'a priority distribution is checked',
      (f) => (f.producers[0].priority = { dist: 'uniform', min: 0, max: 'x' }),
      'producers[0].priority.max: must be a number (got "x")',
    ],
    [
      'replies is async or sync',
      (f) => (f.producers[0].replies = 'closed'),
      'producers[0].replies: must be one of "async", "sync" (got "closed")',
    ],
    ['clients is an integer', (f) => sync(f, { clients: 2.5 }), 'producers[0].clients: must be an integer (got 2.5)'],
    ['clients >= 1', (f) => sync(f, { clients: 0 }), 'producers[0].clients: must be >= 1 (got 0)'],
    [
      'think is a distribution or null',
      (f) => sync(f, { think: 5 }),
      'producers[0].think: must be a distribution or null (got 5)',
    ],
    // time-varying rate
    ['rate x0 >= 0', (f) => rate(f, { x0: -1 }), 'producers[0].rate.x0: must be >= 0 (got -1)'],
    ['rate x0 is required', (f) => rate(f, { terms: [] }), 'producers[0].rate.x0: missing (expected a number)'],
    [
      'term rates > 0',
      (f) => rate(f, { x0: 1, terms: [{ amplitude: 1, rate: 0 }] }),
      'producers[0].rate.terms[0].rate: must be > 0 (got 0)',
    ],
    [
      'lambda(0) >= 0',
      (f) => rate(f, { x0: 1, terms: [{ amplitude: -1.5, rate: 1 }] }),
      'producers[0].rate: lambda(t) = x0 + sum amplitude * exp(-rate * t) must stay >= 0 for all t >= 0, but lambda(0) = -0.5',
    ],
    [
      'lambda(t) >= 0 in between',
      // 1 + 2u^2 - 3u with u = exp(-t/2): 0 at t = 0, 1 at infinity, -1/8 at u = 3/4 (t = 2 ln 4/3)
      (f) => rate(f, { x0: 1, terms: [{ amplitude: 2, rate: 1 }, { amplitude: -3, rate: 0.5 }] }),
      'producers[0].rate: lambda(t) = x0 + sum amplitude * exp(-rate * t) must stay >= 0 for all t >= 0, but lambda(0.5754) = -0.125',
    ],
    [
      'rate is a rate model',
      (f) => rate(f, 0.9),
      'producers[0].rate: must be a rate model { "x0", "terms" } or null (got 0.9)',
    ],
    // queues
    ['capacity >= 0', (f) => (f.queues[0].capacity = -1), 'queues[0].capacity: must be >= 0 (got -1)'],
    ['capacity is an integer', (f) => (f.queues[0].capacity = 1.5), 'queues[0].capacity: must be an integer (got 1.5)'],
    ['ttl > 0', (f) => (f.queues[0].ttl = 0), 'queues[0].ttl: must be > 0 (got 0)'],
    [
      'discipline is one of four',
      (f) => (f.queues[0].discipline = 'FIFO'),
      'queues[0].discipline: must be one of "fifo", "lifo", "priority", "random" (got "FIFO")',
    ],
    [
      'overflow is one of two',
      (f) => (f.queues[0].overflow = 'drop-tail'),
      'queues[0].overflow: must be one of "reject", "drop-head" (got "drop-tail")',
    ],
    ['preemptive is true or false', (f) => (f.queues[0].preemptive = 'yes'), 'queues[0].preemptive: must be true or false (got "yes")'],
    ['queues are strict', (f) => (f.queues[0].size = 3), 'queues[0].size: unknown field'],
    ['odd keys are quoted in paths', (f) => (f.queues[0]['max size'] = 3), 'queues[0]["max size"]: unknown field'],
    // consumers
    ['count >= 1', (f) => (f.consumers[0].count = 0), 'consumers[0].count: must be >= 1 (got 0)'],
    ['count is an integer', (f) => (f.consumers[0].count = 1.5), 'consumers[0].count: must be an integer (got 1.5)'],
    [
      'handling is sync or async',
      (f) => (f.consumers[0].handling = 'parallel'),
      'consumers[0].handling: must be one of "sync", "async" (got "parallel")',
    ],
    ['concurrency >= 1', (f) => (f.consumers[0].concurrency = 0), 'consumers[0].concurrency: must be >= 1 (got 0)'],
    ['concurrency is an integer', (f) => (f.consumers[0].concurrency = 1.5), 'consumers[0].concurrency: must be an integer (got 1.5)'],
    ['shared is true or false', (f) => (f.consumers[0].shared = 1), 'consumers[0].shared: must be true or false (got 1)'],
    ['prefetch >= 1', (f) => (f.consumers[0].prefetch = 0), 'consumers[0].prefetch: must be >= 1 (got 0)'],
    ['prefetch is an integer', (f) => (f.consumers[0].prefetch = 2.5), 'consumers[0].prefetch: must be an integer (got 2.5)'],
    [
      'reply is a distribution or null',
      (f) => (f.consumers[0].reply = 0.5),
      'consumers[0].reply: must be a distribution or null (got 0.5)',
    ],
    [
      'reply parameters are checked',
      (f) => (f.consumers[0].reply = { dist: 'uniform', min: 1, max: 0.5 }),
      'consumers[0].reply.max: must be > min (got 0.5, min 1)',
    ],
    ['service is required', (f) => delete f.consumers[0].service, 'consumers[0].service: missing (expected an object)'],
    ['route p > 0', (f) => (f.consumers[0].then = [{ to: 'q', p: 0 }]), 'consumers[0].then[0].p: must be > 0 (got 0)'],
    ['route p <= 1', (f) => (f.consumers[0].then = [{ to: 'q', p: 1.5 }]), 'consumers[0].then[0].p: must be <= 1 (got 1.5)'],
    [
      'route probabilities sum to <= 1',
      (f) => (f.consumers[0].then = [{ to: 'q', p: 0.6 }, { to: 'q2', p: 0.5 }]),
      'consumers[0].then: probabilities must sum to <= 1 (got 1.1)',
    ],
    [
      'then is null, an id or routes',
      (f) => (f.consumers[0].then = true),
      'consumers[0].then: must be null, a queue id or a list of { "to", "p" } (got true)',
    ],
    ['routes are strict', (f) => (f.consumers[0].then = [{ to: 'q', p: 1, q: 1 }]), 'consumers[0].then[0].q: unknown field'],
  ];

  test.each(cases)('%s', (_, edit, expected) => {
    expect(problems(edit)).toEqual([expected]);
  });

  test('route probabilities may sum to 1 up to rounding', () => {
    const routes = Array.from({ length: 10 }, () => ({ to: 'q2', p: 0.1 })); // sums to 0.9999999999999999
    expect(problems((f) => (f.consumers[0].then = routes))).toEqual([]);
  });

  test('a file is valid as given', () => {
    expect(problems()).toEqual([]);
    expect(Object.keys(file())).toEqual(['name', 'horizon', 'producers', 'queues', 'consumers']);
  });
});
