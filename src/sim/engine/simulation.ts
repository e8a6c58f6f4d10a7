import type { Scenario } from '../scenario/types.ts';
import { createStream } from '../random/streams.ts';
import { EventCalendar } from './calendar.ts';
import { MessagePool } from './messagePool.ts';
import { Recorder } from './recorder.ts';
import { compileModel, type ProducerState, type QueueState, type ConsumerState } from './model.ts';
import { nextArrivalTime, pickQueue } from './producers.ts';

/** Event kinds. Equal-time events run in scheduling order (see EventCalendar). */
const ARRIVAL = 0; // target: producer
const SERVICE_END = 1; // target: consumer group, payload: message
const EXPIRY = 2; // target: queue; its oldest message may have outlived the ttl

/** Thrown for a failure inside the event loop, naming the component and the simulated time. */
export class SimulationError extends Error {}

/**
 * One replication of a scenario: the state of producers, queues and consumers, advanced event
 * by event. Call run() for the whole horizon, or runUntil(t) repeatedly to stream it (the lab
 * does). The recorder holds everything measured.
 */
export class Simulation {
  readonly calendar = new EventCalendar();
  readonly pool = new MessagePool();
  readonly recorder: Recorder;
  readonly producers: ProducerState[];
  readonly queues: QueueState[];
  readonly consumers: ConsumerState[];
  readonly horizon: number;
  /** Counts enqueues: orders messages by age (see MessagePool.enqueueSerial). */
  private enqueueSerial = 0;

  constructor(scenario: Scenario, replication: number, warmup: number) {
    const stream = (id: string) => createStream(scenario.seed, replication, id);
    const model = compileModel(scenario, this.pool, stream);
    this.producers = model.producers;
    this.queues = model.queues;
    this.consumers = model.consumers;
    this.horizon = scenario.horizon;
    this.recorder = new Recorder(this.queues.length, this.consumers.length, warmup, scenario.horizon, scenario.sampleEvery);
    for (const p of this.producers) this.scheduleArrival(p, p.start);
  }

  /** Simulated time reached so far. */
  get now(): number {
    return this.calendar.now;
  }

  run(): Recorder {
    this.runUntil(this.horizon);
    this.recorder.finish();
    return this.recorder;
  }

  /** Processes every event due at or before min(t, horizon). */
  runUntil(t: number): void {
    const until = Math.min(t, this.horizon);
    const cal = this.calendar;
    const rec = this.recorder;
    try {
      while (cal.next(until)) {
        if (cal.now > rec.nextSampleTime) rec.sampleBefore(cal.now);
        switch (cal.kind) {
          case ARRIVAL:
            this.arrival(this.producers[cal.target]);
            break;
          case SERVICE_END:
            this.serviceEnd(this.consumers[cal.target], cal.payload);
            break;
          case EXPIRY:
            this.expire(this.queues[cal.target]);
            break;
        }
      }
    } catch (err) {
      throw this.wrap(err);
    }
    if (cal.now < until) cal.now = until;
  }

  private scheduleArrival(p: ProducerState, from: number): void {
    if (p.sent >= p.limit) return;
    const t = nextArrivalTime(p, from);
    if (t < p.stop && t <= this.horizon) this.calendar.schedule(t, ARRIVAL, p.index, 0);
  }

  private arrival(p: ProducerState): void {
    const now = this.calendar.now;
    const pool = this.pool;
    const m = pool.alloc();
    pool.producedAt[m] = now;
    pool.firstEnqueuedAt[m] = now;
    pool.priority[m] = p.priorityDist === null ? p.priority : p.priorityDist.sample(p.rng);
    pool.producer[m] = p.index;
    p.sent++;
    this.recorder.produced++;
    this.scheduleArrival(p, now);
    this.enqueue(this.queues[pickQueue(p)], m);
  }

