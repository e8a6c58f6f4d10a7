// The mean series as Float64Arrays for the page: transferred, not copied, and no per-number
// allocations when the page receives them (plain arrays of 10^5 numbers cost the main thread a
// long garbage collection). The result file keeps the core's plain arrays.
import type { Series } from '../../sim/series.ts';

export interface TypedSeries {
  t: Float64Array;
  P: Float64Array;
  Q: Float64Array;
  C: Float64Array;
  H: Float64Array;
  R: Float64Array;
  Prate: Float64Array;
  Crate: Float64Array;
  Hrate: Float64Array;
  Rrate: Float64Array;
  queues: Record<string, { Q: Float64Array }>;
  /** Servers provisioned per consumer group (N), mean over replications. */
  consumers: Record<string, { N: Float64Array }>;
  band: { Q: { lo: Float64Array; hi: Float64Array } } | null;
}

export function typedSeries(s: Series): { series: TypedSeries; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const f = (x: number[]) => {
    const a = Float64Array.from(x);
    transfer.push(a.buffer);
    return a;
  };
  const queues: TypedSeries['queues'] = {};
  for (const [id, q] of Object.entries(s.queues)) queues[id] = { Q: f(q.Q) };
  const consumers: TypedSeries['consumers'] = {};
  for (const [id, c] of Object.entries(s.consumers)) consumers[id] = { N: f(c.N) };
  const series: TypedSeries = {
    t: f(s.t),
    P: f(s.P),
    Q: f(s.Q),
    C: f(s.C),
    H: f(s.H),
    R: f(s.R),
    Prate: f(s.Prate),
    Crate: f(s.Crate),
    Hrate: f(s.Hrate),
    Rrate: f(s.Rrate),
    queues,
    consumers,
    band: s.band ? { Q: { lo: f(s.band.Q.lo), hi: f(s.band.Q.hi) } } : null,
  };
  return { series, transfer };
}
