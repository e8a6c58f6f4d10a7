import { growF64, growI32 } from './typedArrays.ts';

/**
 * The event calendar: a binary min-heap of pending events keyed by (time, sequence number).
 * The sequence number is the scheduling order, so events at equal times run in the order they
 * were scheduled and a run is reproducible by construction (as in SimPy's core).
 *
 * Events live in slots of typed arrays (struct of arrays) recycled through a free list, and the
 * heap holds slot numbers: scheduling and popping allocate nothing once the arrays have grown to
 * the largest number of pending events. Memory grows with pending events, never with the
 * number of events processed.
 */
export class EventCalendar {
  /** Fields of the event last taken by next(): read them before the next call. */
  now = 0;
  kind = 0;
  target = 0;
  payload = 0;
  /** A second payload: a serial number that tells a stale event from a live one. */
  aux = 0;
  /** Events taken by next() so far (the benchmark's events/s). */
  processed = 0;

  private time = new Float64Array(64);
  private seq = new Float64Array(64);
  private kinds = new Int32Array(64);
  private targets = new Int32Array(64);
  private payloads = new Int32Array(64);
  private auxes = new Float64Array(64);
  private cancelled = new Uint8Array(64);
  private heap = new Int32Array(64);
  private free = new Int32Array(64);
  private freeCount = 0;
  private slots = 0; // slots ever used
  private count = 0; // entries in the heap (cancelled ones included until popped)
  private live = 0; // pending, not cancelled
  private nextSeq = 0;

  /** Number of pending (not cancelled) events. */
  get size(): number {
    return this.live;
  }

  /** Time of the earliest pending event, or Infinity when there is none. */
  peekTime(): number {
    this.dropCancelledTop();
    return this.count > 0 ? this.time[this.heap[0]] : Infinity;
  }

  /**
   * Schedules an event; returns its slot, a handle valid for cancel() until the event fires.
   * `time` must not be NaN (the caller checks its own delays).
   */
  schedule(time: number, kind: number, target: number, payload: number, aux = 0): number {
    const slot = this.freeCount > 0 ? this.free[--this.freeCount] : this.newSlot();
    this.time[slot] = time;
    this.seq[slot] = this.nextSeq++;
    this.kinds[slot] = kind;
    this.targets[slot] = target;
    this.payloads[slot] = payload;
    this.auxes[slot] = aux;
    this.cancelled[slot] = 0;
    this.siftUp(this.count++, slot);
    this.live++;
    return slot;
  }

  /** The time of a pending event. */
  timeOf(slot: number): number {
    return this.time[slot];
  }

  /** Cancels a pending event (lazily: it is skipped when it reaches the top). */
  cancel(slot: number): void {
    if (this.cancelled[slot] === 0) {
      this.cancelled[slot] = 1;
      this.live--;
    }
  }

  /**
   * Takes the earliest event into now/kind/target/payload if it is due at or before `until`;
   * false (and nothing taken) otherwise.
   */
  next(until = Infinity): boolean {
    this.dropCancelledTop();
    if (this.count === 0) return false;
    const slot = this.heap[0];
    if (this.time[slot] > until) return false;
    this.now = this.time[slot];
    this.kind = this.kinds[slot];
    this.target = this.targets[slot];
    this.payload = this.payloads[slot];
    this.aux = this.auxes[slot];
    this.removeTop();
    this.live--;
    this.processed++;
    return true;
  }

  private dropCancelledTop(): void {
    while (this.count > 0 && this.cancelled[this.heap[0]] === 1) this.removeTop();
  }

  private removeTop(): void {
    const top = this.heap[0];
    this.free[this.freeCount++] = top;
    const last = this.heap[--this.count];
    if (this.count > 0) this.siftDown(0, last);
  }

  private before(a: number, b: number): boolean {
    const ta = this.time[a];
    const tb = this.time[b];
    return ta < tb || (ta === tb && this.seq[a] < this.seq[b]);
  }

  /** Moves the hole at `pos` up until `slot` fits there. */
  private siftUp(pos: number, slot: number): void {
    const heap = this.heap;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const p = heap[parent];
      if (!this.before(slot, p)) break;
      heap[pos] = p;
      pos = parent;
    }
    heap[pos] = slot;
  }

  /** Moves the hole at `pos` down until `slot` fits there. */
  private siftDown(pos: number, slot: number): void {
    const heap = this.heap;
    const n = this.count;
    for (;;) {
      let child = 2 * pos + 1;
      if (child >= n) break;
      if (child + 1 < n && this.before(heap[child + 1], heap[child])) child++;
      if (!this.before(heap[child], slot)) break;
      heap[pos] = heap[child];
      pos = child;
    }
    heap[pos] = slot;
  }

  private newSlot(): number {
    if (this.slots === this.time.length) this.grow();
    return this.slots++;
  }

  private grow(): void {
    const n = this.time.length * 2;
    this.time = growF64(this.time, n);
    this.seq = growF64(this.seq, n);
    this.kinds = growI32(this.kinds, n);
    this.targets = growI32(this.targets, n);
    this.payloads = growI32(this.payloads, n);
    this.auxes = growF64(this.auxes, n);
    const c = new Uint8Array(n);
    c.set(this.cancelled);
    this.cancelled = c;
    this.heap = growI32(this.heap, n);
    this.free = growI32(this.free, n);
  }
}
