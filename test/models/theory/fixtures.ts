// Checked scenarios written out in full (every field of the Scenario type), to be varied with
// spreads in the tests. One M/M/1 at load 0.9 unless changed.
import type { Consumer, Producer, Queue, Scenario } from '../../../src/sim/scenario/types';

export const producer: Producer = {
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
};

/** A closed loop (replies "sync") of 10 clients thinking 5 s on average, into queue "q". */
export const closedProducer: Producer = {
  ...producer,
  interarrival: null,
  replies: 'sync',
  clients: 10,
  think: { dist: 'exponential', rate: 0.2 },
};

export const queue: Queue = {
  id: 'q',
  capacity: null,
  initial: 0,
  discipline: 'fifo',
  overflow: 'reject',
  ttl: null,
  preemptive: false,
};

export const consumer: Consumer = {
  id: 'w',
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
};

export const mm1Scenario: Scenario = {
  name: 'M/M/1 at 90% load',
  description: '',
  seed: 1,
  horizon: 100_000,
  warmup: 1_000,
  replications: 1,
  sampleEvery: 200,
  producers: [producer],
  queues: [queue],
  consumers: [consumer],
};

/** mm1Scenario with other producers, queues and consumers. */
export function scenario(parts: Partial<Pick<Scenario, 'producers' | 'queues' | 'consumers'>>): Scenario {
  return { ...mm1Scenario, ...parts };
}

/** Two queues a -> b, each with one exponential server (rates 2 and 4), fed at rate 1. */
export const tandem: Scenario = scenario({
  producers: [{ ...producer, to: ['a'], interarrival: { dist: 'exponential', rate: 1 } }],
  queues: [
    { ...queue, id: 'a' },
    { ...queue, id: 'b' },
  ],
  consumers: [
    { ...consumer, id: 'wa', from: 'a', service: { dist: 'exponential', rate: 2 }, then: [{ to: 'b', p: 1 }] },
    { ...consumer, id: 'wb', from: 'b', service: { dist: 'exponential', rate: 4 } },
  ],
});
