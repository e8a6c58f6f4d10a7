// Replication jobs on a fixed set of Web Workers (jobWorker.ts), each running one job at a time,
// fed from a queue: the browser's counterpart of the CLI's worker-thread pool. The sweep worker
// starts it, so a sweep uses every core; results are combined in job order whatever order they
// finish in (src/models/sweep), so the numbers do not depend on the pool's size.
import type { JobRunner } from '../../sim/replicate.ts';
import { JobDispatcher, type FromJobWorker } from '../../sim/jobDispatch.ts';

export class JobPool {
  private readonly all: Worker[] = [];
  private readonly jobs = new JobDispatcher<Worker>((worker, msg) => worker.postMessage(msg));

  /** Starts `size` workers (>= 1). */
  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./jobWorker.ts', import.meta.url), { type: 'module', name: `queue-lab sweep job ${i + 1}` });
      worker.onmessage = (e: MessageEvent<FromJobWorker>) => this.jobs.receive(worker, e.data);
      worker.onerror = (e) => {
        e.preventDefault();
        this.jobs.fail(new Error(`a sweep job worker failed: ${e.message || 'unknown error'}`));
      };
      this.all.push(worker);
      this.jobs.add(worker);
    }
  }

  /** The pool as a JobRunner (see src/sim/replicate.ts). */
  readonly run: JobRunner = this.jobs.run;

  /** Stops every worker (pending jobs are rejected). */
  close(): void {
    this.jobs.fail(new Error('the job pool was closed'));
    for (const w of this.all) w.terminate();
  }
}
