// Exponential, deterministic, uniform and empirical distributions.
import type { Rng } from './rng';
import type { Distribution } from './distributions';
import { listText, nonEmpty, nonNegative, positive, scvOf } from './checks';
import { unitExponential } from './variates';

export class Exponential implements Distribution {
  readonly mean: number;
  readonly variance: number;
  readonly scv = 1;
  readonly rate: number;
  constructor(rate: number) {
    this.rate = positive('exponential rate', rate);
    this.mean = 1 / rate;
    this.variance = this.mean * this.mean;
  }
  sample(rng: Rng): number {
    return unitExponential(rng) / this.rate;
  }
  toString(): string {
    return `exponential(rate=${this.rate})`;
  }
}

export class Deterministic implements Distribution {
  readonly mean: number;
  readonly variance = 0;
  readonly scv = 0;
  readonly value: number;
  constructor(value: number) {
    this.value = this.mean = nonNegative('deterministic value', value);
  }
  sample(_rng: Rng): number {
    return this.value; // draws nothing: later draws from the same stream are unchanged
  }
  toString(): string {
    return `deterministic(value=${this.value})`;
  }
}

export class Uniform implements Distribution {
  readonly mean: number;
  readonly variance: number;
  readonly scv: number;
  readonly min: number;
  readonly max: number;
  private readonly width: number;
  constructor(min: number, max: number) {
    this.min = nonNegative('uniform min', min);
    this.max = nonNegative('uniform max', max);
    if (max < min) throw new RangeError(`uniform max must be >= min (got max=${max}, min=${min})`);
    this.width = max - min;
    this.mean = (min + max) / 2;
    this.variance = (this.width * this.width) / 12;
    this.scv = scvOf(this.mean, this.variance);
  }
  sample(rng: Rng): number {
    return this.min + this.width * rng();
  }
  toString(): string {
    return `uniform(min=${this.min}, max=${this.max})`;
  }
}

/** Resamples the given values uniformly: each with probability 1/n (duplicates count twice). */
export class Empirical implements Distribution {
  readonly mean: number;
  readonly variance: number;
  readonly scv: number;
  private readonly values: Float64Array;
  constructor(values: readonly number[]) {
    nonEmpty('empirical values', values);
    values.forEach((v, i) => nonNegative(`empirical values[${i}]`, v));
    this.values = Float64Array.from(values);
    const n = values.length;
    let sum = 0;
    for (const v of values) sum += v;
    this.mean = sum / n;
    let ss = 0; // two-pass: exact zero for constant data, no cancellation
    for (const v of values) ss += (v - this.mean) * (v - this.mean);
    this.variance = ss / n; // of the discrete distribution itself, not an estimate
    this.scv = scvOf(this.mean, this.variance);
  }
  sample(rng: Rng): number {
    const n = this.values.length;
    const i = Math.floor(rng() * n);
    return this.values[i < n ? i : n - 1]; // u * n can round up to n for u just below 1
  }
  toString(): string {
    return `empirical(values=${listText(this.values)})`;
  }
}
