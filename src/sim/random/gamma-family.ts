// Gamma and its integer-shape case, Erlang.
import type { Rng } from './rng';
import type { Distribution } from './distributions';
import { positive, positiveInteger } from './checks';
import { marsagliaTsang } from './variates';
import { log, pow } from '../math/index.ts';

/** Gamma(shape, scale): mean shape * scale, variance shape * scale^2. */
export class Gamma implements Distribution {
  readonly mean: number;
  readonly variance: number;
  readonly scv: number;
  readonly shape: number;
  readonly scale: number;
  // Marsaglia-Tsang constants for shape >= 1, or for shape + 1 when boosting (shape < 1).
  private readonly d: number;
  private readonly c: number;
  private readonly boost: boolean;
  private readonly invShape: number;
  constructor(shape: number, scale: number) {
    this.shape = positive('gamma shape', shape);
    this.scale = positive('gamma scale', scale);
    this.mean = shape * scale;
    this.variance = shape * scale * scale;
    this.scv = 1 / shape;
    this.boost = shape < 1;
    this.d = (this.boost ? shape + 1 : shape) - 1 / 3;
    this.c = 1 / Math.sqrt(9 * this.d);
    this.invShape = 1 / shape;
  }
  sample(rng: Rng): number {
    const g = marsagliaTsang(rng, this.d, this.c);
    if (!this.boost) return this.scale * g;
    // Gamma(a) = Gamma(a + 1) * U^(1/a) for a < 1 (Marsaglia & Tsang 2000, section 6).
    return this.scale * g * pow(1 - rng(), this.invShape);
  }
  toString(): string {
    return `gamma(shape=${this.shape}, scale=${this.scale})`;
  }
}

/** Up to this many phases, the sum of k exponentials is cheaper than one gamma draw. */
const MAX_PHASES_BY_PRODUCT = 12;

/** Erlang: k exponential phases of mean mean/k each; scv 1/k. */
export class Erlang implements Distribution {
  readonly mean: number;
  readonly variance: number;
  readonly scv: number;
  readonly k: number;
  private readonly phaseMean: number;
  private readonly d: number;
  private readonly c: number;
  constructor(k: number, mean: number) {
    this.k = positiveInteger('erlang k', k);
    this.mean = positive('erlang mean', mean);
    this.phaseMean = mean / k;
    this.variance = (mean * mean) / k;
    this.scv = 1 / k;
    this.d = k - 1 / 3;
    this.c = 1 / Math.sqrt(9 * this.d);
  }
  sample(rng: Rng): number {
    if (this.k > MAX_PHASES_BY_PRODUCT) return this.phaseMean * marsagliaTsang(rng, this.d, this.c);
    // Sum of logs as the log of a product: one log call. Factors are in (0, 1] and at most 12
    // of them stay far above underflow, so the log is finite.
    let p = 1;
    for (let i = 0; i < this.k; i++) p *= 1 - rng();
    return -this.phaseMean * log(p);
  }
  toString(): string {
    return `erlang(k=${this.k}, mean=${this.mean})`;
  }
}
