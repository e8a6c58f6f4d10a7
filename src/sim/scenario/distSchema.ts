// Distributions as written in scenario files ({ "dist": ... }), with their parameter rules.
import * as z from 'zod';
import type { DistSpec } from './types.ts';
import { fmt } from './show.ts';

// z.number() already rejects NaN and +-Infinity, so every parameter here is finite.
export const positive = () => z.number().gt(0);
export const nonNegative = () => z.number().min(0);

const dist = <const N extends string>(name: N, description: string) =>
  z.literal(name).describe(description);

export const exponentialSchema = z
  .strictObject({
    dist: dist('exponential', 'Exponential (memoryless); scv 1. Give exactly one of rate and mean.'),
    rate: positive().optional().describe('Events per second (> 0); mean = 1 / rate.'),
    mean: positive().optional().describe('Mean in seconds (> 0); rate = 1 / mean.'),
  })
  .superRefine((d, ctx) => {
    const given = (d.rate !== undefined ? 1 : 0) + (d.mean !== undefined ? 1 : 0);
    if (given !== 1) {
      const got = given === 0 ? 'neither' : 'both';
      ctx.addIssue({ code: 'custom', message: `exponential needs exactly one of "rate" and "mean" (got ${got})` });
    }
  });

const deterministicSchema = z.strictObject({
  dist: dist('deterministic', 'Always the same value; scv 0.'),
  value: nonNegative().describe('The value, seconds (>= 0).'),
});

const uniformSchema = z
  .strictObject({
    dist: dist('uniform', 'Uniform on [min, max).'),
    min: nonNegative().describe('Lower bound (>= 0).'),
    max: z.number().describe('Upper bound (> min).'),
  })
  .superRefine((d, ctx) => {
    if (!(d.max > d.min)) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: `must be > min (got ${d.max}, min ${d.min})` });
    }
  });

const erlangSchema = z.strictObject({
  dist: dist('erlang', 'Erlang: sum of k exponential phases; scv 1/k.'),
  k: z.int().min(1).describe('Number of phases (integer >= 1).'),
  mean: positive().describe('Mean of the sum, seconds (> 0).'),
});

const gammaSchema = z.strictObject({
  dist: dist('gamma', 'Gamma; mean shape * scale, scv 1 / shape.'),
  shape: positive().describe('Shape (> 0).'),
  scale: positive().describe('Scale, seconds (> 0).'),
});

const lognormalSchema = z.strictObject({
  dist: dist('lognormal', 'Lognormal given by its own mean and coefficient of variation.'),
  mean: positive().describe('Mean, seconds (> 0).'),
  cv: nonNegative().describe('Coefficient of variation = standard deviation / mean (>= 0).'),
});

// Probabilities are summed in floating point, so "sums to 1" allows rounding.
const PROB_SUM_TOLERANCE = 1e-9;

const hyperexponentialSchema = z
  .strictObject({
    dist: dist('hyperexponential', 'Mixture of exponentials: rate i with probability i; scv >= 1.'),
    probs: z.array(nonNegative()).min(1).describe('Branch probabilities (>= 0, summing to 1).'),
    rates: z.array(positive()).min(1).describe('Branch rates, per second (> 0), one per probability.'),
  })
  .superRefine((d, ctx) => {
    const sum = d.probs.reduce((a, b) => a + b, 0);
    // A negative probability is already reported on its own.
    if (d.probs.every((p) => p >= 0) && Math.abs(sum - 1) > PROB_SUM_TOLERANCE) {
      ctx.addIssue({ code: 'custom', path: ['probs'], message: `must sum to 1 (got ${fmt(sum)})` });
    }
    if (d.rates.length !== d.probs.length) {
      const message = `must have one rate per probability (${d.probs.length} probs, got ${d.rates.length} rates)`;
      ctx.addIssue({ code: 'custom', path: ['rates'], message });
    }
  });

const paretoSchema = z.strictObject({
  dist: dist('pareto', 'Pareto (type I, heavy tail) on [scale, infinity); infinite mean when shape <= 1.'),
  shape: positive().describe('Tail index (> 0).'),
  scale: positive().describe('Minimum value, seconds (> 0).'),
});

const weibullSchema = z.strictObject({
  dist: dist('weibull', 'Weibull; shape < 1 is more variable than exponential, > 1 less.'),
  shape: positive().describe('Shape (> 0).'),
  scale: positive().describe('Scale, seconds (> 0).'),
});

const empiricalSchema = z.strictObject({
  dist: dist('empirical', 'Resamples the given values uniformly (e.g. measured service times).'),
  values: z.array(nonNegative()).min(1).describe('Observed values (>= 0), at least one.'),
});

export const distSchema = z
  .discriminatedUnion('dist', [
    exponentialSchema,
    deterministicSchema,
    uniformSchema,
    erlangSchema,
    gammaSchema,
    lognormalSchema,
    hyperexponentialSchema,
    paretoSchema,
    weibullSchema,
    empiricalSchema,
  ])
  .meta({ id: 'Distribution', description: 'A distribution over non-negative numbers: { "dist": name, ...parameters }.' });

export type DistFile = z.output<typeof distSchema>;

/** The checked form: exponential always carries `rate`; arrays are copied. */
export function toDistSpec(d: DistFile): DistSpec {
  switch (d.dist) {
    case 'exponential':
      return { dist: 'exponential', rate: d.rate ?? 1 / (d.mean as number) };
    case 'hyperexponential':
      return { dist: d.dist, probs: [...d.probs], rates: [...d.rates] };
    case 'empirical':
      return { dist: d.dist, values: [...d.values] };
    default:
      return { ...d };
  }
}

/**
 * True when the mean is 0. Only two distributions can do that: every other one's parameter
 * rules (rate, mean, scale > 0, or max > min >= 0) force a positive mean.
 */
export function hasZeroMean(d: DistSpec): boolean {
  if (d.dist === 'deterministic') return d.value === 0;
  if (d.dist === 'empirical') return d.values.every((v) => v === 0);
  return false;
}
