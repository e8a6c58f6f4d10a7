// The scenario FILE format (DESIGN.md section 1) as zod schemas: optional fields carry their
// defaults, objects are strict (a typo must never be silently ignored). Rules that span
// several fields (ids, references, replies "sync" without a clock, warmup < horizon...) live in
// rules.ts and the files it calls.
import * as z from 'zod';
import { distSchema, nonNegative, positive } from './distSchema.ts';
import { either, id, orNull, queueRef } from './fields.ts';
import { ackSchema, failuresSchema, fetchSchema, outageSchema, transportSchema } from './messagingSchema.ts';
import { findNegativeRate } from './rateModel.ts';
import { retrySchema } from './retrySchema.ts';
import { autoscaleSchema, slowdownSchema } from './scalingSchema.ts';
import { fmt } from './show.ts';

export const rateModelSchema = z
  .strictObject({
    x0: nonNegative().describe('Long-run rate, messages per second (>= 0).'),
    terms: z
      .array(
        z.strictObject({
          amplitude: z.number().describe('Added rate at t = 0, messages per second (may be negative).'),
          rate: positive().describe('Decay rate of this term, per second (> 0).'),
        }),
      )
      .default([])
      .describe('Exponentially decaying terms.'),
  })
  .superRefine((m, ctx) => {
    if (m.x0 < 0 || m.terms.some((k) => !(k.rate > 0))) return; // already reported, field by field
    const dip = findNegativeRate(m);
    if (dip) {
      const where = dip.t === 0 ? '0' : fmt(dip.t);
      const rule = 'lambda(t) = x0 + sum amplitude * exp(-rate * t) must stay >= 0 for all t >= 0';
      const message = `${rule}, but lambda(${where}) = ${fmt(dip.value)}`;
      ctx.addIssue({ code: 'custom', message });
    }
  })
  .meta({
    id: 'RateModel',
    description: 'Time-varying Poisson rate lambda(t) = x0 + sum amplitude * exp(-rate * t), which must stay >= 0.',
  });

export const producerSchema = z.strictObject({
  id: id().describe('Unique among all producers, queues and consumers.'),
  to: either([queueRef(), z.array(queueRef()).min(1)], 'a queue id or a non-empty list of queue ids').describe(
    'Target queue id, or a list of queue ids shared according to "balance".',
  ),
  balance: z
    .enum(['round-robin', 'random', 'shortest', 'two-choices'])
    .default('round-robin')
    .describe('How a message picks among several "to" queues.'),
  interarrival: orNull(distSchema, 'a distribution')
    .optional()
    .describe(
      'Time between messages (renewal arrivals). With replies "async", give exactly one of "interarrival" and "rate"; with "sync", neither.',
    ),
  rate: orNull(rateModelSchema, 'a rate model { "x0", "terms" }')
    .optional()
    .describe('Time-varying Poisson arrivals, instead of "interarrival".'),
  priority: either([z.number(), distSchema], 'a number or a distribution { "dist": ... }')
    .default(0)
    .describe('Message priority, a number or a distribution; higher is served first by "priority" queues.'),
  transport: orNull(transportSchema, 'a transport { "protocol", ... }')
    .default(null)
    .describe('Network between the producer and its queue, or null: instant and lossless.'),
  replies: z
    .enum(['async', 'sync'])
    .default('async')
    .describe(
      '"async": open loop, messages are sent on a clock ("interarrival" or "rate"). "sync": closed loop of "clients", each sending one message, waiting for its reply (or for it to leave the system when no consumer replies), thinking ("think"), and sending again.',
    ),
  clients: z
    .int()
    .min(1)
    .default(1)
    .describe('Replies "sync" only: number of closed-loop clients (integer >= 1).'),
  think: orNull(distSchema, 'a distribution')
    .default(null)
    .describe('Replies "sync" only: think time between a reply and the next request, seconds, or null: none.'),
  start: nonNegative().default(0).describe('Time the producer starts, seconds (>= 0).'),
  stop: orNull(z.number(), 'a number').default(null).describe('Time the producer stops (> start), or null: never.'),
  limit: orNull(z.int().min(1), 'an integer >= 1')
    .default(null)
    .describe('Maximum number of messages this producer sends, or null: no limit.'),
  timeout: orNull(positive(), 'a number > 0')
    .default(null)
    .describe(
      'Seconds a client waits for each attempt\'s reply (the REPLY with a consumer "reply" delay, else the message handled at its last queue), or null: for ever. A closed-loop client sends its next request when the request is answered in time or given up.',
    ),
  retry: orNull(retrySchema, 'a retry policy { "maxAttempts", ... }')
    .default(null)
    .describe('Retries of attempts that timed out (needs "timeout"), or null: none.'),
});

