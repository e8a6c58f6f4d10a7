// Starts the plan worker, one per goal seek: Cancel (or a new seek) terminates it, so a stale
// seek can never report into a new one.
import type { FromPlanWorker, PlanInputs } from '../worker/planProtocol.ts';

export class PlanClient {
  private worker: Worker | null = null;

  constructor(private readonly onMessage: (msg: FromPlanWorker) => void) {}

  start(inputs: PlanInputs): void {
    this.stop();
    const worker = new Worker(new URL('../worker/planWorker.ts', import.meta.url), { type: 'module', name: 'queue-lab plan' });
    worker.onmessage = (e: MessageEvent<FromPlanWorker>) => {
      if (this.worker !== worker) return;
      if (e.data.type === 'finished' || e.data.type === 'error') this.stop(); // done: one seek per worker
      this.onMessage(e.data);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      if (this.worker === worker) {
        this.worker = null;
        this.onMessage({ type: 'error', lines: [`the plan worker failed: ${e.message || 'unknown error'}`] });
      }
    };
    this.worker = worker;
    worker.postMessage({ type: 'start', inputs });
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
