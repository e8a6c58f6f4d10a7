// Replications in Node worker_threads: a fixed set of workers, each running one job at a time,
// fed from a queue. Each worker starts in bootstrap.mjs, which registers tsx's loader and then
// imports worker.ts, so the workers run the TypeScript sources as `npm run sim` does.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { JobDispatcher, type FromJobWorker } from '../../sim/jobDispatch.ts';
import { runHere, type JobRunner } from '../../sim/replicate.ts';

/** The number of workers when none is asked for: every core the process may use. */
export const defaultWorkers = (): number => availableParallelism();

export class WorkerPool {
  private readonly all: Worker[] = [];
  private readonly jobs = new JobDispatcher<Worker>((worker, msg) => worker.postMessage(msg));

  /** Starts `size` workers (>= 1). */
  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) this.start();
  }

  /** The pool as a JobRunner (see src/sim/replicate.ts). */
  readonly run: JobRunner = this.jobs.run;

  /** Stops every worker (pending jobs are rejected). */
  async close(): Promise<void> {
    this.jobs.fail(new Error('the worker pool was closed'));
    await Promise.all(this.all.map((w) => w.terminate()));
  }

  private start(): void {
    const entry = new URL('./worker.ts', import.meta.url).href;
    const worker = new Worker(new URL('./bootstrap.mjs', import.meta.url), { workerData: { entry } });
    worker.on('message', (msg: FromJobWorker) => this.jobs.receive(worker, msg));
    worker.on('error', (err) => this.jobs.fail(new Error(`a worker thread failed: ${err.message}`, { cause: err })));
    worker.on('exit', (code) => {
      if (this.jobs.busy(worker) || (code !== 0 && !this.jobs.failed)) this.jobs.fail(new Error(`a worker thread exited (code ${code})`));
    });
    this.all.push(worker);
    this.jobs.add(worker);
  }
}

/** Runs `body` with a pool of `size` workers, closed afterwards whatever happens. */
export async function withPool<T>(size: number, body: (pool: WorkerPool) => Promise<T>): Promise<T> {
  const pool = new WorkerPool(size);
  try {
    return await body(pool);
  } finally {
    await pool.close();
  }
}

/** `--workers N`: undefined when absent, the number, or the one-line problem. */
export function parseWorkers(text: string | undefined): number | undefined | string {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < 1) return `--workers: must be a whole number >= 1 (got "${text}")`;
  return n;
}

/** Runs `body` with a JobRunner: `workers` threads, or this thread when workers <= 1. */
export async function withRunner<T>(workers: number, body: (run: JobRunner) => Promise<T>): Promise<T> {
  if (workers <= 1) return body(runHere);
  return withPool(workers, (pool) => body(pool.run));
}
