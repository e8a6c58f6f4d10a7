import { describe, expect, it } from 'vitest';
import { makeDistribution } from '../../../src/sim/random/distributions';
import { createStream } from '../../../src/sim/random/streams';
import { gamma } from '../../../src/sim/stats/special.ts';
import type { DistSpec } from '../../../src/sim/scenario/types';

const N = 200_000;
// Every statistical tolerance is 4.5 standard errors of the estimator: P(|Z| > 4.5) ~ 7e-6
// for a normal estimator, so a correct sampler fails about once in 1e5 seeds. Seeds are fixed,
// so each run is reproducible.
const Z = 4.5;

/** Raw moments E[X^n], n = 1..4, from closed forms independent of the code under test. */
type RawMoment = (n: number) => number;

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));
const risingFactorial = (a: number, n: number): number => (n === 0 ? 1 : a * risingFactorial(a + 1, n - 1));

interface Case {
  spec: DistSpec;
  moment: RawMoment; // Infinity where the moment does not exist
}

const cases: Case[] = [
  { spec: { dist: 'exponential', rate: 0.9 }, moment: (n) => factorial(n) / 0.9 ** n },
  {
    spec: { dist: 'uniform', min: 1, max: 3 },
    moment: (n) => (3 ** (n + 1) - 1) / ((n + 1) * 2),
  },
  // k <= 12 sums logs, k > 12 uses the gamma sampler: test both paths.
  { spec: { dist: 'erlang', k: 3, mean: 2 }, moment: (n) => (2 / 3) ** n * risingFactorial(3, n) },
  { spec: { dist: 'erlang', k: 40, mean: 2 }, moment: (n) => (2 / 40) ** n * risingFactorial(40, n) },
  // shape < 1 uses the U^(1/shape) boost; shape >= 1 plain Marsaglia-Tsang.
  { spec: { dist: 'gamma', shape: 0.3, scale: 2 }, moment: (n) => 2 ** n * risingFactorial(0.3, n) },
  { spec: { dist: 'gamma', shape: 2.5, scale: 0.5 }, moment: (n) => 0.5 ** n * risingFactorial(2.5, n) },
  lognormal(2, 0.5),
  lognormal(1, 1),
  hyperexponential([0.4, 0.6], [0.5, 2]),
  hyperexponential([0, 0.25, 0.75, 0], [9, 0.2, 3, 1]),
  // Pareto I: E[X^n] = shape scale^n / (shape - n) for shape > n, else infinite.
  { spec: { dist: 'pareto', shape: 5, scale: 1 }, moment: (n) => (5 > n ? (5 * 1 ** n) / (5 - n) : Infinity) },
  { spec: { dist: 'pareto', shape: 3, scale: 2 }, moment: (n) => (3 > n ? (3 * 2 ** n) / (3 - n) : Infinity) },
  { spec: { dist: 'weibull', shape: 0.5, scale: 1 }, moment: (n) => gamma(1 + n / 0.5) },
  { spec: { dist: 'weibull', shape: 2, scale: 3 }, moment: (n) => 3 ** n * gamma(1 + n / 2) },
  empirical([0, 1, 1, 2, 7.5]),
];

function lognormal(mean: number, cv: number): Case {
  const s2 = Math.log(1 + cv * cv);
  const mu = Math.log(mean) - s2 / 2;
  return { spec: { dist: 'lognormal', mean, cv }, moment: (n) => Math.exp(n * mu + (n * n * s2) / 2) };
}

function hyperexponential(probs: number[], rates: number[]): Case {
  return {
    spec: { dist: 'hyperexponential', probs, rates },
    moment: (n) => probs.reduce((a, p, i) => a + (p * factorial(n)) / rates[i] ** n, 0),
  };
}

function empirical(values: number[]): Case {
  return {
    spec: { dist: 'empirical', values },
    moment: (n) => values.reduce((a, v) => a + v ** n, 0) / values.length,
  };
}

/** Mean and variance from raw moments, and the central fourth moment (Infinity if E[X^4] is). */
function centralMoments(m: RawMoment): { mean: number; variance: number; mu4: number } {
  const [m1, m2, m3, m4] = [m(1), m(2), m(3), m(4)];
  const mu4 = m4 === Infinity ? Infinity : m4 - 4 * m1 * m3 + 6 * m1 * m1 * m2 - 3 * m1 ** 4;
  return { mean: m1, variance: m2 - m1 * m1, mu4 };
}

function draw(spec: DistSpec, n: number, id: string): Float64Array {
  const d = makeDistribution(spec);
  const rng = createStream(2024, 0, id);
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = d.sample(rng);
  return xs;
}

