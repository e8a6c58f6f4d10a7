// Producers: open-loop arrivals on their clock, closed-loop clients that send when their reply is back,
// and the transport between producer and queue.
import type { Simulation } from './simulation.ts';
import type { ProducerState } from './model.ts';
import * as E from './events.ts';
import { nextArrivalTime, pickQueue } from './producers.ts';
import { startAttempt } from './requests.ts';

export function scheduleArrival(sim: Simulation, p: ProducerState, from: number): void {
  if (p.sent >= p.limit) return;
  const t = nextArrivalTime(p, from);
  if (t < p.stop && t <= sim.horizon) sim.calendar.schedule(t, E.ARRIVAL, p.index, 0);
}

export function scheduleSend(sim: Simulation, p: ProducerState, client: number, from: number): void {
  if (p.sent >= p.limit) return;
  const t = from + (p.think === null ? 0 : p.think.sample(p.rng));
  if (t < p.stop && t <= sim.horizon) sim.calendar.schedule(t, E.SEND, p.index, client);
}

export function arrival(sim: Simulation, p: ProducerState): void {
  produce(sim, p, -1);
  scheduleArrival(sim, p, sim.calendar.now);
}

export function send(sim: Simulation, p: ProducerState, client: number): void {
  produce(sim, p, client);
}

/**
 * A new message from `p` (for closed-loop `client`, or -1): to its queue, maybe via transport.
 * With a timeout it is an attempt of a new request, or of `request` when it is a retry.
 */
export function produce(sim: Simulation, p: ProducerState, client: number, request = -1): void {
  const now = sim.calendar.now;
  const pool = sim.pool;
  const m = pool.alloc();
  pool.producedAt[m] = now;
  pool.firstEnqueuedAt[m] = NaN;
  pool.priority[m] = p.priorityDist === null ? p.priority : p.priorityDist.sample(p.rng);
  pool.producer[m] = p.index;
  pool.client[m] = client;
  if (sim.classes) pool.klass[m] = sim.classes.of(pool.priority[m]);
  if (request < 0) p.sent++;
  else sim.recorder.retries++;
  sim.present++;
  sim.recorder.produced++;
  if (p.timeout < Infinity) startAttempt(sim, p, m, request);
  const q = sim.queues[pickQueue(p)];
  const tr = p.transport;
  if (tr === null) {
    sim.enqueue(q, m);
    return;
  }
  // Each attempt is lost with probability `loss`: udp gives up, tcp resends after rto.
  let delay = tr.overhead === null ? 0 : tr.overhead.sample(p.rng);
  while (p.rng() < tr.loss) {
    if (!tr.resend) {
      sim.recorder.lostInTransit++;
      sim.finishMessage(m);
      return;
    }
    delay += tr.rto;
  }
  delay += tr.delay.sample(p.rng);
  sim.calendar.schedule(now + delay, E.TRANSPORT_END, q.index, m);
}
