// Starts and steers the simulation worker. One worker per run: Reset (or a new Run) terminates
// it, so a stale run can never write into a new one.
import type { LessonRequest } from '../worker/lessonObserver.ts';
import type { FromWorker, ToWorker } from '../worker/protocol.ts';

export class RunClient {
  private worker: Worker | null = null;

  constructor(private readonly onMessage: (msg: FromWorker) => void) {}

  /** `lesson`: the lesson point the scenario is, whose checks the worker evaluates at the end. */
  start(scenario: unknown, speed: number, paused: boolean, lesson: LessonRequest | null = null): void {
    this.stop();
    const worker = new Worker(new URL('../worker/simWorker.ts', import.meta.url), { type: 'module', name: 'queue-lab simulation' });
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      if (this.worker === worker) this.onMessage(e.data);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      if (this.worker === worker) this.onMessage({ type: 'error', message: `the simulation worker failed: ${e.message || 'unknown error'}` });
    };
    this.worker = worker;
    this.post({ type: 'start', scenario, speed, paused, lesson });
  }

  post(msg: ToWorker): void {
    this.worker?.postMessage(msg);
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  get running(): boolean {
    return this.worker !== null;
  }
}
