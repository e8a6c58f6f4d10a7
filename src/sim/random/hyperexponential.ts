// Hyperexponential: a mixture of exponentials, the classic model of scv > 1.
import type { Rng } from './rng';
import type { Distribution } from './distributions';
import { listText, nonEmpty, nonNegative, positive, scvOf } from './checks';
import { unitExponential } from './variates';

const SUM_TOLERANCE = 1e-9;

/** With probability probs[i], an exponential of rate rates[i]. */
export class Hyperexponential implements Distribution {
  readonly mean: number;
  readonly variance: number;
  readonly scv: number;
  readonly probs: readonly number[];
  readonly rates: readonly number[];
  private readonly cumulative: Float64Array;
  private readonly rateOf: Float64Array;
  private readonly last: number; // last branch with probability > 0: takes the rounding remainder
  constructor(probs: readonly number[], rates: readonly number[]) {
    nonEmpty('hyperexponential probs', probs);
    nonEmpty('hyperexponential rates', rates);
    if (probs.length !== rates.length) {
      throw new RangeError(
        `hyperexponential probs and rates must have the same length (got ${probs.length} and ${rates.length})`,
      );
    }
    probs.forEach((p, i) => nonNegative(`hyperexponential probs[${i}]`, p));
    rates.forEach((r, i) => positive(`hyperexponential rates[${i}]`, r));
    const total = probs.reduce((a, b) => a + b, 0);
    if (!(Math.abs(total - 1) <= SUM_TOLERANCE)) {
      throw new RangeError(`hyperexponential probs must sum to 1 within 1e-9 (got ${total})`);
    }
    this.probs = [...probs];
    this.rates = [...rates];
    // Normalise so that the moments below describe exactly what sample() draws.
    this.cumulative = new Float64Array(probs.length);
    this.rateOf = Float64Array.from(rates);
    let acc = 0;
    let m1 = 0;
    let m2 = 0;
    let last = 0;
    for (let i = 0; i < probs.length; i++) {
      const p = probs[i] / total;
      acc += p;
      this.cumulative[i] = acc;
      m1 += p / rates[i];
      m2 += (2 * p) / (rates[i] * rates[i]); // E[X^2] of Exp(r) is 2 / r^2
      if (p > 0) last = i;
    }
    this.last = last;
    this.mean = m1;
    this.variance = m2 - m1 * m1;
    this.scv = scvOf(this.mean, this.variance);
  }
  sample(rng: Rng): number {
    const u = rng();
    let i = 0;
    while (i < this.last && u >= this.cumulative[i]) i++;
    return unitExponential(rng) / this.rateOf[i];
  }
  toString(): string {
    return `hyperexponential(probs=${listText(this.probs)}, rates=${listText(this.rates)})`;
  }
}
