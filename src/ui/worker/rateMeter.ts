// Messages per second of wall-clock time over the last few seconds, for the run status. Times are
// given (the worker's performance.now()), so it is testable; a pause restarts the window, so the
// figure is the simulator's speed while it runs, not diluted by time spent paused.

/** The rate is taken over at least this much wall-clock time (a steadier figure). */
const WINDOW_MS = 2000;

export class RateMeter {
  private readonly times: number[] = [];
  private readonly counts: number[] = [];

  /** Records `count` (a running total) at time `now` (ms) and returns the rate per second, or null until there is a span to measure. */
  add(now: number, count: number): number | null {
    this.times.push(now);
    this.counts.push(count);
    // Keep one sample at least WINDOW_MS old, so the span covers the window.
    while (this.times.length > 2 && now - this.times[1] >= WINDOW_MS) {
      this.times.shift();
      this.counts.shift();
    }
    const span = now - this.times[0];
    return span > 0 ? ((count - this.counts[0]) * 1000) / span : null;
  }

  /** Forgets the history (after a pause, or at a new run). */
  reset(): void {
    this.times.length = 0;
    this.counts.length = 0;
  }
}
