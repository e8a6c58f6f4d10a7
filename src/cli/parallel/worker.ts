// A worker thread of the CLI's pool: runs the replication jobs it is sent, one at a time.
import { parentPort } from 'node:worker_threads';
import { runJobMessage, type ToJobWorker } from '../../sim/jobDispatch.ts';

const port = parentPort!;
port.on('message', (msg: ToJobWorker) => runJobMessage(msg, (answer, transfer) => port.postMessage(answer, transfer)));
