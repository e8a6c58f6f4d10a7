// Cuts the samples a replication has taken since the last batch out of its recorder. Rates come
// from the core's SeriesAccumulator applied to the batch (plus the sample before it), so the
// live rates are computed by the same formula as the result's.
import type { Recorder } from '../../sim/engine/recorder.ts';
import { SeriesAccumulator } from '../../sim/series.ts';
import type { SampleBatch } from './protocol.ts';

/** Number of samples the recorder has taken so far. */
export function samplesTaken(rec: Recorder): number {
  const times = rec.sampleTimes;
  if (rec.nextSampleTime === Infinity) return times.length;
  // nextSampleTime is times[k] for the first sample k not yet taken.
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] < rec.nextSampleTime) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function sampleBatch(rec: Recorder, replication: number, from: number, to: number): SampleBatch {
  const start = Math.max(0, from - 1);
  const slice = (x: Float64Array) => x.slice(start, to);
  const part = { P: slice(rec.P), Q: slice(rec.Q), C: slice(rec.C), H: slice(rec.H), R: slice(rec.R), queueQ: [] as Float64Array[] };
  const acc = new SeriesAccumulator(rec.sampleTimes.slice(start, to), []);
  acc.add(part as unknown as Recorder);
  const mean = acc.result();
  const skip = from - start; // the sample before the batch only anchors the first rate
  const rate = (r: number[]) => Float64Array.from(r.slice(skip));
  return {
    replication,
    from,
    P: rec.P.slice(from, to),
    C: rec.C.slice(from, to),
    H: rec.H.slice(from, to),
    R: rec.R.slice(from, to),
    Q: rec.Q.slice(from, to),
    queueQ: rec.queueQ.map((q) => q.slice(from, to)),
    consumerN: rec.consumerN.map((c) => c.slice(from, to)),
    Prate: rate(mean.Prate),
    Crate: rate(mean.Crate),
    Hrate: rate(mean.Hrate),
    Rrate: rate(mean.Rrate),
  };
}
