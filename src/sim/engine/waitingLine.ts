import type { Discipline } from '../scenario/types.ts';
import type { Rng } from '../random/rng.ts';
import type { MessagePool } from './messagePool.ts';
import { DequeLine } from './dequeLines.ts';
import { PriorityLine } from './priorityLine.ts';
import { RandomLine } from './randomLine.ts';

/**
 * The messages waiting in one queue, ordered by its discipline. Lines hold message numbers
 * (rows of the MessagePool). Adding a discipline = one class implementing this + one case in
 * makeWaitingLine.
 */
export interface WaitingLine {
  readonly size: number;
  push(m: number): void;
  /** Puts a message back to be served next among its peers (a preempted one resumes first). */
  pushFront(m: number): void;
  /** Removes and returns the next message to serve; the line must not be empty. */
  pop(): number;
  /** The oldest waiting message (first enqueued), for time-outs and drop-head; not empty. */
  oldest(): number;
  /** Removes and returns oldest(). */
  popOldest(): number;
}

export function makeWaitingLine(discipline: Discipline, pool: MessagePool, rng: Rng): WaitingLine {
  switch (discipline) {
    case 'fifo':
      return new DequeLine(false);
    case 'lifo':
      return new DequeLine(true);
    case 'priority':
      return new PriorityLine(pool);
    case 'random':
      return new RandomLine(pool, rng);
  }
}
