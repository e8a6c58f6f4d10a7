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
  /** Deliveries beyond a message's first from a queue. */
  redelivered = 0;
  /** Successful handlings beyond a message's first at a queue. */
  duplicates = 0;
  /** Handlings that failed (no ack, or lost under auto ack). */
  failed = 0;
  /** Moved to a dead-letter queue, or dropped after maxDeliveries when there is none. */
  deadLettered = 0;
  deadLetterDropped = 0;
  /** Lost under auto ack (handler failure, consumer crash) or in transit (udp). */
  lost = 0;
  lostInTransit = 0;
  polls = 0;
  emptyPolls = 0;
  /** Timeouts and retries (producers with a `timeout`): requests started, retry messages sent,
   *  attempts whose client stopped waiting, requests given up, and replies that came after their
   *  client gave up (wasted work). */
  requests = 0;
  retries = 0;
  timedOut = 0;
  gaveUp = 0;
  wasted = 0;
  readonly rejected: Float64Array;
  readonly dropped: Float64Array;
  readonly expired: Float64Array;

  // Current state, integrated over [warmup, horizon].
  readonly length: Float64Array;
  private readonly lengthSince: Float64Array;
  readonly lengthArea: Float64Array;
  /** Messages of each queue held by its servers (in handling or prefetch buffers). */
  readonly held: Float64Array;
  private readonly heldSince: Float64Array;
  readonly heldArea: Float64Array;
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
  /** Replies received (or messages done, with no reply) after the warm-up: all, and those in time
   *  (every one whose producer has no timeout). */
  answeredW = 0;
  goodW = 0;
  /** Servers provisioned per consumer group, and their integral over the window (consumer-seconds). */
  readonly consumers: Float64Array;
  private readonly consumersSince: Float64Array;
  readonly consumerArea: Float64Array;
  messageSojournSum = 0;
  messageSojournCount = 0;
  readonly endToEnd = new LogHistogram();
  /** Per priority class (index from the engine's class table): wait and sojourn sums. */
  classWaitSum: number[] = [];
  classWaitCount: number[] = [];
  classSojournSum: number[] = [];
  classSojournCount: number[] = [];

  // Sampled series: value at t_k = k * sampleEvery, after all events at times <= t_k.
  readonly sampleTimes: Float64Array;
  readonly P: Float64Array;
  readonly C: Float64Array;
  readonly H: Float64Array;
  readonly R: Float64Array;
  readonly Q: Float64Array;
  readonly queueQ: Float64Array[];
  /** Servers provisioned, per consumer group. */
  readonly consumerN: Float64Array[];
  /** Time of the next sample still to take (Infinity when all are taken). */
  nextSampleTime = 0;
  private nextSample = 0;

  constructor(
    queues: number,
    consumers: number,
    readonly warmup: number,
    readonly horizon: number,
    readonly sampleEvery: number,
    counts: ArrayLike<number> = new Float64Array(consumers),
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
    this.held = q();
    this.heldSince = q();
    this.heldArea = q();
    this.busy = c();
    this.busySince = c();
    this.busyArea = c();
    this.handledW = c();
    this.consumers = Float64Array.from(counts);
    this.consumersSince = c();
    this.consumerArea = c();
    this.sampleTimes = sampleGrid(horizon, sampleEvery);
    const n = this.sampleTimes.length;
    this.P = new Float64Array(n);
    this.C = new Float64Array(n);
    this.H = new Float64Array(n);
    this.R = new Float64Array(n);
    this.Q = new Float64Array(n);
    this.queueQ = Array.from({ length: queues }, () => new Float64Array(n));
    this.consumerN = Array.from({ length: consumers }, () => new Float64Array(n));
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
      for (let g = 0; g < this.consumers.length; g++) this.consumerN[g][k] = this.consumers[g];
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
  overflow(t: number, q: number, dropHead: boolean): void {
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

  heldChanged(t: number, q: number, newHeld: number): void {
    const w = this.warmup;
    if (t > w) {
      const since = this.heldSince[q];
      this.heldArea[q] += this.held[q] * (t - (since > w ? since : w));
    }
    this.held[q] = newHeld;
    this.heldSince[q] = t;
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

  /** An autoscaled group's provisioned servers changed. */
  consumersChanged(t: number, g: number, n: number): void {
    const w = this.warmup;
    if (t > w) {
      const since = this.consumersSince[g];
      this.consumerArea[g] += this.consumers[g] * (t - (since > w ? since : w));
    }
    this.consumers[g] = n;
    this.consumersSince[g] = t;
  }

  /** The reply reached its client (or the message is done, with no reply); `good`: in time. */
  answered(t: number, good: boolean): void {
    if (t >= this.warmup) {
      this.answeredW++;
      if (good) this.goodW++;
    }
  }

  /** A delivery (the message is fetched from the queue): `wait` = enqueue -> now. */
  fetch(t: number, q: number, klass: number, wait: number): void {
    this.fetched++;
    if (t >= this.warmup) {
      this.waitSum[q] += wait;
      this.waitCount[q]++;
      if (klass >= 0) {
        this.classWaitSum[klass] += wait;
        this.classWaitCount[klass]++;
      }
    }
  }

  /** A successful handling: `sojourn` = enqueue at this queue -> now. */
  handle(t: number, q: number, g: number, klass: number, sojourn: number): void {
    this.handled++;
    if (t >= this.warmup) {
      this.sojournSum[q] += sojourn;
      this.sojournCount[q]++;
      this.handledW[g]++;
      if (klass >= 0) {
        this.classSojournSum[klass] += sojourn;
        this.classSojournCount[klass]++;
      }
    }
  }

  /** Registers a priority class (the engine numbers them 0, 1, ...). */
  addClass(): void {
    this.classWaitSum.push(0);
    this.classWaitCount.push(0);
    this.classSojournSum.push(0);
    this.classSojournCount.push(0);
  }

  /** The message is done at its last queue: `sojourn` from its first enqueue. */
  complete(t: number, sojourn: number): void {
    this.completed++;
    if (t >= this.warmup) {
      this.messageSojournSum += sojourn;
      this.messageSojournCount++;
    }
  }

  /** Production -> reply received (or -> done, when nothing replies). */
  endToEndLatency(t: number, latency: number): void {
    if (t >= this.warmup) this.endToEnd.add(latency);
  }

  /** Takes the last samples and closes the time integrals at the horizon. */
  finish(): void {
    this.sampleBefore(Infinity);
    for (let q = 0; q < this.length.length; q++) {
      this.lengthChanged(this.horizon, q, this.length[q]);
      this.heldChanged(this.horizon, q, this.held[q]);
    }
    for (let g = 0; g < this.busy.length; g++) {
      this.busyChanged(this.horizon, g, this.busy[g]);
      this.consumersChanged(this.horizon, g, this.consumers[g]);
    }
  }
}

/** t_k = k * every for k = 0 .. floor(horizon / every) (rounding-safe: t_k never passes horizon). */
export function sampleGrid(horizon: number, every: number): Float64Array {
  const n = Math.floor(horizon / every + 1e-9) + 1;
  const t = new Float64Array(n);
  for (let k = 0; k < n; k++) t[k] = Math.min(k * every, horizon);
  return t;
}
