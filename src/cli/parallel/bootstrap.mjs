// The entry point of each worker thread: registers tsx's loader, then imports the TypeScript
// worker (workerData.entry). Plain JavaScript because on Node 20 a worker started with
// execArgv ['--import', 'tsx'] still cannot load a .ts entry point (ERR_UNKNOWN_FILE_EXTENSION).
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
