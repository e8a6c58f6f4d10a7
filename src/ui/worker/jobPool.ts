// Replication jobs on a fixed set of Web Workers (jobWorker.ts), each running one job at a time,
// fed from a queue: the browser's counterpart of the CLI's worker-thread pool. The sweep worker
// starts it, so a sweep uses every core; results are combined in job order whatever order they
// finish in (src/models/sweep), so the numbers do not depend on the pool's size.
import type { JobRunner, ReplicationJob, ReplicationResult } from '../../sim/replicate.ts';
import type { FromJobWorker, ToJobWorker } from './jobWorker.ts';

interface Pending {
  id: number;
  job: ReplicationJob;
  onProgress?: (time: number, produced: number) => void;
  resolve: (r: ReplicationResult) => void;
  reject: (e: Error) => void;
}

export class JobPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<Worker, Pending>();
  private nextId = 0;
  private failure: Error | null = null;

  /** Starts `size` workers (>= 1). */
  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./jobWorker.ts', import.meta.url), { type: 'module', name: `queue-lab sweep job ${i + 1}` });
      worker.onmessage = (e: MessageEvent<FromJobWorker>) => this.receive(worker, e.data);
      worker.onerror = (e) => {
        e.preventDefault();
        this.fail(new Error(`a sweep job worker failed: ${e.message || 'unknown error'}`));
      };
      this.all.push(worker);
      this.idle.push(worker);
    }
  }

  /** The pool as a JobRunner (see src/sim/replicate.ts). */
  readonly run: JobRunner = (job, onProgress) =>
    new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.queue.push({ id: this.nextId++, job, onProgress, resolve, reject });
      this.dispatch();
    });

  /** Stops every worker (pending jobs are rejected). */
  close(): void {
    this.fail(new Error('the job pool was closed'));
    for (const w of this.all) w.terminate();
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const task = this.queue.shift()!;
      this.running.set(worker, task);
      worker.postMessage({ id: task.id, job: task.job } satisfies ToJobWorker);
    }
  }

  private receive(worker: Worker, msg: FromJobWorker): void {
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

  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    for (const t of [...this.queue, ...this.running.values()]) t.reject(err);
    this.queue.length = 0;
    this.running.clear();
  }
}
