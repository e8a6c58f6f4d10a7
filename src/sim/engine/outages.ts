// Consumer groups going down (outage windows, failures) and coming back up.
import type { Simulation } from './simulation.ts';
import type { ConsumerState } from './model.ts';
import { drainJobs } from './processorSharing.ts';
import { redeliver } from './redelivery.ts';

/** The group crashes: everything its servers hold is lost (auto ack) or becomes visible again. */
export function goDown(sim: Simulation, g: ConsumerState): void {
  if (g.down++ > 0) return;
  const dp = sim.deliveries;
  for (const s of g.servers) {
    s.longPoll = false;
    s.pollSerial++;
    const held: number[] = g.shared ? drainJobs(sim.calendar, s) : s.handlingList.splice(0);
    while (s.buffer.size > 0) held.push(s.buffer.popFront());
    s.handling = 0;
    for (const d of held) {
      if (dp.event[d] >= 0) sim.calendar.cancel(dp.event[d]);
      const m = dp.msg[d];
      const serial = dp.serial[d];
      sim.releaseDelivery(s, d);
      if (!g.manualAck) {
        sim.recorder.lost++;
        sim.finishMessage(m);
      } else if (g.visibilityTimeout === Infinity && sim.isLive(m, serial)) {
        redeliver(sim, g.queue, m, g);
      }
    }
  }
  sim.setBusy(g, 0);
}

export function comeUp(sim: Simulation, g: ConsumerState): void {
  if (--g.down > 0) return;
  for (const s of g.servers) sim.refill(s);
}
