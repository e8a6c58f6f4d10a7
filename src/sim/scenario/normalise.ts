// Parsed file (defaults filled in by the schema) -> the checked Scenario the engine sees.
import { toDistSpec } from './distSchema.ts';
import type { ScenarioFile } from './schema.ts';
import type { Consumer, Producer, Queue, Route, Scenario } from './types.ts';

/** Series points per replication when the file gives no sampleEvery. */
export const DEFAULT_SAMPLES = 500;

type ProducerFile = ScenarioFile['producers'][number];
type QueueFile = ScenarioFile['queues'][number];
type ConsumerFile = ScenarioFile['consumers'][number];

function producer(p: ProducerFile): Producer {
  return {
    id: p.id,
    to: typeof p.to === 'string' ? [p.to] : [...p.to],
    balance: p.balance,
    interarrival: p.interarrival ? toDistSpec(p.interarrival) : null,
    rate: p.rate ? { x0: p.rate.x0, terms: p.rate.terms.map((k) => ({ ...k })) } : null,
    priority: typeof p.priority === 'number' ? p.priority : toDistSpec(p.priority),
    transport: null,
    replies: 'async',
    start: p.start,
    stop: p.stop,
    limit: p.limit,
  };
}

function queue(q: QueueFile): Queue {
  const { id, capacity, discipline, overflow, ttl } = q;
  return { id, capacity, discipline, overflow, ttl, preemptive: false };
}

function routes(then: ConsumerFile['then']): Route[] {
  if (then === null) return [];
  if (typeof then === 'string') return [{ to: then, p: 1 }];
  return then.map((r) => ({ to: r.to, p: r.p }));
}

function consumer(c: ConsumerFile): Consumer {
  return {
    id: c.id,
    from: c.from,
    count: c.count,
    service: toDistSpec(c.service),
    handling: 'sync',
    fetch: { mode: 'push' },
    prefetch: 1,
    ack: { mode: 'auto' },
    outages: [],
    failures: null,
    reply: null,
    then: routes(c.then),
  };
}

export function normalise(file: ScenarioFile): Scenario {
  return {
    name: file.name,
    description: file.description,
    seed: file.seed,
    horizon: file.horizon,
    warmup: file.warmup,
    replications: file.replications,
    sampleEvery: file.sampleEvery ?? file.horizon / DEFAULT_SAMPLES,
    producers: file.producers.map(producer),
    queues: file.queues.map(queue),
    consumers: file.consumers.map(consumer),
  };
}
