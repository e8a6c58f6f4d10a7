import { growF64, growI32 } from './typedArrays.ts';

/** Where a message is in its life (MessagePool.state). */
export const TRANSIT = 0; // on its way from the producer (transport delay)
export const QUEUED = 1; // in a queue's waiting line
export const UNACKED = 2; // delivered with manual ack: the broker waits for the ack
export const TAKEN = 3; // delivered with auto ack: the broker has forgotten it
export const REPLYING = 4; // handled and acked; its reply is on the way back
export const GONE = 5; // left, lost or dropped; the row is freed once no delivery holds it

/**
 * Messages in the system, as numbered rows of typed arrays (struct of arrays). A row is recycled
 * when the message has left and no server still holds a delivery of it, so memory grows with the
 * number of messages present at once (the backlog), never with the number simulated.
 *
 * The life cycle (shared DESIGN.md section 2): produced -> [transport] -> enqueued (or rejected)
 * -> delivered (fetched) -> handled -> acked -> [replied] -> routed to another queue or gone;
 * an un-acked message becomes visible again and is redelivered, or dead-lettered.
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
  /** Priority class index for per-class statistics (-1 when classes are not tracked). */
  klass = new Int32Array(256);
  /** Index of the producer that sent it, and of its closed-loop client (-1 for open loop). */
  producer = new Int32Array(256);
  client = new Int32Array(256);
  /** Index of the queue it is in or was last delivered from. */
  queue = new Int32Array(256);
  /** Position inside a waiting line that needs it (the 'random' discipline), else -1. */
  linePos = new Int32Array(256);
  /** One of the states above. */
  state = new Uint8Array(256);
  /** Deliveries from its current queue. */
  deliveries = new Int32Array(256);
  /** Successful handlings at queue `handledAt` (duplicates beyond 1). */
  handled = new Int32Array(256);
  handledAt = new Int32Array(256);
  /** Deliveries of it that servers still hold. */
  active = new Int32Array(256);
  /** Serial of its latest delivery: only that delivery's ack counts. */
  lastDelivery = new Float64Array(256);
  /** Work left after a preemption (NaN when none): it resumes instead of starting afresh. */
  remaining = new Float64Array(256);
  /** The client request it is an attempt of (a row of the RequestPool), or -1; and the attempt's
   *  unique number, which tells whether the client still waits for it. */
  request = new Int32Array(256);
  attempt = new Float64Array(256);

  private free = new Int32Array(256);
  private freeCount = 0;
  private rows = 0;
  /** Messages currently allocated (present in the system). */
  live = 0;

  alloc(): number {
    this.live++;
    const m = this.freeCount > 0 ? this.free[--this.freeCount] : this.newRow();
    this.state[m] = TRANSIT;
    this.deliveries[m] = 0;
    this.handled[m] = 0;
    this.handledAt[m] = -1;
    this.active[m] = 0;
    this.remaining[m] = NaN;
    this.linePos[m] = -1;
    this.client[m] = -1;
    this.klass[m] = -1;
    this.request[m] = -1;
    return m;
  }

  release(m: number): void {
    this.live--;
    this.state[m] = GONE;
    this.free[this.freeCount++] = m;
  }

  private newRow(): number {
    if (this.rows === this.producedAt.length) this.grow();
    return this.rows++;
  }

  private grow(): void {
    const n = this.producedAt.length * 2;
    this.producedAt = growF64(this.producedAt, n);
    this.firstEnqueuedAt = growF64(this.firstEnqueuedAt, n);
    this.enqueuedAt = growF64(this.enqueuedAt, n);
    this.enqueueSerial = growF64(this.enqueueSerial, n);
    this.priority = growF64(this.priority, n);
    this.klass = growI32(this.klass, n);
    this.producer = growI32(this.producer, n);
    this.client = growI32(this.client, n);
    this.queue = growI32(this.queue, n);
    this.linePos = growI32(this.linePos, n);
    const state = new Uint8Array(n);
    state.set(this.state);
    this.state = state;
    this.deliveries = growI32(this.deliveries, n);
    this.handled = growI32(this.handled, n);
    this.handledAt = growI32(this.handledAt, n);
    this.active = growI32(this.active, n);
    this.lastDelivery = growF64(this.lastDelivery, n);
    this.remaining = growF64(this.remaining, n);
    this.request = growI32(this.request, n);
    this.attempt = growF64(this.attempt, n);
    this.free = growI32(this.free, n);
  }
}
