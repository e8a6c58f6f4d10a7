import { describe, expect, it } from 'vitest';
import { survival } from '../../../src/models/theory/survival';
import { expectClose } from './helpers';

describe('survival(spec, x) = P(S > x)', () => {
  it('survival of an exponential is exp(-rate x)', () => {
    expectClose(survival({ dist: 'exponential', rate: 2 }, 0.5), Math.exp(-1));
    expect(survival({ dist: 'exponential', rate: 2 }, 0)).toBe(1);
  });

  it('survival of an erlang(k, mean) is the Poisson sum exp(-r x) sum_{j<k} (r x)^j / j!, r = k / mean', () => {
    expectClose(survival({ dist: 'erlang', k: 1, mean: 0.5 }, 0.7), Math.exp(-1.4));
    expectClose(survival({ dist: 'erlang', k: 2, mean: 1 }, 0.5), Math.exp(-1) * (1 + 1), 1e-10);
    expectClose(survival({ dist: 'gamma', shape: 2, scale: 0.5 }, 0.5), Math.exp(-1) * 2, 1e-10);
  });

  it('survival of deterministic and uniform times steps and falls linearly', () => {
    expect(survival({ dist: 'deterministic', value: 1 }, 0.5)).toBe(1);
    expect(survival({ dist: 'deterministic', value: 1 }, 1)).toBe(0);
    expectClose(survival({ dist: 'uniform', min: 20, max: 40 }, 30), 0.5);
    expect(survival({ dist: 'uniform', min: 20, max: 40 }, 10)).toBe(1);
    expect(survival({ dist: 'uniform', min: 20, max: 40 }, 50)).toBe(0);
  });

  it('survival of a lognormal is 1/2 at its median mean / sqrt(1 + cv^2)', () => {
    const median = 2 / Math.sqrt(1 + 0.25);
    expectClose(survival({ dist: 'lognormal', mean: 2, cv: 0.5 }, median), 0.5, 1e-12);
  });

  it('survival of hyperexponential, pareto, weibull and empirical times in closed form', () => {
    expectClose(
      survival({ dist: 'hyperexponential', probs: [0.3, 0.7], rates: [1, 4] }, 1),
      0.3 * Math.exp(-1) + 0.7 * Math.exp(-4),
    );
    expectClose(survival({ dist: 'pareto', shape: 2, scale: 1 }, 4), 1 / 16);
    expect(survival({ dist: 'pareto', shape: 2, scale: 1 }, 0.5)).toBe(1);
    expectClose(survival({ dist: 'weibull', shape: 1, scale: 2 }, 1), Math.exp(-0.5));
    expect(survival({ dist: 'empirical', values: [1, 2, 3, 4] }, 2)).toBe(0.5);
  });

  it('survival(spec, x) throws for a negative x, naming it', () => {
    expect(() => survival({ dist: 'exponential', rate: 1 }, -1)).toThrow('survival: x must be a number >= 0, got -1');
  });
});
