import type { Progress } from './run.ts';

/**
 * Progress over a set of jobs running at once: `replication` counts finished jobs, `fraction`
 * is the mean share of each job's horizon simulated, `messages` the messages produced so far.
 */
export class JobProgress {
  private readonly reached: Float64Array;
  private readonly produced: Float64Array;
  private done = 0;
  private lastTime = 0;

  constructor(
    private readonly horizons: readonly number[],
    private readonly report?: (p: Progress) => void,
  ) {
    this.reached = new Float64Array(horizons.length);
    this.produced = new Float64Array(horizons.length);
  }

  /** The onProgress callback for job `j`, or undefined when nobody listens. */
  reporter(j: number): ((time: number, produced: number) => void) | undefined {
    if (!this.report) return undefined;
    return (time, produced) => {
      this.reached[j] = time / this.horizons[j];
      this.produced[j] = produced;
      this.lastTime = time;
      this.emit();
    };
  }

  finished(j: number): void {
    this.done++;
    this.reached[j] = 1;
    this.emit();
  }

  private emit(): void {
    if (!this.report) return;
    const n = this.horizons.length;
    let share = 0;
    let messages = 0;
    for (let j = 0; j < n; j++) {
      share += this.reached[j];
      messages += this.produced[j];
    }
    this.report({ replication: this.done, replications: n, time: this.lastTime, fraction: share / n, messages });
  }
}
