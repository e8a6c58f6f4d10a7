// Starts the sweep worker, one per sweep: Cancel (or a new sweep) terminates it, so a stale sweep
// can never report into a new one.
import type { SweepParam } from '../../sim/sweep/plan.ts';
import type { FromSweepWorker } from '../worker/sweepProtocol.ts';

export class SweepClient {
  private worker: Worker | null = null;

  constructor(private readonly onMessage: (msg: FromSweepWorker) => void) {}

  start(base: unknown, param: SweepParam): void {
    this.stop();
    const worker = new Worker(new URL('../worker/sweepWorker.ts', import.meta.url), { type: 'module', name: 'queue-lab sweep' });
    worker.onmessage = (e: MessageEvent<FromSweepWorker>) => {
      if (this.worker !== worker) return;
      if (e.data.type !== 'progress') this.stop(); // done: one sweep per worker
      this.onMessage(e.data);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      if (this.worker === worker) {
        this.worker = null;
        this.onMessage({ type: 'error', message: `the sweep worker failed: ${e.message || 'unknown error'}` });
      }
    };
    this.worker = worker;
    worker.postMessage({ type: 'start', base, param });
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  get running(): boolean {
    return this.worker !== null;
  }
}
