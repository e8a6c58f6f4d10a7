// Replications in Node worker_threads: a fixed set of workers, each running one job at a time,
// fed from a queue. Each worker starts in bootstrap.mjs, which registers tsx's loader and then
// imports worker.ts, so the workers run the TypeScript sources as `npm run sim` does.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runHere, type JobRunner, type ReplicationJob, type ReplicationResult } from '../../sim/replicate.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

/** The number of workers when none is asked for: every core the process may use. */
export const defaultWorkers = (): number => availableParallelism();

interface Pending {
  id: number;
  job: ReplicationJob;
  onProgress?: (time: number, produced: number) => void;
  resolve: (r: ReplicationResult) => void;
  reject: (e: Error) => void;
}

export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<Worker, Pending>();
  private nextId = 0;
  private failure: Error | null = null;

  /** Starts `size` workers (>= 1). */
  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) this.start();
  }

  /** The pool as a JobRunner (see src/sim/replicate.ts). */
  readonly run: JobRunner = (job, onProgress) =>
    new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.queue.push({ id: this.nextId++, job, onProgress, resolve, reject });
      this.dispatch();
    });

  /** Stops every worker (pending jobs are rejected). */
  async close(): Promise<void> {
    this.fail(new Error('the worker pool was closed'));
    await Promise.all(this.all.map((w) => w.terminate()));
  }

  private start(): void {
    const entry = new URL('./worker.ts', import.meta.url).href;
    const worker = new Worker(new URL('./bootstrap.mjs', import.meta.url), { workerData: { entry } });
    worker.on('message', (msg: FromWorker) => this.receive(worker, msg));
    worker.on('error', (err) => this.fail(new Error(`a worker thread failed: ${err.message}`, { cause: err })));
    worker.on('exit', (code) => {
      if (this.running.has(worker) || (code !== 0 && !this.failure)) this.fail(new Error(`a worker thread exited (code ${code})`));
    });
    this.all.push(worker);
    this.idle.push(worker);
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const task = this.queue.shift()!;
      this.running.set(worker, task);
      worker.postMessage({ id: task.id, job: task.job } satisfies ToWorker);
    }
  }

  private receive(worker: Worker, msg: FromWorker): void {
    const task = this.running.get(worker);
    if (!task || task.id !== msg.id) return;
    if (msg.type === 'progress') {
      task.onProgress?.(msg.time, msg.produced);
      return;
    }
    this.running.delete(worker);
    this.idle.push(worker);
    if (msg.type === 'done') task.resolve(msg.result);
    else task.reject(new Error(msg.message));
    this.dispatch();
  }

  /** A worker died or the pool closed: every job not finished fails with `err`. */
  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    for (const task of [...this.running.values(), ...this.queue]) task.reject(err);
    this.running.clear();
    this.queue.length = 0;
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