export const queueSchema = z.strictObject({
  id: id().describe('Unique among all producers, queues and consumers.'),
  capacity: orNull(z.int().min(0), 'an integer >= 0')
    .default(null)
    .describe('Maximum messages waiting (not counting those in service), or null: unbounded.'),
  initial: z
    .int()
    .min(0)
    .default(0)
    .describe('A backlog of this many messages at t = 0 (after an outage, a deploy...), enqueued before any event; counted as produced at t = 0.'),
  discipline: z.enum(['fifo', 'lifo', 'priority', 'random']).default('fifo').describe('Order of service.'),
  overflow: z
    .enum(['reject', 'drop-head'])
    .default('reject')
    .describe('When full: "reject" loses the new message, "drop-head" the oldest waiting one.'),
  ttl: orNull(positive(), 'a number > 0')
    .default(null)
    .describe('Seconds a message may wait before it expires, or null: forever.'),
  preemptive: z
    .boolean()
    .default(false)
    .describe(
      'Discipline "priority" only: a higher-priority arrival interrupts the message in service, which resumes later (preemptive-resume). Every consumer group reading the queue needs handling "sync", fetch mode "push" and prefetch 1.',
    ),
});

const routeSchema = z.strictObject({
  to: queueRef().describe('Queue that receives the handled message.'),
  p: z.number().gt(0).lte(1).describe('Probability of this route (0 < p <= 1).'),
});

// Probabilities are summed in floating point: allow rounding.
const ROUTE_SUM_TOLERANCE = 1e-9;

const routesSchema = z.array(routeSchema).superRefine((routes, ctx) => {
  if (routes.some((r) => !(r.p > 0 && r.p <= 1))) return; // already reported, route by route
  const sum = routes.reduce((s, r) => s + r.p, 0);
  if (sum > 1 + ROUTE_SUM_TOLERANCE) {
    ctx.addIssue({ code: 'custom', message: `probabilities must sum to <= 1 (got ${fmt(sum)})` });
  }
});

export const consumerSchema = z.strictObject({
  id: id().describe('Unique among all producers, queues and consumers.'),
  from: queueRef().describe('The queue this consumer group serves.'),
  count: z.int().min(1).default(1).describe('Parallel servers sharing the queue (integer >= 1).'),
  service: distSchema.describe('Service time of one message, seconds.'),
  handling: z
    .enum(['sync', 'async'])
    .default('sync')
    .describe(
      '"sync": a server handles one message at a time. "async": up to "concurrency" at once, each at full speed, or sharing the server\'s speed equally when "shared" (processor sharing).',
    ),
  concurrency: z
    .int()
    .min(1)
    .default(1)
    .describe('Messages a server handles at once (integer >= 1; more than 1 only with handling "async").'),
  shared: z
    .boolean()
    .default(false)
    .describe('Handling "async" only: the messages in progress share the server\'s speed (processor sharing).'),
  fetch: fetchSchema,
  prefetch: z
    .int()
    .min(1)
    .optional()
    .describe('Messages a server may hold un-acked, in handling or waiting in its buffer (integer >= 1); default "concurrency".'),
  ack: ackSchema,
  outages: z
    .array(outageSchema)
    .default([])
    .describe('Fixed windows when the whole group is down, sorted by start and not overlapping.'),
  failures: orNull(failuresSchema, 'failures { "mtbf", "mttr" }')
    .default(null)
    .describe('A failure-repair process of the whole group (up for "mtbf", down for "mttr", alternating), or null: none.'),
  reply: orNull(distSchema, 'a distribution')
    .default(null)
    .describe('Delay from handling to the reply reaching the producer, seconds, or null: no reply.'),
  then: either([z.null(), queueRef(), routesSchema], 'null, a queue id or a list of { "to", "p" }')
    .default(null)
    .describe('Where handled messages go: null (leave), a queue id, or routes taken with probability p (the rest leave).'),
  slowdowns: z
    .array(slowdownSchema)
    .default([])
    .describe('Windows when service is slower (sorted by start, not overlapping): handlings that start inside take "factor" times longer.'),
  autoscale: orNull(autoscaleSchema, 'an autoscale policy { "min", "max", "metric", "target", "interval", ... }')
    .default(null)
    .describe('Target-tracking autoscaling of "count", or null: a fixed count.'),
});

export const scenarioFileSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of this JSON Schema, for editors; ignored.'),
    name: z.string().min(1).describe('Shown in the lab and in reports.'),
    description: z.string().default('').describe('Free text.'),
    seed: z.int().default(1).describe('Random seed (integer); the same seed gives the same results.'),
    horizon: positive().describe('Simulated seconds per replication (> 0).'),
    warmup: either([nonNegative(), z.literal('auto')], 'a number >= 0 or "auto"')
      .default(0)
      .describe('Seconds excluded from summary statistics (>= 0, < horizon), or "auto" (MSER-5).'),
    replications: z.int().min(1).default(1).describe('Independent replications (integer >= 1).'),
    sampleEvery: positive()
      .optional()
      .describe('Spacing of the recorded series, seconds (> 0, <= horizon); default horizon / 500.'),
    producers: z.array(producerSchema).min(1).describe('Message sources (at least one).'),
    queues: z.array(queueSchema).min(1).describe('Queues (at least one).'),
    consumers: z.array(consumerSchema).describe('Consumer groups, each serving one queue.'),
  })
  .meta({
    title: 'queue-lab scenario',
    description: 'A queueing network of producers -> queues -> consumers, simulated by queue-lab.',
  });

export type ScenarioFile = z.output<typeof scenarioFileSchema>;
