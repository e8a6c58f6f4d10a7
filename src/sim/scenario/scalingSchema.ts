// How a consumer group's capacity changes over time: target-tracking autoscaling of its count,
// and slowdown windows (a degraded dependency, a GC storm) that stretch its service times.
import * as z from 'zod';
import { nonNegative, positive } from './distSchema.ts';

export const autoscaleSchema = z
  .strictObject({
    min: z.int().min(1).describe('Fewest servers (integer >= 1; scaling to zero is not modelled).'),
    max: z.int().min(1).describe('Most servers (integer >= min).'),
    metric: z
      .enum(['backlog', 'age', 'utilization'])
      .describe(
        'What the policy tracks: "backlog" = messages waiting per consumer, "age" = seconds the oldest waiting message has waited, "utilization" = busy share of the running servers over the last interval.',
      ),
    target: positive().describe('The metric\'s target value (> 0; "utilization" at most 1).'),
    interval: positive().describe('Seconds between two evaluations of the policy (> 0).'),
    cooldown: nonNegative()
      .default(0)
      .describe('Seconds after a change of the count during which no decision is made (>= 0).'),
    startupDelay: nonNegative()
      .default(0)
      .describe('Seconds from asking for a server to its taking messages (>= 0); it counts (and costs) meanwhile.'),
  })
  .describe(
    'Target-tracking autoscaling: every "interval", desired = ceil(current x metric / target) servers ("backlog": ceil(waiting / target)), clamped to [min, max]; "count" is the starting count.',
  );

export const slowdownSchema = z.strictObject({
  start: nonNegative().describe('Seconds when the slowdown begins (>= 0).'),
  end: z.number().describe('Seconds when it ends (> start).'),
  factor: positive().describe('Service times of handlings that start inside the window are multiplied by this (> 0).'),
});

export type AutoscaleFile = z.output<typeof autoscaleSchema>;