/** Sample mean, unbiased variance s^2 and central fourth moment, by two passes. */
function sampleMoments(xs: Float64Array): { mean: number; s2: number; m4: number } {
  const n = xs.length;
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / n;
  let ss = 0;
  let s4 = 0;
  for (const x of xs) {
    const d2 = (x - mean) * (x - mean);
    ss += d2;
    s4 += d2 * d2;
  }
  return { mean, s2: ss / (n - 1), m4: s4 / n };
}

describe('makeDistribution(spec) samples', () => {
  for (const { spec, moment } of cases) {
    const d = makeDistribution(spec);
    const truth = centralMoments(moment);

    it(`${d} has the closed-form mean and variance`, () => {
      expect(d.mean / truth.mean).toBeCloseTo(1, 12);
      expect(d.variance / truth.variance).toBeCloseTo(1, 10);
      expect(d.scv / (truth.variance / truth.mean ** 2)).toBeCloseTo(1, 10);
    });

    it(`${d}: ${N} samples are finite, >= 0, and match the mean and variance within 4.5 SE`, () => {
      const xs = draw(spec, N, d.toString());
      expect(xs.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
      const s = sampleMoments(xs);
      expect(Math.abs(s.mean - truth.mean)).toBeLessThan(Z * Math.sqrt(truth.variance / N));
      // Var(s^2) ~ (mu4 - sigma^4) / n. Where E[X^4] is infinite (pareto shape 3) use the
      // sample's own estimate (m4 - s^4) / n instead.
      const mu4 = Number.isFinite(truth.mu4) ? truth.mu4 : s.m4;
      const sigma4 = Number.isFinite(truth.mu4) ? truth.variance ** 2 : s.s2 ** 2;
      expect(Math.abs(s.s2 - truth.variance)).toBeLessThan(Z * Math.sqrt((mu4 - sigma4) / N));
    });
  }
});

describe('makeDistribution({dist:"pareto"}) with infinite variance', () => {
  // For shape <= 2 the variance is infinite (and for shape <= 1 the mean too), so no CLT
  // applies to the sample mean or variance; those checks are skipped. Instead check the law:
  // ln(X / scale) ~ Exp(shape) exactly, and tail counts #{X > x} ~ Binomial(N, (scale/x)^shape).
  for (const shape of [0.8, 1.5]) {
    const spec: DistSpec = { dist: 'pareto', shape, scale: 2 };
    it(`pareto(shape=${shape}, scale=2): ln(X / scale) has mean 1/shape and tails match (scale/x)^shape within 4.5 SE`, () => {
      const xs = draw(spec, N, `pareto-tail-${shape}`);
      expect(xs.every((x) => Number.isFinite(x) && x >= 2)).toBe(true);
      let logSum = 0;
      for (const x of xs) logSum += Math.log(x / 2);
      expect(Math.abs(logSum / N - 1 / shape)).toBeLessThan((Z * (1 / shape)) / Math.sqrt(N));
      for (const x of [3, 20, 200]) {
        const p = (2 / x) ** shape;
        const count = xs.reduce((c, v) => c + (v > x ? 1 : 0), 0);
        expect(Math.abs(count - N * p)).toBeLessThan(Z * Math.sqrt(N * p * (1 - p)));
      }
    });
  }
});

describe('makeDistribution(spec) closed forms', () => {
  it("makeDistribution({dist:'erlang',k:3,mean:2}) has mean 2 and scv 1/3", () => {
    const d = makeDistribution({ dist: 'erlang', k: 3, mean: 2 });
    expect(d.mean).toBe(2);
    expect(d.scv).toBeCloseTo(1 / 3, 15);
    expect(d.variance).toBeCloseTo(4 / 3, 15);
  });

  it("makeDistribution({dist:'exponential',rate:4}) has mean 1/4 and scv 1", () => {
    const d = makeDistribution({ dist: 'exponential', rate: 4 });
    expect(d.mean).toBe(0.25);
    expect(d.scv).toBe(1);
  });

  it("makeDistribution({dist:'deterministic'}) has scv 0, also at value 0", () => {
    expect(makeDistribution({ dist: 'deterministic', value: 3 })).toMatchObject({ mean: 3, variance: 0, scv: 0 });
    expect(makeDistribution({ dist: 'deterministic', value: 0 })).toMatchObject({ mean: 0, variance: 0, scv: 0 });
  });

  it("makeDistribution({dist:'uniform',min:0,max:1}) has scv 1/3; min = max = 0 has scv 0", () => {
    expect(makeDistribution({ dist: 'uniform', min: 0, max: 1 }).scv).toBeCloseTo(1 / 3, 15);
    expect(makeDistribution({ dist: 'uniform', min: 0, max: 0 }).scv).toBe(0);
  });

  it("makeDistribution({dist:'hyperexponential',probs:[0.5,0.5],rates:[1,1/3]}) has mean 2 and scv 3/2", () => {
    // E[X] = 0.5 + 1.5 = 2, E[X^2] = 2 (0.5 + 0.5 * 9) = 10, variance 6.
    const d = makeDistribution({ dist: 'hyperexponential', probs: [0.5, 0.5], rates: [1, 1 / 3] });
    expect(d.mean).toBeCloseTo(2, 14);
    expect(d.variance).toBeCloseTo(6, 13);
    expect(d.scv).toBeCloseTo(1.5, 14);
  });

  it("makeDistribution({dist:'gamma',shape:4,scale:0.5}) has mean 2 and scv 1/4", () => {
    expect(makeDistribution({ dist: 'gamma', shape: 4, scale: 0.5 })).toMatchObject({ mean: 2, scv: 0.25 });
  });

  it("makeDistribution({dist:'lognormal',mean:3,cv:2}) has mean 3 and scv 4", () => {
    const d = makeDistribution({ dist: 'lognormal', mean: 3, cv: 2 });
    expect(d.mean).toBe(3);
    expect(d.scv).toBeCloseTo(4, 14);
  });

  it("makeDistribution({dist:'pareto'}) has mean 3/2 and scv 1/3 at shape 3, infinite scv at shape 2, infinite mean at shape 1", () => {
    const d = makeDistribution({ dist: 'pareto', shape: 3, scale: 1 });
    expect(d.mean).toBe(1.5);
    expect(d.variance).toBe(0.75);
    expect(d.scv).toBeCloseTo(1 / 3, 15);
    expect(makeDistribution({ dist: 'pareto', shape: 2, scale: 1 })).toMatchObject({ mean: 2, variance: Infinity, scv: Infinity });
    expect(makeDistribution({ dist: 'pareto', shape: 1, scale: 1 })).toMatchObject({ mean: Infinity, variance: Infinity, scv: Infinity });
  });

  it("makeDistribution({dist:'weibull'}) is exponential at shape 1 and has mean scale sqrt(pi)/2, variance scale^2 (1 - pi/4) at shape 2", () => {
    const w1 = makeDistribution({ dist: 'weibull', shape: 1, scale: 5 });
    expect(w1.mean).toBeCloseTo(5, 13);
    expect(w1.scv).toBeCloseTo(1, 13);
    const w2 = makeDistribution({ dist: 'weibull', shape: 2, scale: 3 });
    expect(w2.mean).toBeCloseTo((3 * Math.sqrt(Math.PI)) / 2, 13);
    expect(w2.variance).toBeCloseTo(9 * (1 - Math.PI / 4), 13);
  });

  it("makeDistribution({dist:'empirical',values:[1,3]}) has mean 2, variance 1 and scv 1/4; all zeros has scv 0", () => {
    expect(makeDistribution({ dist: 'empirical', values: [1, 3] })).toMatchObject({ mean: 2, variance: 1, scv: 0.25 });
    expect(makeDistribution({ dist: 'empirical', values: [0, 0] })).toMatchObject({ mean: 0, variance: 0, scv: 0 });
  });
});

describe('makeDistribution(spec) point masses', () => {
  it("deterministic sample returns the value and draws nothing from the stream", () => {
    const d = makeDistribution({ dist: 'deterministic', value: 2.5 });
    const rng = createStream(1, 0, 'x');
    for (let i = 0; i < 10; i++) expect(d.sample(rng)).toBe(2.5);
    expect(rng()).toBe(createStream(1, 0, 'x')());
  });

  it('empirical sample returns only the given values, each about 1/n of the time', () => {
    const xs = draw({ dist: 'empirical', values: [5, 7, 7] }, 30_000, 'empirical-freq');
    expect(xs.every((x) => x === 5 || x === 7)).toBe(true);
    const fives = xs.reduce((c, x) => c + (x === 5 ? 1 : 0), 0);
    expect(Math.abs(fives - 10_000)).toBeLessThan(Z * Math.sqrt(30_000 * (1 / 3) * (2 / 3)));
  });
});

describe('makeDistribution(spec).toString()', () => {
  it.each<[DistSpec, string]>([
    [{ dist: 'exponential', rate: 0.9 }, 'exponential(rate=0.9)'],
    [{ dist: 'deterministic', value: 2 }, 'deterministic(value=2)'],
    [{ dist: 'uniform', min: 1, max: 3 }, 'uniform(min=1, max=3)'],
    [{ dist: 'erlang', k: 3, mean: 2 }, 'erlang(k=3, mean=2)'],
    [{ dist: 'gamma', shape: 0.5, scale: 2 }, 'gamma(shape=0.5, scale=2)'],
    [{ dist: 'lognormal', mean: 1, cv: 2 }, 'lognormal(mean=1, cv=2)'],
    [{ dist: 'hyperexponential', probs: [0.5, 0.5], rates: [1, 2] }, 'hyperexponential(probs=[0.5, 0.5], rates=[1, 2])'],
    [{ dist: 'pareto', shape: 2.5, scale: 1 }, 'pareto(shape=2.5, scale=1)'],
    [{ dist: 'weibull', shape: 0.7, scale: 4 }, 'weibull(shape=0.7, scale=4)'],
    [{ dist: 'empirical', values: [1, 2, 3] }, 'empirical(values=[1, 2, 3])'],
    [{ dist: 'empirical', values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }, 'empirical(values=[1, 2, 3, 4, 5, 6, 7, 8, ... 2 more])'],
  ])('%j reads %s', (spec, text) => {
    expect(String(makeDistribution(spec))).toBe(text);
  });
});

describe('makeDistribution(spec) rejects bad parameters with RangeError naming parameter, value and rule', () => {
  const bad = (spec: unknown): DistSpec => spec as DistSpec;
  it.each<[DistSpec, string]>([
    [bad({ dist: 'exponential', rate: -1 }), 'exponential rate must be > 0 (got -1)'],
    [bad({ dist: 'exponential', rate: 0 }), 'exponential rate must be > 0 (got 0)'],
    [bad({ dist: 'exponential', rate: Infinity }), 'exponential rate must be finite (got Infinity)'],
    [bad({ dist: 'exponential', rate: NaN }), 'exponential rate must be finite (got NaN)'],
    [bad({ dist: 'deterministic', value: -0.5 }), 'deterministic value must be >= 0 (got -0.5)'],
    [bad({ dist: 'uniform', min: -1, max: 2 }), 'uniform min must be >= 0 (got -1)'],
    [bad({ dist: 'uniform', min: 3, max: 2 }), 'uniform max must be >= min (got max=2, min=3)'],
    [bad({ dist: 'erlang', k: 2.5, mean: 1 }), 'erlang k must be an integer >= 1 (got 2.5)'],
    [bad({ dist: 'erlang', k: 0, mean: 1 }), 'erlang k must be an integer >= 1 (got 0)'],
    [bad({ dist: 'erlang', k: 2, mean: 0 }), 'erlang mean must be > 0 (got 0)'],
    [bad({ dist: 'gamma', shape: 0, scale: 1 }), 'gamma shape must be > 0 (got 0)'],
    [bad({ dist: 'gamma', shape: 1, scale: -2 }), 'gamma scale must be > 0 (got -2)'],
    [bad({ dist: 'lognormal', mean: -1, cv: 1 }), 'lognormal mean must be > 0 (got -1)'],
    [bad({ dist: 'lognormal', mean: 1, cv: -0.1 }), 'lognormal cv must be >= 0 (got -0.1)'],
    [bad({ dist: 'hyperexponential', probs: [], rates: [] }), 'hyperexponential probs must be a non-empty array (got [])'],
    [bad({ dist: 'hyperexponential', probs: [0.5, 0.5], rates: [1] }), 'hyperexponential probs and rates must have the same length (got 2 and 1)'],
    [bad({ dist: 'hyperexponential', probs: [1.5, -0.5], rates: [1, 2] }), 'hyperexponential probs[1] must be >= 0 (got -0.5)'],
    [bad({ dist: 'hyperexponential', probs: [0.5, 0.5], rates: [1, 0] }), 'hyperexponential rates[1] must be > 0 (got 0)'],
    [bad({ dist: 'hyperexponential', probs: [0.5, 0.4], rates: [1, 2] }), 'hyperexponential probs must sum to 1 within 1e-9 (got 0.9)'],
    [bad({ dist: 'pareto', shape: -1, scale: 1 }), 'pareto shape must be > 0 (got -1)'],
    [bad({ dist: 'pareto', shape: 2, scale: 0 }), 'pareto scale must be > 0 (got 0)'],
    [bad({ dist: 'weibull', shape: 0, scale: 1 }), 'weibull shape must be > 0 (got 0)'],
    [bad({ dist: 'weibull', shape: 1, scale: -1 }), 'weibull scale must be > 0 (got -1)'],
    [bad({ dist: 'empirical', values: [] }), 'empirical values must be a non-empty array (got [])'],
    [bad({ dist: 'empirical', values: [1, -2] }), 'empirical values[1] must be >= 0 (got -2)'],
    [bad({ dist: 'empirical', values: [1, NaN] }), 'empirical values[1] must be finite (got NaN)'],
    [bad({ dist: 'triangular', a: 1 }), 'unknown distribution {"dist":"triangular","a":1}'],
  ])('%j throws "%s"', (spec, message) => {
    let error: unknown;
    try {
      makeDistribution(spec);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).toBe(message);
  });
});
