// A worker thread of the CLI's pool: runs the replication jobs it is sent, one at a time.
import { parentPort } from 'node:worker_threads';
import { runReplication } from '../../sim/replicate.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

const port = parentPort!;
const post = (msg: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(msg, transfer);

port.on('message', ({ id, job }: ToWorker) => {
  try {
    const onProgress = (time: number, produced: number) => post({ type: 'progress', id, time, produced });
    const result = runReplication(job.scenario, job.replication, job.warmup, { series: job.series, onProgress });
    // The recorder's arrays are not used again here: move them instead of copying.
    const s = result.series;
    const buffers = s ? [s.P, s.Q, s.C, s.H, s.R, ...s.queueQ].map((a) => a.buffer as ArrayBuffer) : [];
    post({ type: 'done', id, result }, buffers);
  } catch (err) {
    post({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
  }
});
