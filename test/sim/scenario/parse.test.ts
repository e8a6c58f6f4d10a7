import { describe, expect, test } from 'vitest';
import { checkScenario, formatProblem, parseScenario, ScenarioError } from '../../../src/sim/scenario/parse.ts';
import type { Scenario } from '../../../src/sim/scenario/types.ts';
import { file, problems, type Json } from './fixtures.ts';

describe('parseScenario(file) fills in defaults and normalises', () => {
  test('a minimal file gets every default', () => {
    const expected: Scenario = {
      name: 'M/M/1',
      description: '',
      seed: 1,
      horizon: 1000,
      warmup: 0,
      replications: 1,
      sampleEvery: 2, // horizon / 500
      producers: [
        {
          id: 'p',
          to: ['q'],
          balance: 'round-robin',
          interarrival: { dist: 'exponential', rate: 0.9 },
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
        },
      ],
      queues: ['q', 'q2'].map((id) => ({
        id,
        capacity: null,
        initial: 0,
        discipline: 'fifo' as const,
        overflow: 'reject' as const,
        ttl: null,
        preemptive: false,
      })),
      consumers: [
        {
          id: 'c',
          from: 'q',
          count: 1,
          service: { dist: 'exponential', rate: 1 },
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
        },
      ],
    };
    expect(parseScenario(file())).toEqual(expected);
  });

  test('given values are kept', () => {
    const f = file();
    Object.assign(f, { description: 'd', seed: -7, warmup: 'auto', replications: 5, sampleEvery: 10 });
    Object.assign(f.producers[0], { balance: 'shortest', priority: 3, start: 5, stop: 50, limit: 100 });
    Object.assign(f.queues[0], { capacity: 0, discipline: 'priority', overflow: 'drop-head', ttl: 2 });
    Object.assign(f.consumers[0], { count: 4 });
    const s = parseScenario(f);
    expect(s).toMatchObject({ description: 'd', seed: -7, warmup: 'auto', replications: 5, sampleEvery: 10 });
    expect(s.producers[0]).toMatchObject({ balance: 'shortest', priority: 3, start: 5, stop: 50, limit: 100 });
    expect(s.queues[0]).toMatchObject({ capacity: 0, discipline: 'priority', overflow: 'drop-head', ttl: 2 });
    expect(s.consumers[0].count).toBe(4);
  });

  test('exponential { mean } becomes { rate: 1 / mean }, everywhere', () => {
    const f = file();
    f.producers[0].interarrival = { dist: 'exponential', mean: 4 };
    f.producers[0].priority = { dist: 'exponential', mean: 2 };
    f.consumers[0].service = { dist: 'exponential', mean: 0.5 };
    const s = parseScenario(f);
    expect(s.producers[0].interarrival).toEqual({ dist: 'exponential', rate: 0.25 });
    expect(s.producers[0].priority).toEqual({ dist: 'exponential', rate: 0.5 });
    expect(s.consumers[0].service).toEqual({ dist: 'exponential', rate: 2 });
  });

  test('producer "to" may be a list of queues with a balance', () => {
    const f = file();
    Object.assign(f.producers[0], { to: ['q', 'q2'], balance: 'two-choices' });
    expect(parseScenario(f).producers[0]).toMatchObject({ to: ['q', 'q2'], balance: 'two-choices' });
  });

  test('consumer "then": null -> [], "q2" -> [{ to: "q2", p: 1 }], routes kept', () => {
    const then = (value: unknown) => {
      const f = file();
      f.consumers[0].then = value;
      return parseScenario(f).consumers[0].then;
    };
    expect(then(null)).toEqual([]);
    expect(then('q2')).toEqual([{ to: 'q2', p: 1 }]);
    expect(then([])).toEqual([]);
    expect(then([{ to: 'q2', p: 0.3 }, { to: 'q', p: 0.7 }])).toEqual([
      { to: 'q2', p: 0.3 },
      { to: 'q', p: 0.7 },
    ]);
  });

  test('a time-varying rate replaces interarrival; terms default to []', () => {
    const f = file();
    f.producers[0].interarrival = undefined;
    f.producers[0].rate = { x0: 0.5, terms: [{ amplitude: 2, rate: 0.01 }] };
    expect(parseScenario(f).producers[0]).toMatchObject({ interarrival: null, rate: f.producers[0].rate });
    f.producers[0].rate = { x0: 0.5 };
    expect(parseScenario(f).producers[0].rate).toEqual({ x0: 0.5, terms: [] });
  });

  test('every distribution of the format is accepted', () => {
    const dists = [
      { dist: 'deterministic', value: 1 },
      { dist: 'uniform', min: 0, max: 2 },
      { dist: 'erlang', k: 3, mean: 1 },
      { dist: 'gamma', shape: 0.5, scale: 2 },
      { dist: 'lognormal', mean: 1, cv: 0 },
      { dist: 'hyperexponential', probs: [0.1, 0.2, 0.7], rates: [1, 2, 3] },
      { dist: 'pareto', shape: 2.5, scale: 1 },
      { dist: 'weibull', shape: 0.7, scale: 1 },
      { dist: 'empirical', values: [0, 1.5, 2] },
    ];
    for (const d of dists) {
      const f = file();
      f.producers[0].interarrival = d;
      f.consumers[0].service = d;
      const s = parseScenario(f);
      expect(s.producers[0].interarrival).toEqual(d);
      expect(s.consumers[0].service).toEqual(d);
    }
  });

  test('the "$schema" key is allowed and dropped', () => {
    const f = { $schema: './schema.json', ...file() };
    expect(parseScenario(f)).toEqual(parseScenario(file()));
    expect(parseScenario(f)).not.toHaveProperty('$schema');
  });

  test('a checked scenario is itself a valid file, and parses to itself', () => {
    const f = file();
    f.consumers[0].then = 'q2';
    f.producers[0].priority = { dist: 'exponential', mean: 2 };
    const once = parseScenario(f);
    expect(parseScenario(structuredClone(once))).toEqual(once);
  });

  test('the result shares no arrays with the input', () => {
    const f = file();
    f.producers[0].to = ['q'];
    f.consumers[0].service = { dist: 'empirical', values: [1, 2] };
    const s = parseScenario(f);
    f.producers[0].to.push('q2');
    f.consumers[0].service.values.push(3);
    expect(s.producers[0].to).toEqual(['q']);
    expect(s.consumers[0].service).toEqual({ dist: 'empirical', values: [1, 2] });
  });
});

