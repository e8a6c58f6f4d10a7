import type { Scenario } from './scenario/types.ts';
import type { Simulation } from './engine/simulation.ts';
import { LogHistogram } from './stats/logHistogram.ts';
import { meanCI, type MeanCI } from './stats/meanCI.ts';

/** What one finished replication contributes to the summary (window figures per second etc.). */
export interface ReplicationFigures {
  queues: {
    meanLength: number;
    meanInSystem: number;
    meanWait: number;
    meanSojourn: number;
    lossProbability: number;
    expiredFraction: number;
    arrivalRate: number;
    /** First sample time at which nothing waited, less half a sample interval (0 if nothing
     *  waited at t = 0; Infinity if never): the drain of a backlog (queues[].initial). */
    drainTime: number;
  }[];
  consumers: {
    utilization: number;
    throughput: number;
    consumerSeconds: number;
    meanCount: number;
    scaleChanges: number;
    reversals: number;
  }[];
  meanSojourn: number;
  /** Replies received (done, without reply) per second: in time (goodput), and all (throughput). */
  goodput: number;
  throughput: number;
  endToEnd: LogHistogram;
  /** Per priority value: mean wait and sojourn in this replication. */
  classes: Map<number, { meanWait: number; meanSojourn: number }>;
  totals: MessageTotals;
}

/**
 * Counts over the whole run (warm-up included), summed over replications. At the end of every
 * run: produced = completed + rejected + dropped + expired + deadLetterDropped + lost +
 * lostInTransit + waiting + inFlight (nothing is silently lost).
 */
export interface MessageTotals {
  produced: number;
  /** Deliveries (messages fetched by a consumer), redeliveries included. */
  fetched: number;
  /** Successful handlings, duplicates included. */
  handled: number;
  replied: number;
  /** Messages done at their last queue (acked there; their reply may still be on its way). */
  completed: number;
  /** Refused by a full queue. */
  rejected: number;
  /** Pushed out of a full queue by a newer one (overflow "drop-head"). */
  dropped: number;
  /** Waited longer than the queue's ttl. */
  expired: number;
  /** Deliveries beyond a message's first from a queue. */
  redelivered: number;
  /** Successful handlings beyond a message's first at a queue. */
  duplicates: number;
  /** Handlings that failed (handler failure probability). */
  failed: number;
  /** Moved to a dead-letter queue after maxDeliveries (or dropped, when there is none). */
  deadLettered: number;
  /** Of those, dropped because no dead-letter queue was named. */
  deadLetterDropped: number;
  /** Lost under auto ack: the handler failed, or the consumer crashed holding it. */
  lost: number;
  /** Lost by a udp transport. */
  lostInTransit: number;
  polls: number;
  /** Polls that returned nothing (after their long-poll wait). */
  emptyPolls: number;
  /** Producers with a timeout: requests started, retry messages sent, attempts that timed out,
   *  requests that gave up (attempts or budget exhausted), replies after their client gave up. */
  requests: number;
  retries: number;
  timedOut: number;
  gaveUp: number;
  wasted: number;
  /** At the horizon: waiting in queues, and in flight (in transport, held by consumers, un-acked). */
  waiting: number;
  inFlight: number;
}

export interface QueueSummary {
  /** Time-average number waiting (not in service). */
  meanLength: MeanCI;
  /** Time-average number waiting or in service (L). */
  meanInSystem: MeanCI;
  /** Enqueue -> service start, over messages whose service started after the warm-up. */
  meanWait: MeanCI;
  /** Enqueue -> handled at this queue. */
  meanSojourn: MeanCI;
  /** (Rejected + dropped) / arrived. */
  lossProbability: MeanCI;
  /** Expired (ttl) / arrived. */
  expiredFraction: MeanCI;
  /** Arrivals per second at this queue (external and routed). */
  arrivalRate: MeanCI;
  /** Queues with a backlog at t = 0 (queues[].initial) only: seconds from t = 0 (warm-up or not)
   *  until nothing waits, from the sampled Q (to half a sample interval); null when some
   *  replication never drained. An addition to DESIGN.md section 3. */
  drainTime?: MeanCI;
}

