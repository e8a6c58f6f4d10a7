import { Deque } from './deque.ts';
import type { MessagePool } from './messagePool.ts';
import type { WaitingLine } from './waitingLine.ts';

/**
 * Highest priority first, FIFO within a priority class. One FIFO per class present, classes
 * kept sorted from highest to lowest: scenarios have a handful of classes, so a scan of the
 * class list beats a heap and keeps within-class order exact.
 */
export class PriorityLine implements WaitingLine {
  private classes: { priority: number; q: Deque }[] = [];
  size = 0;

  constructor(private pool: MessagePool) {}

  push(m: number): void {
    this.classOf(this.pool.priority[m]).pushBack(m);
    this.size++;
  }

  pushFront(m: number): void {
    this.classOf(this.pool.priority[m]).pushFront(m);
    this.size++;
  }

  private classOf(p: number): Deque {
    const cs = this.classes;
    let i = 0;
    while (i < cs.length && cs[i].priority > p) i++;
    if (i === cs.length || cs[i].priority !== p) cs.splice(i, 0, { priority: p, q: new Deque() });
    return cs[i].q;
  }

  pop(): number {
    for (const c of this.classes) {
      if (c.q.size > 0) {
        this.size--;
        return c.q.popFront();
      }
    }
    throw new Error('pop() on an empty waiting line');
  }

  oldest(): number {
    return this.classes[this.oldestClass()].q.front();
  }

  popOldest(): number {
    this.size--;
    return this.classes[this.oldestClass()].q.popFront();
  }

  /** Each class is in arrival order, so the oldest message is the oldest of the class fronts. */
  private oldestClass(): number {
    const serial = this.pool.enqueueSerial;
    let best = -1;
    for (let i = 0; i < this.classes.length; i++) {
      const q = this.classes[i].q;
      if (q.size > 0 && (best < 0 || serial[q.front()] < serial[this.classes[best].q.front()])) best = i;
    }
    return best;
  }
}
