// An un-acked message becomes visible again: it is requeued, or dead-lettered after maxDeliveries.
import type { Simulation } from './simulation.ts';
import type { QueueState, ConsumerState } from './model.ts';

export function visibilityTimeout(sim: Simulation, g: ConsumerState, m: number, serial: number): void {
  if (!sim.isLive(m, serial)) return; // acked, or delivered again since
  redeliver(sim, g.queue, m, g);
}

/** The message becomes visible again: requeued, or dead-lettered after maxDeliveries. */
export function redeliver(sim: Simulation, q: QueueState, m: number, g: ConsumerState): void {
  const pool = sim.pool;
  if (pool.deliveries[m] >= g.maxDeliveries) {
    sim.recorder.deadLettered++;
    if (g.deadLetter !== null) {
      sim.enqueueNext(g.deadLetter, m);
    } else {
      sim.recorder.deadLetterDropped++;
      sim.finishMessage(m);
    }
    return;
  }
  sim.enqueue(q, m, true);
}