export interface ConsumerSummary {
  /** Busy units / (units per server x consumer-seconds). */
  utilization: MeanCI;
  throughput: MeanCI;
  /** Integral of the servers provisioned over the window (the cost); count x window when fixed. */
  consumerSeconds: MeanCI;
  /** consumerSeconds over the length of the window (the mean count). */
  meanCount: MeanCI;
  /** Autoscaling: changes of the count per replication, and reversals of its direction (flapping). */
  scaleChanges: MeanCI;
  reversals: MeanCI;
}

export interface Summary {
  /** The warm-up that was deleted, in seconds. */
  warmup: number;
  replications: number;
  queues: Record<string, QueueSummary>;
  consumers: Record<string, ConsumerSummary>;
  /** Per priority class (keyed by the priority value), when priorities are used. */
  classes: Record<string, { meanWait: MeanCI; meanSojourn: MeanCI }>;
  messages: MessageTotals & {
    /** First enqueue -> last handling, for messages that left after the warm-up. */
    meanSojourn: MeanCI;
    /** Replies (or messages done, with no reply) per second that reached a client still waiting
     *  (every one when the producer has no timeout), and all of them. */
    goodput: MeanCI;
    throughput: MeanCI;
    /** Production -> leaving, pooled over replications; percentiles within 0.5% (LogHistogram). */
    endToEnd: { mean: number | null; p50: number | null; p95: number | null; p99: number | null; max: number | null };
  };
}

/** Reads a finished replication's recorder into per-replication figures. */
export function replicationFigures(sim: Simulation): ReplicationFigures {
  const rec = sim.recorder;
  const window = rec.horizon - rec.warmup;
  const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);
  let waiting = 0;
  let rejected = 0;
  let dropped = 0;
  let expired = 0;
  const queues = sim.queues.map((q, i) => {
    waiting += q.line.size;
    rejected += rec.rejected[i];
    dropped += rec.dropped[i];
    expired += rec.expired[i];
    return {
      meanLength: rec.lengthArea[i] / window,
      meanInSystem: (rec.lengthArea[i] + rec.heldArea[i]) / window,
      meanWait: ratio(rec.waitSum[i], rec.waitCount[i]),
      meanSojourn: ratio(rec.sojournSum[i], rec.sojournCount[i]),
      lossProbability: ratio(rec.lostW[i], rec.arrivedW[i]),
      expiredFraction: ratio(rec.expiredW[i], rec.arrivedW[i]),
      arrivalRate: rec.arrivedW[i] / window,
      drainTime: firstEmpty(rec.sampleTimes, rec.queueQ[i]),
    };
  });
  const consumers = sim.consumers.map((g, i) => ({
    utilization:
      g.autoscaler === null
        ? rec.busyArea[i] / (g.capacityUnits * window)
        : rec.busyArea[i] / ((g.shared ? 1 : g.concurrency) * rec.consumerArea[i]),
    throughput: rec.handledW[i] / window,
    consumerSeconds: rec.consumerArea[i],
    meanCount: rec.consumerArea[i] / window,
    scaleChanges: g.autoscaler?.changes ?? 0,
    reversals: g.autoscaler?.reversals ?? 0,
  }));
  return {
    queues,
    consumers,
    meanSojourn: ratio(rec.messageSojournSum, rec.messageSojournCount),
    goodput: rec.goodW / window,
    throughput: rec.answeredW / window,
    endToEnd: rec.endToEnd,
    classes: new Map(
      (sim.classes?.values ?? []).map((value, k) => [
        value,
        {
          meanWait: ratio(rec.classWaitSum[k], rec.classWaitCount[k]),
          meanSojourn: ratio(rec.classSojournSum[k], rec.classSojournCount[k]),
        },
      ]),
    ),
    totals: {
      produced: rec.produced,
      fetched: rec.fetched,
      handled: rec.handled,
      replied: rec.replied,
      completed: rec.completed,
      rejected,
      dropped,
      expired,
      redelivered: rec.redelivered,
      duplicates: rec.duplicates,
      failed: rec.failed,
      deadLettered: rec.deadLettered,
      deadLetterDropped: rec.deadLetterDropped,
      lost: rec.lost,
      lostInTransit: rec.lostInTransit,
      polls: rec.polls,
      emptyPolls: rec.emptyPolls,
      requests: rec.requests,
      retries: rec.retries,
      timedOut: rec.timedOut,
      gaveUp: rec.gaveUp,
      wasted: rec.wasted,
      waiting,
      // Everything present that is not waiting, less what is done and only awaits its reply.
      inFlight: sim.present - waiting - sim.replying,
    },
  };
}

