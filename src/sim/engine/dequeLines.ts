import { Deque } from './deque.ts';
import type { WaitingLine } from './waitingLine.ts';

/**
 * FIFO and LIFO on one deque in arrival order: the oldest message is always at the front, and
 * the next served is the front (FIFO) or the back (LIFO).
 */
export class DequeLine implements WaitingLine {
  private q = new Deque();

  constructor(private readonly lifo: boolean) {}

  get size(): number {
    return this.q.size;
  }
  push(m: number): void {
    this.q.pushBack(m);
  }
  /** Served next: at the front for FIFO, at the back for LIFO. */
  pushFront(m: number): void {
    if (this.lifo) this.q.pushBack(m);
    else this.q.pushFront(m);
  }
  pop(): number {
    return this.lifo ? this.q.popBack() : this.q.popFront();
  }
  oldest(): number {
    return this.q.front();
  }
  popOldest(): number {
    return this.q.popFront();
  }
}
