// Distributions as small values: analytic moments, a sampler and a readable name.
// The classes live in basic.ts, gamma-family.ts, heavy-tails.ts and hyperexponential.ts.
import type { Rng } from './rng';
import type { DistSpec } from '../scenario/types';
import { Deterministic, Empirical, Exponential, Uniform } from './basic';
import { Erlang, Gamma } from './gamma-family';
import { Lognormal, Pareto, Weibull } from './heavy-tails';
import { Hyperexponential } from './hyperexponential';

export interface Distribution {
  /** Analytic mean (Infinity when it does not exist, e.g. pareto with shape <= 1). */
  readonly mean: number;
  /** Analytic variance (Infinity when it does not exist). */
  readonly variance: number;
  /** Squared coefficient of variation, variance / mean^2; 0 for a point mass (even at 0). */
  readonly scv: number;
  /** One draw, >= 0. Allocation-free: safe on the simulator's hot path. */
  sample(rng: Rng): number;
  /** Like "exponential(rate=0.9)". */
  toString(): string;
}

/** Builds the distribution a (checked) spec describes; throws RangeError on bad parameters. */
export function makeDistribution(spec: DistSpec): Distribution {
  switch (spec.dist) {
    case 'exponential':
      return new Exponential(spec.rate);
    case 'deterministic':
      return new Deterministic(spec.value);
    case 'uniform':
      return new Uniform(spec.min, spec.max);
    case 'erlang':
      return new Erlang(spec.k, spec.mean);
    case 'gamma':
      return new Gamma(spec.shape, spec.scale);
    case 'lognormal':
      return new Lognormal(spec.mean, spec.cv);
    case 'hyperexponential':
      return new Hyperexponential(spec.probs, spec.rates);
    case 'pareto':
      return new Pareto(spec.shape, spec.scale);
    case 'weibull':
      return new Weibull(spec.shape, spec.scale);
    case 'empirical':
      return new Empirical(spec.values);
    default: {
      const unknown: never = spec; // a new DistSpec member must be handled above
      throw new RangeError(`unknown distribution ${JSON.stringify(unknown)}`);
    }
  }
}
