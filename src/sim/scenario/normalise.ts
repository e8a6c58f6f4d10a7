// Parsed file (defaults filled in by the schema) -> the checked Scenario the engine sees.
import { toDistSpec, type DistFile } from './distSchema.ts';
import type { AckFile, FetchFile, TransportFile } from './messagingSchema.ts';
import type { RetryFile } from './retrySchema.ts';
import type { ScenarioFile } from './schema.ts';
import type { Ack, Consumer, DistSpec, Fetch, Producer, Queue, Retry, Route, Scenario, Transport } from './types.ts';

/** Series points per replication when the file gives no sampleEvery. */
export const DEFAULT_SAMPLES = 500;

type ProducerFile = ScenarioFile['producers'][number];
type QueueFile = ScenarioFile['queues'][number];
type ConsumerFile = ScenarioFile['consumers'][number];

const distOrNull = (d: DistFile | null): DistSpec | null => (d === null ? null : toDistSpec(d));

function transport(t: TransportFile): Transport {
  return { protocol: t.protocol, delay: toDistSpec(t.delay), loss: t.loss, rto: t.rto, overhead: distOrNull(t.overhead) };
}

function producer(p: ProducerFile): Producer {
  const sync = p.replies === 'sync';
  return {
    id: p.id,
    to: typeof p.to === 'string' ? [p.to] : [...p.to],
    balance: p.balance,
    interarrival: p.interarrival ? toDistSpec(p.interarrival) : null,
    rate: p.rate ? { x0: p.rate.x0, terms: p.rate.terms.map((k) => ({ ...k })) } : null,
    priority: typeof p.priority === 'number' ? p.priority : toDistSpec(p.priority),
    transport: p.transport === null ? null : transport(p.transport),
    replies: p.replies,
    clients: sync ? p.clients : 1,
    think: sync ? distOrNull(p.think) : null,
    start: p.start,
    stop: p.stop,
    limit: p.limit,
    timeout: p.timeout,
    retry: p.retry === null ? null : retry(p.retry),
  };
}

function retry(r: RetryFile): Retry {
  const { maxAttempts, backoff, base, cap, jitter, budget } = r;
  return { maxAttempts, backoff, base, cap, jitter, budget: budget === null ? null : { ratio: budget.ratio, burst: budget.burst } };
}

function queue(q: QueueFile): Queue {
  const { id, capacity, initial, discipline, overflow, ttl, preemptive } = q;
  return { id, capacity, initial, discipline, overflow, ttl, preemptive };
}

function routes(then: ConsumerFile['then']): Route[] {
  if (then === null) return [];
  if (typeof then === 'string') return [{ to: then, p: 1 }];
  return then.map((r) => ({ to: r.to, p: r.p }));
}

function fetch(f: FetchFile): Fetch {
  return f.mode === 'push' ? { mode: 'push' } : { mode: 'poll', interval: f.interval, batch: f.batch, wait: f.wait };
}

function ack(a: AckFile): Ack {
  if (a.mode === 'auto') return { mode: 'auto', failure: a.failure };
  const { failure, loss, visibilityTimeout, maxDeliveries, deadLetter } = a;
  return { mode: 'manual', failure, loss, visibilityTimeout, maxDeliveries, deadLetter };
}

function consumer(c: ConsumerFile): Consumer {
  return {
    id: c.id,
    from: c.from,
    count: c.count,
    service: toDistSpec(c.service),
    handling: c.handling,
    concurrency: c.concurrency,
    shared: c.shared,
    fetch: fetch(c.fetch),
    prefetch: c.prefetch ?? c.concurrency,
    ack: ack(c.ack),
    outages: c.outages.map(({ start, end }) => ({ start, end })),
    failures: c.failures === null ? null : { mtbf: toDistSpec(c.failures.mtbf), mttr: toDistSpec(c.failures.mttr) },
    reply: distOrNull(c.reply),
    then: routes(c.then),
    slowdowns: c.slowdowns.map(({ start, end, factor }) => ({ start, end, factor })),
    autoscale: c.autoscale === null ? null : { ...c.autoscale },
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
