// What the page knows about the run in progress: the sample grid, the live replication's
// samples as they stream in, the mean of the replications finished so far (computed by the
// core in the worker), and at the end the result. Only stores; computes nothing.
import type { LatencyCdf } from '../worker/latencyCdf.ts';
import type { FromWorker, LiveState, PageResult, SampleBatch } from '../worker/protocol.ts';
import type { TypedSeries } from '../worker/typedSeries.ts';
import type { TransientCurve } from '../worker/transientCurves.ts';

export interface LiveReplication {
  replication: number;
  /** Samples received: indices [0, taken) of the arrays are filled. */
  taken: number;
  P: Float64Array;
  C: Float64Array;
  H: Float64Array;
  R: Float64Array;
  Q: Float64Array;
  queueQ: Float64Array[];
  /** Servers provisioned per consumer group (the order of `consumerIds`). */
  consumerN: Float64Array[];
  Prate: Float64Array;
  Crate: Float64Array;
  Hrate: Float64Array;
  Rrate: Float64Array;
}

export type RunStatus = 'idle' | 'running' | 'paused' | 'finished' | 'error';

export interface LabData {
  status: RunStatus;
  grid: Float64Array;
  queueIds: string[];
  consumerIds: string[];
  /** Consumer groups that autoscale: their count N(t) is drawn beside the backlog. */
  scaledIds: string[];
  replications: number;
  live: LiveReplication | null;
  state: LiveState | null;
  /** Mean over the finished replications of the current phase, and how many. */
  mean: TypedSeries | null;
  meanOf: number;
  phase: 'pilot' | 'main';
  result: PageResult | null;
  transients: TransientCurve[];
  latency: LatencyCdf | null;
  exports: { json: string; csv: string } | null;
  elapsedMs: number | null;
  error: string | null;
}

export function emptyLab(): LabData {
  return {
    status: 'idle',
    grid: new Float64Array(0),
    queueIds: [],
    consumerIds: [],
    scaledIds: [],
    replications: 0,
    live: null,
    state: null,
    mean: null,
    meanOf: 0,
    phase: 'main',
    result: null,
    transients: [],
    latency: null,
    exports: null,
    elapsedMs: null,
    error: null,
  };
}

function newLive(replication: number, n: number, queues: number, consumers: number): LiveReplication {
  const a = () => new Float64Array(n);
  return { replication, taken: 0, P: a(), C: a(), H: a(), R: a(), Q: a(), queueQ: Array.from({ length: queues }, a), consumerN: Array.from({ length: consumers }, a), Prate: a(), Crate: a(), Hrate: a(), Rrate: a() };
}

function addBatch(lab: LabData, b: SampleBatch): void {
  if (!lab.live || lab.live.replication !== b.replication || b.from === 0) lab.live = newLive(b.replication, lab.grid.length, lab.queueIds.length, lab.consumerIds.length);
  const live = lab.live;
  const put = (dst: Float64Array, src: Float64Array) => dst.set(src.subarray(0, Math.max(0, Math.min(src.length, dst.length - b.from))), b.from);
  put(live.P, b.P);
  put(live.C, b.C);
  put(live.H, b.H);
  put(live.R, b.R);
  put(live.Q, b.Q);
  b.queueQ.forEach((q, i) => put(live.queueQ[i], q));
  b.consumerN.forEach((c, i) => put(live.consumerN[i], c));
  put(live.Prate, b.Prate);
  put(live.Crate, b.Crate);
  put(live.Hrate, b.Hrate);
  put(live.Rrate, b.Rrate);
  live.taken = Math.max(live.taken, b.from + b.P.length);
}

/** Applies one worker message to the lab's data. */
export function applyMessage(lab: LabData, msg: FromWorker): void {
  switch (msg.type) {
    case 'started':
      Object.assign(lab, emptyLab(), { status: lab.status === 'paused' ? 'paused' : 'running', grid: msg.grid, queueIds: msg.queueIds, consumerIds: msg.consumerIds, scaledIds: msg.scaledIds, replications: msg.replications });
      return;
    case 'batch':
      if (msg.live.phase !== lab.phase) {
        lab.phase = msg.live.phase;
        lab.mean = null;
        lab.meanOf = 0;
      }
      addBatch(lab, msg.batch);
      lab.state = msg.live;
      return;
    case 'replication':
      if (msg.phase !== lab.phase) lab.phase = msg.phase;
      lab.mean = msg.mean;
      lab.meanOf = msg.replication + 1;
      return;
    case 'paused':
      lab.state = msg.live;
      return;
    case 'finished':
      lab.status = 'finished';
      lab.result = msg.result;
      lab.mean = msg.result.series;
      lab.meanOf = msg.result.summary.replications;
      lab.transients = msg.transients;
      lab.latency = msg.latency;
      lab.exports = { json: msg.json, csv: msg.csv };
      lab.elapsedMs = msg.elapsedMs;
      lab.live = null;
      if (lab.state) lab.state = { ...lab.state, fraction: 1 };
      return;
    case 'error':
      lab.status = 'error';
      lab.error = msg.message;
      return;
  }
}