  /** A message arrives at a queue: straight to a free server, else it waits (or is lost). */
  private enqueue(q: QueueState, m: number): void {
    const now = this.calendar.now;
    const pool = this.pool;
    const rec = this.recorder;
    pool.enqueuedAt[m] = now;
    pool.enqueueSerial[m] = this.enqueueSerial++;
    rec.arrived(now, q.index);
    for (let i = 0; i < q.consumers.length; i++) {
      const g = q.consumers[i];
      if (g.busy < g.servers) {
        this.startService(g, m);
        return;
      }
    }
    const line = q.line;
    if (line.size >= q.capacity) {
      if (!q.dropHead || line.size === 0) {
        rec.lost(now, q.index, false);
        pool.release(m);
        return;
      }
      rec.lost(now, q.index, true);
      pool.release(line.popOldest());
    }
    line.push(m);
    rec.lengthChanged(now, q.index, line.size);
    if (q.ttl < Infinity && !q.expiryPending) this.scheduleExpiry(q);
  }

  private startService(g: ConsumerState, m: number): void {
    const now = this.calendar.now;
    const pool = this.pool;
    g.busy++;
    g.queue.inService++;
    this.recorder.busyChanged(now, g.index, g.busy);
    this.recorder.fetch(now, g.queue.index, now - pool.enqueuedAt[m]);
    this.calendar.schedule(now + g.service.sample(g.rng), SERVICE_END, g.index, m);
  }

  private serviceEnd(g: ConsumerState, m: number): void {
    const now = this.calendar.now;
    const pool = this.pool;
    const rec = this.recorder;
    const q = g.queue;
    g.busy--;
    q.inService--;
    rec.busyChanged(now, g.index, g.busy);
    rec.handle(now, q.index, g.index, now - pool.enqueuedAt[m]);
    // The freed server takes the next waiting message before the handled one is routed, so a
    // message fed back into this queue joins behind those already waiting.
    if (q.line.size > 0) {
      const next = q.line.pop();
      rec.lengthChanged(now, q.index, q.line.size);
      this.startService(g, next);
    }
    const to = this.route(g);
    if (to !== null) {
      this.enqueue(to, m);
    } else {
      rec.complete(now, now - pool.firstEnqueuedAt[m], now - pool.producedAt[m]);
      pool.release(m);
    }
  }

  /** The next queue for a handled message, or null when it leaves. */
  private route(g: ConsumerState): QueueState | null {
    const n = g.routeTo.length;
    if (n === 0) return null;
    const u = g.rng();
    for (let i = 0; i < n; i++) if (u < g.routeCumulative[i]) return g.routeTo[i];
    return null;
  }

  private scheduleExpiry(q: QueueState): void {
    q.expiryPending = true;
    this.calendar.schedule(this.pool.enqueuedAt[q.line.oldest()] + q.ttl, EXPIRY, q.index, 0);
  }

  /** Removes every message that has waited `ttl` or longer; re-arms for the next oldest. */
  private expire(q: QueueState): void {
    const now = this.calendar.now;
    const pool = this.pool;
    const line = q.line;
    q.expiryPending = false;
    let changed = false;
    while (line.size > 0 && pool.enqueuedAt[line.oldest()] + q.ttl <= now) {
      pool.release(line.popOldest());
      this.recorder.expire(now, q.index);
      changed = true;
    }
    if (changed) this.recorder.lengthChanged(now, q.index, line.size);
    if (line.size > 0) this.scheduleExpiry(q);
  }

  private wrap(err: unknown): SimulationError {
    const cal = this.calendar;
    const what =
      cal.kind === ARRIVAL
        ? `producer ${this.producers[cal.target]?.id}`
        : cal.kind === SERVICE_END
          ? `consumer ${this.consumers[cal.target]?.id}`
          : `queue ${this.queues[cal.target]?.id}`;
    const message = err instanceof Error ? err.message : String(err);
    return new SimulationError(`${what} at t=${cal.now}: ${message}`, { cause: err });
  }
}
