// How a client retries a request whose attempt timed out (each retry is a new message).
import * as z from 'zod';
import { nonNegative, positive } from './distSchema.ts';
import { orNull } from './fields.ts';

export const budgetSchema = z
  .strictObject({
    ratio: positive().describe('Tokens each new request adds to the bucket (> 0): retries stay below about ratio x requests.'),
    burst: positive().default(10).describe('Most tokens the bucket holds (> 0); it starts full.'),
  });

export const retrySchema = z
  .strictObject({
    maxAttempts: z.int().min(1).describe('Attempts per request, the first one included (integer >= 1).'),
    backoff: z
      .enum(['fixed', 'exponential'])
      .default('fixed')
      .describe('Delay before retry k: "fixed" = base, "exponential" = base x 2^(k-1), at most "cap".'),
    base: nonNegative().default(0).describe('Base delay, seconds (>= 0); 0 with "fixed" retries at once.'),
    cap: orNull(positive(), 'a number > 0').default(null).describe('Largest delay before jitter, seconds, or null: none.'),
    jitter: z
      .enum(['none', 'full', 'equal'])
      .default('none')
      .describe('"none": the delay d; "full": uniform on [0, d]; "equal": d/2 + uniform on [0, d/2].'),
    budget: orNull(budgetSchema, 'a budget { "ratio", "burst" }')
      .default(null)
      .describe(
        'Retry budget, a token bucket (like Finagle\'s RetryBudget and gRPC retry throttling): a retry spends one token, and with less than one left the request gives up; or null: none.',
      ),
  })
  .describe('Retries of attempts that timed out; each retry is a new message (the old one may still be handled: wasted work).');

export type RetryFile = z.output<typeof retrySchema>;
