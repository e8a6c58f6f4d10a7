// P(S > x) for every distribution of the scenario format: how often a handling time outlasts a
// visibility timeout.
import type { DistSpec } from '../../sim/scenario/types';
import { normalCdf, upperIncompleteGamma } from '../../sim/stats/special';
import { exp, log, log1p, pow } from '../../sim/math/index.ts';

const clamp01 = (p: number): number => Math.min(1, Math.max(0, p));

/**
 * The survival function P(S > x), x >= 0, of a checked distribution (parameterised as in
 * src/sim/random): gamma and erlang by the regularized upper incomplete gamma Q(a, x / scale),
 * lognormal by the normal tail of (ln x - mu) / sigma, the others in closed form.
 */
export function survival(spec: DistSpec, x: number): number {
  if (!(x >= 0)) throw new RangeError(`survival: x must be a number >= 0, got ${x}`);
  switch (spec.dist) {
    case 'exponential':
      return exp(-spec.rate * x);
    case 'deterministic':
      return spec.value > x ? 1 : 0;
    case 'uniform':
      if (spec.max === spec.min) return spec.max > x ? 1 : 0;
      return clamp01((spec.max - x) / (spec.max - spec.min));
    case 'erlang':
      return x === 0 ? 1 : upperIncompleteGamma(spec.k, (spec.k * x) / spec.mean);
    case 'gamma':
      return x === 0 ? 1 : upperIncompleteGamma(spec.shape, x / spec.scale);
    case 'lognormal': {
      if (spec.cv === 0) return spec.mean > x ? 1 : 0;
      if (x === 0) return 1;
      const s2 = log1p(spec.cv * spec.cv);
      const mu = log(spec.mean) - s2 / 2;
      return normalCdf(-(log(x) - mu) / Math.sqrt(s2));
    }
    case 'hyperexponential':
      return clamp01(spec.probs.reduce((s, p, i) => s + p * exp(-spec.rates[i] * x), 0));
    case 'pareto':
      return x < spec.scale ? 1 : pow(spec.scale / x, spec.shape);
    case 'weibull':
      return exp(-pow(x / spec.scale, spec.shape));
    case 'empirical':
      return spec.values.filter((v) => v > x).length / spec.values.length;
    default: {
      const unknown: never = spec;
      throw new RangeError(`survival: unknown distribution ${JSON.stringify(unknown)}`);
    }
  }
}
