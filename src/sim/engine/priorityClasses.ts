import type { Scenario } from '../scenario/types.ts';
import type { Recorder } from './recorder.ts';

/** Per-class statistics stop adding classes here: a continuous priority would make one per message. */
export const MAX_CLASSES = 64;

/**
 * Numbers the priority values met so far (0, 1, ... in order of first appearance) for
 * per-class statistics; the summary reports them by value.
 */
export class PriorityClasses {
  readonly values: number[] = [];
  private readonly index = new Map<number, number>();

  constructor(private readonly recorder: Recorder) {}

  /** Classes are tracked when priorities can differ or a queue orders by them. */
  static needed(scenario: Scenario): boolean {
    return (
      scenario.queues.some((q) => q.discipline === 'priority') ||
      scenario.producers.some((p) => typeof p.priority !== 'number' || p.priority !== 0)
    );
  }

  /** The class index of a priority value, or -1 past MAX_CLASSES. */
  of(priority: number): number {
    const known = this.index.get(priority);
    if (known !== undefined) return known;
    if (this.values.length >= MAX_CLASSES) return -1;
    const k = this.values.length;
    this.values.push(priority);
    this.index.set(priority, k);
    this.recorder.addClass();
    return k;
  }
}
