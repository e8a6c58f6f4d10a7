import type { Rng } from '../random/rng.ts';
import { Deque } from './deque.ts';
import type { MessagePool } from './messagePool.ts';
import { growI32 } from './typedArrays.ts';
import type { WaitingLine } from './waitingLine.ts';

/**
 * Service in random order: pick a uniformly random waiting message, remove it by swapping the
 * last one into its place (O(1)). A second, arrival-ordered deque finds the oldest message for
 * time-outs and drop-head; entries of messages already served are skipped lazily, recognised by
 * their enqueue serial number (message numbers are recycled, serials are not).
 */
export class RandomLine implements WaitingLine {
  private items = new Int32Array(16);
  private arrivals = new Deque();
  private arrivalSerials = new Deque();
  size = 0;

  constructor(
    private pool: MessagePool,
    private rng: Rng,
  ) {}

  push(m: number): void {
    if (this.size === this.items.length) this.items = growI32(this.items, this.size * 2);
    this.pool.linePos[m] = this.size;
    this.items[this.size++] = m;
    this.arrivals.pushBack(m);
    this.arrivalSerials.pushBack(this.pool.enqueueSerial[m]);
  }

  /** Order is random anyway: the same as push. */
  pushFront(m: number): void {
    this.push(m);
  }

  pop(): number {
    const i = Math.floor(this.rng() * this.size);
    return this.removeAt(i);
  }

  oldest(): number {
    this.skipGone();
    return this.arrivals.front();
  }

  popOldest(): number {
    this.skipGone();
    return this.removeAt(this.pool.linePos[this.arrivals.front()]);
  }

  private removeAt(i: number): number {
    const m = this.items[i];
    const last = this.items[--this.size];
    this.items[i] = last;
    this.pool.linePos[last] = i;
    this.pool.linePos[m] = -1;
    return m;
  }

  /** Drops arrival entries whose message is no longer waiting here. */
  private skipGone(): void {
    for (;;) {
      const m = this.arrivals.front();
      if (this.pool.linePos[m] >= 0 && this.pool.enqueueSerial[m] === this.arrivalSerials.front()) return;
      this.arrivals.popFront();
      this.arrivalSerials.popFront();
    }
  }
}
