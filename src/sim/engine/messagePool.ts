import { growF64, growI32 } from './typedArrays.ts';

/**
 * Messages in flight, as numbered rows of typed arrays (struct of arrays). A message's number
 * is recycled when it leaves the system, so memory grows with the number of messages present
 * at once (the backlog), never with the number simulated.
 *
 * The life cycle (shared DESIGN.md section 2): produced -> enqueued (or rejected) -> fetched
 * (service start) -> handled (service end) -> [acked -> replied: later issues add their
 * timestamps here] -> routed to another queue or gone.
 */
export class MessagePool {
  /** When the producer sent it. */
  producedAt = new Float64Array(256);
  /** When it entered its first queue (start of the message's sojourn). */
  firstEnqueuedAt = new Float64Array(256);
  /** When it entered the queue it is in now (start of the current wait). */
  enqueuedAt = new Float64Array(256);
  /** Enqueue serial number: orders messages by age, breaking equal timestamps. */
  enqueueSerial = new Float64Array(256);
  /** Higher is served first by the 'priority' discipline. */
  priority = new Float64Array(256);
  /** Index of the producer that sent it. */
  producer = new Int32Array(256);
  /** Position inside a waiting line that needs it (the 'random' discipline), else -1. */
  linePos = new Int32Array(256);

  private free = new Int32Array(256);
  private freeCount = 0;
  private rows = 0;
  /** Messages currently allocated (present in the system). */
  live = 0;

  alloc(): number {
    this.live++;
    if (this.freeCount > 0) return this.free[--this.freeCount];
    if (this.rows === this.producedAt.length) this.grow();
    return this.rows++;
  }

  release(m: number): void {
    this.live--;
    this.free[this.freeCount++] = m;
  }

  private grow(): void {
    const n = this.producedAt.length * 2;
    this.producedAt = growF64(this.producedAt, n);
    this.firstEnqueuedAt = growF64(this.firstEnqueuedAt, n);
    this.enqueuedAt = growF64(this.enqueuedAt, n);
    this.enqueueSerial = growF64(this.enqueueSerial, n);
    this.priority = growF64(this.priority, n);
    this.producer = growI32(this.producer, n);
    this.linePos = growI32(this.linePos, n);
    this.free = growI32(this.free, n);
  }
}
