/**
 * A double-ended queue of numbers in a growable ring buffer: O(1) at both ends, no per-item
 * allocation (the engine's waiting lines hold message numbers, never objects).
 */
export class Deque {
  private buf = new Float64Array(16);
  private mask = 15;
  private head = 0;
  size = 0;

  pushBack(x: number): void {
    if (this.size === this.buf.length) this.grow();
    this.buf[(this.head + this.size) & this.mask] = x;
    this.size++;
  }

  /** Puts an item back at the front (a preempted message resumes before the others). */
  pushFront(x: number): void {
    if (this.size === this.buf.length) this.grow();
    this.head = (this.head - 1) & this.mask;
    this.buf[this.head] = x;
    this.size++;
  }

  /** The front item; the deque must not be empty. */
  front(): number {
    return this.buf[this.head];
  }

  popFront(): number {
    const x = this.buf[this.head];
    this.head = (this.head + 1) & this.mask;
    this.size--;
    return x;
  }

  popBack(): number {
    this.size--;
    return this.buf[(this.head + this.size) & this.mask];
  }

  clear(): void {
    this.head = 0;
    this.size = 0;
  }

  private grow(): void {
    const n = this.buf.length * 2;
    const b = new Float64Array(n);
    for (let i = 0; i < this.size; i++) b[i] = this.buf[(this.head + i) & this.mask];
    this.buf = b;
    this.mask = n - 1;
    this.head = 0;
  }
}
