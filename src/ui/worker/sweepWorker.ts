// The lab's sweep worker: the sweep's points are checked, run and assembled by the same pure
// functions as `npm run sweep` (src/models/sweep), its jobs run by a pool of job workers, so the
// JSON and CSV it sends back are the CLI's byte for byte for the same scenario, parameter and seed.
// One sweep per worker; Cancel terminates it (and with it, its job workers).
/// <reference lib="webworker" />
import { assembleSweep } from '../../models/sweep/result.ts';
import { runSweepSlice } from '../../models/sweep/run.ts';
import { sweepColumns, sweepCsv } from '../../models/sweep/table.ts';
import { curveValues, theoryCurves } from '../../models/sweep/theoryCurve.ts';
import { runHere, type JobRunner } from '../../sim/replicate.ts';
import type { Progress } from '../../sim/run.ts';
import { sweepJobs, sweepPoints, type SweepSpec } from '../../sim/sweep/plan.ts';
import { JobPool } from './jobPool.ts';
import type { FromSweepWorker, ToSweepWorker } from './sweepProtocol.ts';

declare const self: DedicatedWorkerGlobalScope;

/** Progress is posted at most this often (plus the last report). */
const PROGRESS_MS = 50;

function send(msg: FromSweepWorker): void {
  self.postMessage(msg);
}

async function sweep(spec: SweepSpec): Promise<void> {
  const started = performance.now();
  const planned = sweepPoints(spec);
  if (!planned.ok) {
    send({ type: 'error', message: planned.problems.join('\n') });
    return;
  }
  const points = planned.points;
  const total = sweepJobs(points).length;
  let lastPost = -Infinity;
  let messages = 0;
  const post = (p: Progress) => {
    send({ type: 'progress', progress: { done: p.replication, jobs: p.replications, fraction: p.fraction, messages: p.messages ?? 0, elapsedMs: performance.now() - started } });
  };
  const onProgress = (p: Progress) => {
    messages = p.messages ?? 0;
    const now = performance.now();
    if (now - lastPost >= PROGRESS_MS || p.replication === p.replications) {
      lastPost = now;
      post(p);
    }
  };
  // Every core: a pool of job workers (nested workers), or this one where there is one core or
  // no Worker here (older Safari). Either gives the same numbers.
  const threads = Math.min(navigator.hardwareConcurrency || 1, total);
  const pool = threads > 1 && typeof Worker === 'function' ? new JobPool(threads) : null;
  const run: JobRunner = pool ? pool.run : runHere;
  let slice;
  try {
    slice = await runSweepSlice(points, { from: 0, to: total }, run, onProgress);
  } finally {
    pool?.close();
  }
  const simulatingMs = performance.now() - started;
  const result = assembleSweep(spec, points, slice.warmups, slice.results);
  const json = JSON.stringify(result, null, 2) + '\n';
  const csv = sweepCsv(result);
  const param = spec.params[0];
  const curves = theoryCurves(spec.base, param, sweepColumns(result), curveValues(param.values.filter((v): v is number => typeof v === 'number')));
  send({ type: 'finished', result, json, csv, curves, elapsedMs: performance.now() - started, simulatingMs, messages });
}

let busy = false;
self.onmessage = (e: MessageEvent<ToSweepWorker>) => {
  const msg = e.data;
  if (msg.type !== 'start' || busy) return;
  busy = true;
  sweep({ base: msg.base, params: [msg.param] }).catch((err: unknown) => send({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
};
