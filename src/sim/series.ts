import type { Recorder } from './engine/recorder.ts';
import { tCritical95 } from './stats/studentT.ts';

/** The recorded series, averaged over replications (shared DESIGN.md sections 2 and 3). */
export interface Series {
  t: number[];
  /** Cumulative produced, fetched (consumed), handled, replied; Q = messages waiting, all queues. */
  P: number[];
  Q: number[];
  C: number[];
  H: number[];
  R: number[];
  /**
   * Rates of the cumulative series, messages per second: rate[k] = (X[k] - X[k-1]) / dt over the
   * interval ending at t[k]; rate[0] repeats rate[1] (no interval ends at t = 0).
   */
  Prate: number[];
  Crate: number[];
  Hrate: number[];
  Rrate: number[];
  /** Messages waiting, per queue. */
  queues: Record<string, { Q: number[] }>;
  /** Servers provisioned per consumer group (`N`, constant unless it autoscales). An addition to
   *  DESIGN.md section 3. */
  consumers: Record<string, { N: number[] }>;
  /** 95% band of the replications' mean Q(t) (Student t), when there are 2+ replications. */
  band: { Q: { lo: number[]; hi: number[] } } | null;
}

/** Sums recorders' series sample by sample (sum and sum of squares for the Q band). */
export class SeriesAccumulator {
  private n = 0;
  private readonly sums: Float64Array[];
  private readonly qSquares: Float64Array;

  constructor(
    private readonly t: Float64Array,
    private readonly queueIds: string[],
    private readonly consumerIds: string[] = [],
  ) {
    this.sums = Array.from({ length: 5 + queueIds.length + consumerIds.length }, () => new Float64Array(t.length));
    this.qSquares = new Float64Array(t.length);
  }

  /** Adds one replication's samples: a Recorder, or the same arrays as plain data. */
  add(rec: Pick<Recorder, 'P' | 'Q' | 'C' | 'H' | 'R' | 'queueQ'> & { consumerN?: Float64Array[] }): void {
    const parts = [rec.P, rec.Q, rec.C, rec.H, rec.R, ...rec.queueQ, ...(rec.consumerN ?? []).slice(0, this.consumerIds.length)];
    parts.forEach((x, j) => {
      const s = this.sums[j];
      for (let k = 0; k < s.length; k++) s[k] += x[k];
    });
    for (let k = 0; k < rec.Q.length; k++) this.qSquares[k] += rec.Q[k] * rec.Q[k];
    this.n++;
  }

  result(): Series {
    const n = this.n;
    const mean = (j: number) => Array.from(this.sums[j], (s) => s / n);
    const [P, Q, C, H, R] = [0, 1, 2, 3, 4].map(mean);
    const queues: Series['queues'] = {};
    this.queueIds.forEach((id, i) => (queues[id] = { Q: mean(5 + i) }));
    const consumers: Series['consumers'] = {};
    this.consumerIds.forEach((id, i) => (consumers[id] = { N: mean(5 + this.queueIds.length + i) }));
    return {
      t: Array.from(this.t),
      P,
      Q,
      C,
      H,
      R,
      Prate: rates(this.t, P),
      Crate: rates(this.t, C),
      Hrate: rates(this.t, H),
      Rrate: rates(this.t, R),
      queues,
      consumers,
      band: n > 1 ? this.band(Q) : null,
    };
  }

  private band(Q: number[]): Series['band'] {
    const n = this.n;
    const tc = tCritical95(n - 1);
    const half = Q.map((m, k) => tc * Math.sqrt(Math.max(0, (this.qSquares[k] - n * m * m) / (n - 1)) / n));
    return { Q: { lo: Q.map((m, k) => m - half[k]), hi: Q.map((m, k) => m + half[k]) } };
  }
}

function rates(t: ArrayLike<number>, x: number[]): number[] {
  const r = x.map((v, k) => (k > 0 ? (v - x[k - 1]) / (t[k] - t[k - 1]) : 0));
  if (r.length > 1) r[0] = r[1];
  return r;
}
