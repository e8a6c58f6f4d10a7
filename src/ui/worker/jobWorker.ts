// A worker of the lab's job pool (jobPool.ts): runs the replication jobs it is sent, one at a
// time, as the CLI's worker threads do (src/cli/parallel/worker.ts), with the Web Worker API.
/// <reference lib="webworker" />
import { runJobMessage, type ToJobWorker } from '../../sim/jobDispatch.ts';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (e: MessageEvent<ToJobWorker>) => runJobMessage(e.data, (answer, transfer) => self.postMessage(answer, transfer));
