// A worker of the sweep's job pool (jobPool.ts): runs the replication jobs it is sent, one at a
// time, as the CLI's worker threads do (src/cli/parallel/worker.ts), with the Web Worker API.
/// <reference lib="webworker" />
import { runReplication, type ReplicationJob, type ReplicationResult } from '../../sim/replicate.ts';

declare const self: DedicatedWorkerGlobalScope;

export type ToJobWorker = { id: number; job: ReplicationJob };

export type FromJobWorker =
  | { type: 'progress'; id: number; time: number; produced: number }
  | { type: 'done'; id: number; result: ReplicationResult }
  | { type: 'error'; id: number; message: string };

const post = (msg: FromJobWorker, transfer: Transferable[] = []) => self.postMessage(msg, transfer);

self.onmessage = (e: MessageEvent<ToJobWorker>) => {
  const { id, job } = e.data;
  try {
    const onProgress = (time: number, produced: number) => post({ type: 'progress', id, time, produced });
    const result = runReplication(job.scenario, job.replication, job.warmup, { series: job.series, onProgress });
    // The recorder's arrays are not used again here: move them instead of copying.
    const s = result.series;
    post({ type: 'done', id, result }, s ? [s.P, s.Q, s.C, s.H, s.R, ...s.queueQ, ...(s.consumerN ?? [])].map((a) => a.buffer) : []);
  } catch (err) {
    post({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
  }
};
