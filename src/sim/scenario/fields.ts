// Small zod building blocks shared by the scenario schemas.
import * as z from 'zod';
import { show } from './show.ts';

// A union's own message, used when the value fits none of its forms (see issues.ts).
export function either<const T extends readonly [z.ZodType, z.ZodType, ...z.ZodType[]]>(options: T, expected: string) {
  return z.union(options, {
    error: (iss) => (iss.code === 'invalid_union' ? `must be ${expected} (got ${show(iss.input)})` : undefined),
  });
}

export const orNull = <T extends z.ZodType>(schema: T, expected: string) =>
  either([schema, z.null()], `${expected} or null`);

export const id = () => z.string().min(1);
export const queueRef = () => id().describe('A queue id.');

/** A probability that stops short of certainty: 0 <= p < 1. */
export const probability = () => z.number().min(0).lt(1);

/**
 * A field that belongs to another mode of a { "mode": ... } object: absent, or refused with
 * "only with <rule>" (rather than "unknown field", which would hide that it exists).
 */
export const onlyWith = (rule: string) =>
  z
    .never({ error: (iss) => `only with ${rule} (got ${show(iss.input)})` })
    .optional()
    .describe(`Only with ${rule}.`);