/** When nothing first waited: midway between the last sample with a line and the first without. */
function firstEmpty(t: ArrayLike<number>, q: ArrayLike<number>): number {
  for (let k = 0; k < q.length; k++) if (q[k] === 0) return k === 0 ? 0 : (t[k - 1] + t[k]) / 2;
  return Infinity;
}

/** Combines replications: means with 95% CIs, pooled latency quantiles, summed totals. */
export function summarise(scenario: Scenario, warmup: number, reps: ReplicationFigures[]): Summary {
  const across = (f: (r: ReplicationFigures) => number) => meanCI(reps.map(f));
  const queues: Record<string, QueueSummary> = {};
  scenario.queues.forEach((q, i) => {
    queues[q.id] = {
      meanLength: across((r) => r.queues[i].meanLength),
      meanInSystem: across((r) => r.queues[i].meanInSystem),
      meanWait: across((r) => r.queues[i].meanWait),
      meanSojourn: across((r) => r.queues[i].meanSojourn),
      lossProbability: across((r) => r.queues[i].lossProbability),
      expiredFraction: across((r) => r.queues[i].expiredFraction),
      arrivalRate: across((r) => r.queues[i].arrivalRate),
    };
    if (q.initial > 0) {
      const drained = reps.every((r) => Number.isFinite(r.queues[i].drainTime));
      queues[q.id].drainTime = drained ? across((r) => r.queues[i].drainTime) : { mean: null, ci95: null };
    }
  });
  const consumers: Summary['consumers'] = {};
  scenario.consumers.forEach((c, i) => {
    consumers[c.id] = {
      utilization: across((r) => r.consumers[i].utilization),
      throughput: across((r) => r.consumers[i].throughput),
      consumerSeconds: across((r) => r.consumers[i].consumerSeconds),
      meanCount: across((r) => r.consumers[i].meanCount),
      scaleChanges: across((r) => r.consumers[i].scaleChanges),
      reversals: across((r) => r.consumers[i].reversals),
    };
  });
  const classValues = [...new Set(reps.flatMap((r) => [...r.classes.keys()]))].sort((a, b) => a - b);
  const classes: Summary['classes'] = {};
  for (const v of classValues) {
    classes[String(v)] = {
      meanWait: across((r) => r.classes.get(v)?.meanWait ?? NaN),
      meanSojourn: across((r) => r.classes.get(v)?.meanSojourn ?? NaN),
    };
  }
  const latency = new LogHistogram();
  const totals = { ...reps[0].totals };
  for (const [i, r] of reps.entries()) {
    latency.merge(r.endToEnd);
    if (i > 0) for (const k of Object.keys(totals) as (keyof MessageTotals)[]) totals[k] += r.totals[k];
  }
  const orNull = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    warmup,
    replications: reps.length,
    queues,
    consumers,
    classes,
    messages: {
      ...totals,
      meanSojourn: across((r) => r.meanSojourn),
      goodput: across((r) => r.goodput),
      throughput: across((r) => r.throughput),
      endToEnd: {
        mean: orNull(latency.mean),
        p50: orNull(latency.quantile(0.5)),
        p95: orNull(latency.quantile(0.95)),
        p99: orNull(latency.quantile(0.99)),
        max: orNull(latency.max),
      },
    },
  };
}
