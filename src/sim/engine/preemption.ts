// Preemptive-resume priority.
import type { Simulation } from './simulation.ts';
import { removeItem } from './lists.ts';
import type { QueueState, ServerState } from './model.ts';
import { QUEUED } from './messagePool.ts';

/**
 * Preemptive-resume priority: a message that finds every server busy displaces the lowest-
 * priority message in service if its own priority is higher; the displaced one goes back to
 * the front of its class with the work it has left. Returns whether it displaced one.
 */
export function preempt(sim: Simulation, q: QueueState, m: number): boolean {
  const pool = sim.pool;
  const dp = sim.deliveries;
  let victim = -1;
  let victimServer: ServerState | null = null;
  for (const g of q.consumers) {
    if (g.down > 0) continue;
    for (const s of g.servers) {
      for (const d of s.handlingList) {
        if (victim < 0 || pool.priority[dp.msg[d]] < pool.priority[dp.msg[victim]]) {
          victim = d;
          victimServer = s;
        }
      }
    }
  }
  if (victim < 0 || pool.priority[dp.msg[victim]] >= pool.priority[m]) return false;
  const s = victimServer!;
  const vm = dp.msg[victim];
  const now = sim.calendar.now;
  const endAt = sim.calendar.timeOf(dp.event[victim]);
  sim.calendar.cancel(dp.event[victim]);
  removeItem(s.handlingList, victim);
  s.handling--;
  sim.setBusy(s.group, s.group.busy - 1);
  sim.releaseDelivery(s, victim);
  pool.remaining[vm] = endAt - now;
  pool.deliveries[vm]--; // a resumption is not a redelivery
  pool.state[vm] = QUEUED;
  q.line.pushFront(vm);
  sim.recorder.lengthChanged(now, q.index, q.line.size);
  sim.deliver(s, m);
  return true;
}
