// queues[].initial: a backlog already waiting at t = 0 (after an outage, a deploy, a burst), so
// that its drain can be watched from the first instant. Each message is enqueued before any
// event runs, as if produced at t = 0 by no producer (no priority, no client, no transport).
import type { Scenario } from '../scenario/types.ts';
import type { Simulation } from './simulation.ts';

export function seedBacklog(sim: Simulation, scenario: Scenario): void {
  const pool = sim.pool;
  scenario.queues.forEach((queue, i) => {
    for (let k = 0; k < queue.initial; k++) {
      const m = pool.alloc();
      pool.producedAt[m] = 0;
      pool.firstEnqueuedAt[m] = NaN;
      pool.priority[m] = 0;
      pool.producer[m] = -1;
      if (sim.classes) pool.klass[m] = sim.classes.of(0);
      sim.present++;
      sim.recorder.produced++;
      sim.enqueue(sim.queues[i], m);
    }
  });
}
