import { Deque } from './deque.ts';
import type { WaitingLine } from './waitingLine.ts';

/** First in, first out: serve the front; the oldest is the front too. */
export class FifoLine implements WaitingLine {
  private q = new Deque();
  get size(): number {
    return this.q.size;
  }
  push(m: number): void {
    this.q.pushBack(m);
  }
  pushFront(m: number): void {
    this.q.pushFront(m);
  }
  pop(): number {
    return this.q.popFront();
  }
  oldest(): number {
    return this.q.front();
  }
  popOldest(): number {
    return this.q.popFront();
  }
}

/** Last in, first out: serve the back; the oldest stays at the front. */
export class LifoLine implements WaitingLine {
  private q = new Deque();
  get size(): number {
    return this.q.size;
  }
  push(m: number): void {
    this.q.pushBack(m);
  }
  /** The next served is the back; an older message here also stays the oldest at the front. */
  pushFront(m: number): void {
    this.q.pushBack(m);
  }
  pop(): number {
    return this.q.popBack();
  }
  oldest(): number {
    return this.q.front();
  }
  popOldest(): number {
    return this.q.popFront();
  }
}
