// How messages travel (a producer's network transport) and how a consumer group talks to its
// queue (fetch, ack), plus when the group is down (outages, failures). A { "mode": ... } object
// is a union on its mode; a field of the other mode is refused by name ("only with ...").
import * as z from 'zod';
import { distSchema, nonNegative, positive } from './distSchema.ts';
import { onlyWith, orNull, probability, queueRef } from './fields.ts';

const NO_DELAY = { dist: 'deterministic', value: 0 } as const;

export const transportSchema = z
  .strictObject({
    protocol: z
      .enum(['tcp', 'udp', 'http'])
      .describe(
        '"udp" loses an attempt with probability "loss"; "tcp" resends it after "rto" instead (no loss, more delay); "http" is tcp plus a per-request "overhead".',
      ),
    delay: distSchema.default(NO_DELAY).describe('One-way delay of each attempt, seconds; default none.'),
    loss: probability().default(0).describe('Probability that one attempt is lost (0 <= loss < 1).'),
    rto: positive()
      .default(1)
      .describe('tcp and http only: retransmission timeout, seconds (> 0): a lost attempt is resent this long after it was sent.'),
    overhead: orNull(distSchema, 'a distribution')
      .default(null)
      .describe('http only: extra delay of each request, seconds, or null: none.'),
  })
  .meta({ id: 'Transport', description: 'The network between a producer and its queue.' });

const pollOnly = () => onlyWith('fetch mode "poll"');

export const fetchSchema = z
  .discriminatedUnion('mode', [
    z.strictObject({
      mode: z.literal('push').describe('"push": the broker delivers as soon as a server has a free prefetch slot.'),
      interval: pollOnly(),
      batch: pollOnly(),
      wait: pollOnly(),
    }),
    z.strictObject({
      mode: z.literal('poll').describe('"poll": each server asks the queue for messages every "interval" seconds.'),
      interval: positive().describe('Seconds between two polls of one server (> 0).'),
      batch: z.int().min(1).default(1).describe('Most messages that one poll takes (integer >= 1).'),
      wait: nonNegative()
        .default(0)
        .describe('Long poll: seconds that a poll finding no message waits for one to arrive (>= 0); 0 returns at once.'),
    }),
  ])
  .default({ mode: 'push' })
  .describe('How servers get messages: { "mode": "push" } or { "mode": "poll", "interval", "batch", "wait" }.');

const manualOnly = () => onlyWith('ack mode "manual"');

export const ackSchema = z
  .discriminatedUnion('mode', [
    z.strictObject({
      mode: z.literal('auto').describe('"auto" (at-most-once): a message is acked on delivery.'),
      failure: probability()
        .default(0)
        .describe('Probability that the handler fails (0 <= failure < 1); the message is lost (counted).'),
      loss: manualOnly(),
      visibilityTimeout: manualOnly(),
      maxDeliveries: manualOnly(),
      deadLetter: manualOnly(),
    }),
    z.strictObject({
      mode: z
        .literal('manual')
        .describe('"manual" (at-least-once): a message is acked after it is handled, and delivered again if not.'),
      failure: probability()
        .default(0)
        .describe('Probability that the handler fails (0 <= failure < 1): no ack, the message is delivered again.'),
      loss: probability()
        .default(0)
        .describe('Probability that an ack is lost (0 <= loss < 1): the message was handled, its redelivery is a duplicate.'),
      visibilityTimeout: orNull(positive(), 'a number > 0')
        .default(null)
        .describe(
          'Seconds after a delivery when an un-acked message becomes visible again (> 0), or null: a failure requeues it at once and nothing times out.',
        ),
      maxDeliveries: orNull(z.int().min(1), 'an integer >= 1')
        .default(null)
        .describe('Deliveries after which an un-acked message is dead-lettered (integer >= 1), or null: no limit.'),
      deadLetter: orNull(queueRef(), 'a queue id')
        .default(null)
        .describe(
          'Queue that receives dead letters (not the one this group reads), or null: they are dropped, counted as dead-lettered.',
        ),
    }),
  ])
  .default({ mode: 'auto', failure: 0 })
  .describe('Acknowledgement: { "mode": "auto", "failure" } or { "mode": "manual", "failure", "loss", "visibilityTimeout", "maxDeliveries", "deadLetter" }.');

export const outageSchema = z.strictObject({
  start: nonNegative().describe('Seconds when the group goes down (>= 0).'),
  end: z.number().describe('Seconds when it is back up (> start).'),
});

export const failuresSchema = z.strictObject({
  mtbf: distSchema.describe('Time between failures (up time), seconds; its mean must be > 0.'),
  mttr: distSchema.describe('Time to repair (down time), seconds; its mean must be > 0.'),
});

export type TransportFile = z.output<typeof transportSchema>;
export type FetchFile = z.output<typeof fetchSchema>;
export type AckFile = z.output<typeof ackSchema>;
