// Queues with a ttl keep one EXPIRY event armed for their oldest waiting message.
import type { Simulation } from './simulation.ts';
import type { QueueState } from './model.ts';
import * as E from './events.ts';

export function scheduleExpiry(sim: Simulation, q: QueueState): void {
  q.expiryPending = true;
  sim.calendar.schedule(sim.pool.enqueuedAt[q.line.oldest()] + q.ttl, E.EXPIRY, q.index, 0);
}

/** Removes every message that has waited `ttl` or longer; re-arms for the next oldest. */
export function expire(sim: Simulation, q: QueueState): void {
  const now = sim.calendar.now;
  const pool = sim.pool;
  const line = q.line;
  q.expiryPending = false;
  let changed = false;
  while (line.size > 0 && pool.enqueuedAt[line.oldest()] + q.ttl <= now) {
    const m = line.popOldest();
    sim.recorder.expire(now, q.index);
    sim.finishMessage(m);
    changed = true;
  }
  if (changed) sim.recorder.lengthChanged(now, q.index, line.size);
  if (line.size > 0) scheduleExpiry(sim, q);
}
