import { LogHistogram } from '../stats/logHistogram.ts';

/**
 * Everything one replication measures, fed by the engine at each state change (simmer's
 * Monitor idea): streaming accumulators and the sampled series, so memory depends on the
 * number of queues, consumers and samples, never on the number of messages.
 *
 * Two kinds of figure: totals over the whole run (for conservation and the totals in the
 * result), and window figures over [warmup, horizon] (for the summary statistics).
 */
export class Recorder {
  // Whole-run totals.
  produced = 0;
  fetched = 0;
  handled = 0;
  replied = 0;
  /** Messages that left the system after their last handling. */
  completed = 0;
  readonly rejected: Float64Array;
  readonly dropped: Float64Array;
  readonly expired: Float64Array;

  // Current state, integrated over the window.
  readonly length: Float64Array;
  private readonly lengthSince: Float64Array;
  readonly lengthArea: Float64Array;
  readonly busy: Float64Array;
  private readonly busySince: Float64Array;
  readonly busyArea: Float64Array;

  // Window counts and sums.
  readonly arrivedW: Float64Array;
  readonly lostW: Float64Array;
  readonly expiredW: Float64Array;
  readonly waitSum: Float64Array;
  readonly waitCount: Float64Array;
  readonly sojournSum: Float64Array;
  readonly sojournCount: Float64Array;
  readonly handledW: Float64Array;
  messageSojournSum = 0;
  messageSojournCount = 0;
  readonly endToEnd = new LogHistogram();

  // Sampled series: value at t_k = k * sampleEvery, after all events at times <= t_k.
  readonly sampleTimes: Float64Array;
  readonly P: Float64Array;
  readonly C: Float64Array;
  readonly H: Float64Array;
  readonly R: Float64Array;
  readonly Q: Float64Array;
  readonly queueQ: Float64Array[];
  /** Time of the next sample still to take (Infinity when all are taken). */
  nextSampleTime = 0;
  private nextSample = 0;

  constructor(
    queues: number,
    consumers: number,
    readonly warmup: number,
    readonly horizon: number,
    readonly sampleEvery: number,
  ) {
    const q = () => new Float64Array(queues);
    const c = () => new Float64Array(consumers);
    this.rejected = q();
    this.dropped = q();
    this.expired = q();
    this.length = q();
    this.lengthSince = q();
    this.lengthArea = q();
    this.arrivedW = q();
    this.lostW = q();
    this.expiredW = q();
    this.waitSum = q();
    this.waitCount = q();
    this.sojournSum = q();
    this.sojournCount = q();
    this.busy = c();
    this.busySince = c();
    this.busyArea = c();
    this.handledW = c();
    this.sampleTimes = sampleGrid(horizon, sampleEvery);
    const n = this.sampleTimes.length;
    this.P = new Float64Array(n);
    this.C = new Float64Array(n);
    this.H = new Float64Array(n);
    this.R = new Float64Array(n);
    this.Q = new Float64Array(n);
    this.queueQ = Array.from({ length: queues }, () => new Float64Array(n));
  }

  /** Records every sample due strictly before `t` (the engine calls it before an event at t). */
  sampleBefore(t: number): void {
    const times = this.sampleTimes;
    let k = this.nextSample;
    while (k < times.length && times[k] < t) {
      let total = 0;
      for (let q = 0; q < this.length.length; q++) {
        this.queueQ[q][k] = this.length[q];
        total += this.length[q];
      }
      this.Q[k] = total;
      this.P[k] = this.produced;
      this.C[k] = this.fetched;
      this.H[k] = this.handled;
      this.R[k] = this.replied;
      k++;
    }
    this.nextSample = k;
    this.nextSampleTime = k < times.length ? times[k] : Infinity;
  }

  arrived(t: number, q: number): void {
    if (t >= this.warmup) this.arrivedW[q]++;
  }

  /** A message was refused by a full queue (reject) or pushed out of it (drop-head). */
  lost(t: number, q: number, dropHead: boolean): void {
    if (dropHead) this.dropped[q]++;
    else this.rejected[q]++;
    if (t >= this.warmup) this.lostW[q]++;
  }

  expire(t: number, q: number): void {
    this.expired[q]++;
    if (t >= this.warmup) this.expiredW[q]++;
  }

  lengthChanged(t: number, q: number, newLength: number): void {
    const w = this.warmup;
    if (t > w) {
      const since = this.lengthSince[q];
      this.lengthArea[q] += this.length[q] * (t - (since > w ? since : w));
    }
    this.length[q] = newLength;
    this.lengthSince[q] = t;
  }

  busyChanged(t: number, g: number, newBusy: number): void {
    const w = this.warmup;
    if (t > w) {
      const since = this.busySince[g];
      this.busyArea[g] += this.busy[g] * (t - (since > w ? since : w));
    }
    this.busy[g] = newBusy;
    this.busySince[g] = t;
  }

  /** Service start (the message is fetched): `wait` = enqueue -> now. */
  fetch(t: number, q: number, wait: number): void {
    this.fetched++;
    if (t >= this.warmup) {
      this.waitSum[q] += wait;
      this.waitCount[q]++;
    }
  }

  /** Service end: `sojourn` = enqueue at this queue -> now. */
  handle(t: number, q: number, g: number, sojourn: number): void {
    this.handled++;
    if (t >= this.warmup) {
      this.sojournSum[q] += sojourn;
      this.sojournCount[q]++;
      this.handledW[g]++;
    }
  }

  /** The message leaves the system: `sojourn` from its first queue, `endToEnd` from production. */
  complete(t: number, sojourn: number, endToEnd: number): void {
    this.completed++;
    if (t >= this.warmup) {
      this.messageSojournSum += sojourn;
      this.messageSojournCount++;
      this.endToEnd.add(endToEnd);
    }
  }

  /** Takes the last samples and closes the time integrals at the horizon. */
  finish(): void {
    this.sampleBefore(Infinity);
    for (let q = 0; q < this.length.length; q++) this.lengthChanged(this.horizon, q, this.length[q]);
    for (let g = 0; g < this.busy.length; g++) this.busyChanged(this.horizon, g, this.busy[g]);
  }
}

/** t_k = k * every for k = 0 .. floor(horizon / every) (rounding-safe: t_k never passes horizon). */
export function sampleGrid(horizon: number, every: number): Float64Array {
  const n = Math.floor(horizon / every + 1e-9) + 1;
  const t = new Float64Array(n);
  for (let k = 0; k < n; k++) t[k] = Math.min(k * every, horizon);
  return t;
}
