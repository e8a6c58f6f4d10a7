import { exp, log } from '../math/index.ts';
import { HI, POW2, POW2_BIAS } from '../math/bits.ts';

// The bin index needs a logarithm per recorded latency (the engine's hot path), but not a correctly
// rounded one: binLog below is exact to ~2e-13 absolute, far inside a bin (log-width ~0.01), and
// is built of IEEE operations only, so it bins alike on every engine. About 3x faster than log.
const TABLE_BITS = 7;
const TABLE = 1 << TABLE_BITS;
/** Centres c_j = 1 + (j + 1/2) / 128 of the mantissa's 128 slices of [1, 2), their logs and inverses. */
const CENTRE = new Float64Array(TABLE);
const LOG_CENTRE = new Float64Array(TABLE);
const INV_CENTRE = new Float64Array(TABLE);
for (let j = 0; j < TABLE; j++) {
  CENTRE[j] = 1 + (j + 0.5) / TABLE;
  LOG_CENTRE[j] = log(CENTRE[j]);
  INV_CENTRE[j] = 1 / CENTRE[j];
}
const words = new Float64Array(1);
const highWord = new Int32Array(words.buffer);

/** log(x) for normal finite x > 0, absolute error < 2e-13: x = 2^e m, log m = log c_j + log1p(r). */
function binLog(x: number): number {
  words[0] = x;
  const hi = highWord[HI];
  const e = (hi >> 20) - 1023;
  const j = (hi >> (20 - TABLE_BITS)) & (TABLE - 1);
  const r = (x * POW2[POW2_BIAS - e] - CENTRE[j]) * INV_CENTRE[j]; // |r| < 1/256
  return e * Math.LN2 + LOG_CENTRE[j] + r * (1 - r * (0.5 - r * (1 / 3 - r * 0.25)));
}

/**
 * A LogHistogram as plain data (structured-clone and, with non-finite numbers encoded, JSON safe):
 * its bin layout, exact count/sum/min/max, and only the non-empty bins as [index, count] pairs.
 */
export interface LogHistogramData {
  lowest: number;
  highest: number;
  relativeError: number;
  underflow: number;
  count: number;
  sum: number;
  /** Infinity / -Infinity when empty. */
  min: number;
  max: number;
  /** index0, count0, index1, count1, ... for the non-empty bins, by increasing index. */
  bins: number[];
}

/**
 * A histogram with logarithmic bins, for latency quantiles in constant memory (the idea of
 * HdrHistogram / DDSketch): bin i holds values in [min * g^i, min * g^(i+1)) with g = 1 + 2e, and
 * a quantile is reported as its bin's geometric midpoint, so its relative error is at most about
 * e (default e = 0.005: 0.5%). Values below `min` (including 0) share bin 0's underflow count and
 * are reported as the exact minimum (absolute error < lowest); values above `max` are clamped into the last bin. The exact minimum, maximum,
 * count and sum are kept beside the bins.
 */
export class LogHistogram {
  readonly counts: Float64Array;
  underflow = 0;
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;
  private readonly logMin: number;
  private readonly invLogGrowth: number;
  private readonly growth: number;

  constructor(
    readonly lowest = 1e-6,
    readonly highest = 1e9,
    readonly relativeError = 0.005,
  ) {
    this.growth = 1 + 2 * relativeError;
    this.logMin = log(lowest);
    this.invLogGrowth = 1 / log(this.growth);
    this.counts = new Float64Array(Math.ceil(log(highest / lowest) * this.invLogGrowth) + 1);
  }

  add(x: number): void {
    this.count++;
    this.sum += x;
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    if (x < this.lowest) {
      this.underflow++;
      return;
    }
    const last = this.counts.length - 1;
    const i = x < this.highest ? Math.floor((binLog(x) - this.logMin) * this.invLogGrowth) : last;
    this.counts[i < last ? i : last]++;
  }

  /** Adds another histogram with the same bins (pooling replications). */
  merge(other: LogHistogram): void {
    for (let i = 0; i < this.counts.length; i++) this.counts[i] += other.counts[i];
    this.underflow += other.underflow;
    this.count += other.count;
    this.sum += other.sum;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
  }

  /** The histogram as plain data; fromData(toData()) gives an equal histogram. */
  toData(): LogHistogramData {
    const bins: number[] = [];
    for (let i = 0; i < this.counts.length; i++) if (this.counts[i] !== 0) bins.push(i, this.counts[i]);
    const { lowest, highest, relativeError, underflow, count, sum, min, max } = this;
    return { lowest, highest, relativeError, underflow, count, sum, min, max, bins };
  }

  static fromData(data: LogHistogramData): LogHistogram {
    const h = new LogHistogram(data.lowest, data.highest, data.relativeError);
    for (let j = 0; j < data.bins.length; j += 2) h.counts[data.bins[j]] = data.bins[j + 1];
    h.underflow = data.underflow;
    h.count = data.count;
    h.sum = data.sum;
    h.min = data.min;
    h.max = data.max;
    return h;
  }

  get mean(): number {
    return this.count > 0 ? this.sum / this.count : NaN;
  }

  /** The q-quantile (0 <= q <= 1), within the stated relative error; NaN when empty. */
  quantile(q: number): number {
    if (this.count === 0) return NaN;
    const rank = Math.max(1, Math.ceil(q * this.count));
    if (rank <= this.underflow) return this.min; // within `lowest` of the truth
    let seen = this.underflow;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i];
      if (seen >= rank) {
        const mid = exp(this.logMin + (i + 0.5) / this.invLogGrowth);
        return Math.min(this.max, Math.max(this.min, mid));
      }
    }
    return this.max;
  }
}