describe('checkScenario(file) reports every problem at once', () => {
  test('three mistakes of three kinds give three problems, in document order', () => {
    const found = problems((f) => {
      f.consumers[0].from = 'nowhere'; // reference
      f.horizon = -5; // shape
      f.producers[0].interarrival.rate = 0; // distribution parameter
    });
    expect(found).toEqual([
      'horizon: must be > 0 (got -5)',
      'producers[0].interarrival.rate: must be > 0 (got 0)',
      'consumers[0].from: unknown queue "nowhere" (queues: q, q2)',
    ]);
  });

  test('cross-field rules still run when components have shape errors', () => {
    const found = problems((f) => {
      f.producers[0].balance = 7;
      f.producers[0].rate = { x0: 1 };
      f.queues[1].id = 'p';
      f.queues[1].capacity = 'big';
    });
    expect(found).toEqual([
      'producers[0]: needs exactly one of "interarrival" and "rate" (got both)',
      'producers[0].balance: must be one of "round-robin", "random", "shortest", "two-choices" (got 7)',
      'queues[1].id: duplicate id "p" (also producers[0].id)',
      'queues[1].capacity: must be an integer >= 0 or null (got "big")',
    ]);
  });

  test('parseScenario throws a ScenarioError whose message has one line per problem', () => {
    const f = file();
    f.horizon = 0;
    f.queues[1].ttl = -1;
    let error: unknown;
    try {
      parseScenario(f);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const { problems: found, message } = error as ScenarioError;
    expect(found).toEqual([
      { path: 'horizon', message: 'must be > 0 (got 0)' },
      { path: 'queues[1].ttl', message: 'must be > 0 (got -1)' },
    ]);
    expect(message.split('\n')).toEqual(found.map(formatProblem));
  });

  test('formatProblem(p) prints "path: message", and "(scenario)" for the whole file', () => {
    expect(formatProblem({ path: 'queues[0].ttl', message: 'must be > 0 (got 0)' })).toBe('queues[0].ttl: must be > 0 (got 0)');
    expect(formatProblem({ path: '', message: 'must be an object (got null)' })).toBe('(scenario): must be an object (got null)');
  });
});

describe('parseScenario(garbage) throws ScenarioError, never anything else', () => {
  const circular: Json = file();
  circular.producers[0].self = circular;
  const hostile = new Proxy(
    {},
    {
      get() {
        throw new Error('no access');
      },
      ownKeys() {
        throw new Error('no access');
      },
    },
  );
  const garbage: [string, unknown][] = [
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['NaN', NaN],
    ['a string', '{"name": "x"}'],
    ['an array', [file()]],
    ['true', true],
    ['a function', () => 1],
    ['a symbol', Symbol('x')],
    ['a bigint', 10n],
    ['lists of the wrong things', { producers: [null, 5, 'x', []], queues: [[], 1], consumers: [undefined] }],
    ['sections of the wrong type', { name: 1, horizon: {}, producers: 'x', queues: null, consumers: 3 }],
    ['deeply wrong types', { ...file(), producers: [{ id: {}, to: [[1]], interarrival: [], rate: 'x', priority: [] }] }],
    ['a circular object', circular],
    ['a hostile proxy', hostile],
    ['a __proto__ key from JSON', JSON.parse('{"__proto__": {"horizon": 1}, "name": "x"}')],
  ];

  test.each(garbage)('%s', (_, input) => {
    const result = checkScenario(input);
    expect(result.ok).toBe(false);
    expect(() => parseScenario(input)).toThrow(ScenarioError);
    for (const p of result.ok ? [] : result.problems) {
      expect(typeof p.path).toBe('string');
      expect(p.message.length).toBeGreaterThan(0);
    }
  });

  test('an object with no prototype is fine', () => {
    expect(parseScenario(Object.assign(Object.create(null), file()))).toEqual(parseScenario(file()));
  });

  test('a top-level non-object says so', () => {
    expect(checkScenario(null)).toEqual({ ok: false, problems: [{ path: '', message: 'must be an object (got null)' }] });
  });

  test('random damage to a valid file never throws anything but ScenarioError', () => {
    // A fixed-seed fuzz: replace one value anywhere in the file by something odd.
    let state = 12345;
    const rand = (n: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31) % n);
    const odd = [null, undefined, -1, 0, 0.5, 1e308, NaN, Infinity, '', 'q', [], [1], {}, { dist: 'x' }, true];
    for (let run = 0; run < 500; run++) {
      const f = file();
      let node: any = f; // eslint-disable-line @typescript-eslint/no-explicit-any
      for (let depth = 0; depth < 4; depth++) {
        const keys = Object.keys(node);
        const key = keys[rand(keys.length)];
        if (depth < 3 && node[key] !== null && typeof node[key] === 'object' && Object.keys(node[key]).length > 0) node = node[key];
        else {
          node[key] = odd[rand(odd.length)];
          break;
        }
      }
      try {
        parseScenario(f);
      } catch (e) {
        expect(e).toBeInstanceOf(ScenarioError);
        expect((e as ScenarioError).problems.length).toBeGreaterThan(0);
      }
    }
  });
});
