import { growF64, growI32 } from './typedArrays.ts';

/**
 * Deliveries: one message handed to one server. A message may have several at once (a
 * visibility timeout shorter than the handling time delivers it again to another server), so
 * they are rows of their own, recycled like messages.
 */
export class DeliveryPool {
  msg = new Int32Array(64);
  server = new Int32Array(64);
  /** Unique per delivery (rows are recycled): acks and timers check it. */
  serial = new Float64Array(64);
  /** Calendar slot of its pending handling-end event (-1 when none: buffered, or shared). */
  event = new Int32Array(64);
  /** Work still to do, seconds at full speed (processor sharing and preemption use it). */
  work = new Float64Array(64);
  /** Processor sharing: the server's virtual time at which it finishes. */
  finishV = new Float64Array(64);

  private free = new Int32Array(64);
  private freeCount = 0;
  private rows = 0;
  private nextSerial = 0;

  alloc(msg: number, server: number): number {
    const d = this.freeCount > 0 ? this.free[--this.freeCount] : this.newRow();
    this.msg[d] = msg;
    this.server[d] = server;
    this.serial[d] = this.nextSerial++;
    this.event[d] = -1;
    return d;
  }

  release(d: number): void {
    this.free[this.freeCount++] = d;
  }

  private newRow(): number {
    if (this.rows === this.msg.length) {
      const n = this.rows * 2;
      this.msg = growI32(this.msg, n);
      this.server = growI32(this.server, n);
      this.serial = growF64(this.serial, n);
      this.event = growI32(this.event, n);
      this.work = growF64(this.work, n);
      this.finishV = growF64(this.finishV, n);
      this.free = growI32(this.free, n);
    }
    return this.rows++;
  }
}
