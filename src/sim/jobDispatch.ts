// Replication jobs on a fixed set of workers, each running one job at a time, fed from a queue:
// the part shared by the CLI's worker_threads pool (src/cli/parallel) and the lab's Web Worker
// pool (src/ui/worker/jobPool.ts). Plain logic over messages: the pools own the workers and
// pass them in, so nothing here depends on Node or the DOM.
import { runReplication, type JobRunner, type ReplicationJob, type ReplicationResult } from './replicate.ts';

/** To a worker: run this job. */
export type ToJobWorker = { id: number; job: ReplicationJob };

/** From a worker: how far the job has got, its result, or why it failed. */
export type FromJobWorker =
  | { type: 'progress'; id: number; time: number; produced: number }
  | { type: 'done'; id: number; result: ReplicationResult }
  | { type: 'error'; id: number; message: string };

/** A worker's side: runs the job it is sent and answers through `post` (moving the series' buffers). */
export function runJobMessage({ id, job }: ToJobWorker, post: (msg: FromJobWorker, transfer: ArrayBuffer[]) => void): void {
  try {
    const onProgress = (time: number, produced: number) => post({ type: 'progress', id, time, produced }, []);
    const result = runReplication(job.scenario, job.replication, job.warmup, { series: job.series, onProgress });
    // The recorder's arrays are not used again in the worker: move them instead of copying.
    const s = result.series;
    const buffers = s ? [s.P, s.Q, s.C, s.H, s.R, ...s.queueQ, ...(s.consumerN ?? [])].map((a) => a.buffer as ArrayBuffer) : [];
    post({ type: 'done', id, result }, buffers);
  } catch (err) {
    post({ type: 'error', id, message: err instanceof Error ? err.message : String(err) }, []);
  }
}

interface Pending {
  id: number;
  job: ReplicationJob;
  onProgress?: (time: number, produced: number) => void;
  resolve: (r: ReplicationResult) => void;
  reject: (e: Error) => void;
}

/** The pool's side: hands queued jobs to idle workers and settles each job from their answers. */
export class JobDispatcher<W> {
  private readonly idle: W[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<W, Pending>();
  private nextId = 0;
  private failure: Error | null = null;

  /** `post` sends a message to a worker. */
  constructor(private readonly post: (worker: W, msg: ToJobWorker) => void) {}

  /** A worker ready for jobs. */
  add(worker: W): void {
    this.idle.push(worker);
    this.dispatch();
  }

  /** Whether `worker` is running a job. */
  busy(worker: W): boolean {
    return this.running.has(worker);
  }

  /** Whether the pool has failed (or been closed). */
  get failed(): boolean {
    return this.failure !== null;
  }

  /** The pool as a JobRunner (see ./replicate.ts). */
  readonly run: JobRunner = (job, onProgress) =>
    new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.queue.push({ id: this.nextId++, job, onProgress, resolve, reject });
      this.dispatch();
    });

  /** A worker's message: progress, or its job settled and the worker free again. */
  receive(worker: W, msg: FromJobWorker): void {
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

  /** A worker died or the pool closed: every job not finished fails with `err` (the first one). */
  fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    for (const task of [...this.running.values(), ...this.queue]) task.reject(err);
    this.running.clear();
    this.queue.length = 0;
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const task = this.queue.shift()!; // a handful of jobs per worker: not a hot path
      this.running.set(worker, task);
      this.post(worker, { id: task.id, job: task.job });
    }
  }
}
