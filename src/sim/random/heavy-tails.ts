// Lognormal, Pareto and Weibull: the usual models of skewed, long-tailed service times.
import type { Rng } from './rng';
import type { Distribution } from './distributions';
import { nonNegative, positive, scvOf } from './checks';
import { gamma } from '../stats/special.ts';
import { standardNormal, unitExponential } from './variates';
import { exp, log, log1p, pow } from '../math/index.ts';

/** Parameterised by its own mean and coefficient of variation: exp(N(mu, sigma^2)). */
export class Lognormal implements Distribution {
  readonly mean: number;
  readonly variance: number;
  readonly scv: number;
  readonly cv: number;
  private readonly mu: number;
  private readonly sigma: number;
  constructor(mean: number, cv: number) {
    this.mean = positive('lognormal mean', mean);
    this.cv = nonNegative('lognormal cv', cv);
    const s2 = log1p(cv * cv); // sigma^2 = ln(1 + cv^2)
    this.sigma = Math.sqrt(s2);
    this.mu = log(mean) - s2 / 2;
    this.variance = pow(cv * mean, 2);
    this.scv = scvOf(this.mean, this.variance);
  }
  sample(rng: Rng): number {
    return exp(this.mu + this.sigma * standardNormal(rng));
  }
  toString(): string {
    return `lognormal(mean=${this.mean}, cv=${this.cv})`;
  }
}

/**
 * Pareto type I: P(X > x) = (scale / x)^shape for x >= scale. The mean is Infinity for
 * shape <= 1 and the variance (so the scv) is Infinity for shape <= 2. Very small shapes can
 * overflow to Infinity on rare draws (a real property of such tails, not a rounding error).
 */
export class Pareto implements Distribution {
  readonly mean: number;
  readonly variance: number;
  readonly scv: number;
  readonly shape: number;
  readonly scale: number;
  private readonly negInvShape: number;
  constructor(shape: number, scale: number) {
    this.shape = positive('pareto shape', shape);
    this.scale = positive('pareto scale', scale);
    this.mean = shape > 1 ? (shape * scale) / (shape - 1) : Infinity;
    this.variance =
      shape > 2 ? (scale * scale * shape) / ((shape - 1) * (shape - 1) * (shape - 2)) : Infinity;
    this.scv = scvOf(this.mean, this.variance);
    this.negInvShape = -1 / shape;
  }
  sample(rng: Rng): number {
    return this.scale * pow(1 - rng(), this.negInvShape); // 1 - u in (0, 1]: no division by 0
  }
  toString(): string {
    return `pareto(shape=${this.shape}, scale=${this.scale})`;
  }
}

/** Weibull: P(X > x) = exp(-(x / scale)^shape); shape < 1 is long-tailed, 1 is exponential. */
export class Weibull implements Distribution {
  readonly mean: number;
  readonly variance: number;
  readonly scv: number;
  readonly shape: number;
  readonly scale: number;
  private readonly invShape: number;
  constructor(shape: number, scale: number) {
    this.shape = positive('weibull shape', shape);
    this.scale = positive('weibull scale', scale);
    this.invShape = 1 / shape;
    const g1 = gamma(1 + 1 / shape);
    this.mean = scale * g1;
    this.variance = scale * scale * (gamma(1 + 2 / shape) - g1 * g1);
    this.scv = scvOf(this.mean, this.variance);
  }
  sample(rng: Rng): number {
    return this.scale * pow(unitExponential(rng), this.invShape); // inverse CDF
  }
  toString(): string {
    return `weibull(shape=${this.shape}, scale=${this.scale})`;
  }
}
