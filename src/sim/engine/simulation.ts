import type { Scenario } from '../scenario/types.ts';
import { createStream } from '../random/streams.ts';
import { EventCalendar } from './calendar.ts';
import { DeliveryPool } from './deliveryPool.ts';
import { GONE, MessagePool, QUEUED, REPLYING, TAKEN, TRANSIT, UNACKED } from './messagePool.ts';
import { Recorder } from './recorder.ts';
import { compileModel, type ConsumerState, type ProducerState, type QueueState, type ServerState } from './model.ts';
import { nextArrivalTime, pickQueue } from './producers.ts';
import { PriorityClasses } from './priorityClasses.ts';
import { addJob, completeJob } from './processorSharing.ts';
import * as E from './events.ts';
import { removeItem } from './lists.ts';
import { arrival, produce, scheduleArrival, scheduleSend, send } from './producing.ts';
import { expire, scheduleExpiry } from './expiry.ts';
import { redeliver, visibilityTimeout } from './redelivery.ts';
import { answerLongPoll, poll, pollTimeout, schedulePoll } from './polling.ts';
import { comeUp, goDown } from './outages.ts';
import { preempt } from './preemption.ts';
import { seedBacklog } from './backlog.ts';
import { evaluate, serverLeft, serverStarted, startAutoscaling } from './autoscaling.ts';
import { answered, attemptTimedOut, RequestPool } from './requests.ts';
import { RETIRING } from './serverPhase.ts';

/** More events than this at one simulated instant mean that time has stopped advancing. */
const MAX_EVENTS_AT_ONE_TIME = 10_000_000;
const STUCK =
  `time does not advance: over ${MAX_EVENTS_AT_ONE_TIME} events at the same instant ` +
  '(zero delays all round a loop: give the think, service or reply time a positive mean)';

/** Thrown for a failure inside the event loop, naming the component and the simulated time. */
export class SimulationError extends Error {}

/**
 * One replication of a scenario: the state of producers, queues, consumers and their servers,
 * advanced event by event. Call run() for the whole horizon, or runUntil(t) repeatedly to stream
 * it (the lab does). The recorder holds everything measured.
 */
export class Simulation {
  readonly calendar = new EventCalendar();
  readonly pool = new MessagePool();
  readonly deliveries = new DeliveryPool();
  readonly requests = new RequestPool();
  readonly recorder: Recorder;
  readonly producers: ProducerState[];
  readonly queues: QueueState[];
  readonly consumers: ConsumerState[];
  readonly servers: ServerState[];
  readonly horizon: number;
  readonly classes: PriorityClasses | null;
  /** Counts enqueues: orders messages by age (see MessagePool.enqueueSerial). */
  private enqueueSerial = 0;
  /** Messages produced and not yet finished (left, replied, lost or dropped). */
  present = 0;
  /** Messages done whose reply is still on its way. */
  replying = 0;
  /** The time of the current run of events, and their number (see MAX_EVENTS_AT_ONE_TIME). */
  private stuckAt = NaN;
  private eventsAtOneTime = 0;

  constructor(scenario: Scenario, replication: number, warmup: number) {
    const stream = (id: string) => createStream(scenario.seed, replication, id);
    const model = compileModel(scenario, this.pool, stream);
    this.producers = model.producers;
    this.queues = model.queues;
    this.consumers = model.consumers;
    this.servers = model.servers;
    this.horizon = scenario.horizon;
    const counts = scenario.consumers.map((c) => c.count);
    this.recorder = new Recorder(this.queues.length, this.consumers.length, warmup, scenario.horizon, scenario.sampleEvery, counts);
    this.classes = PriorityClasses.needed(scenario) ? new PriorityClasses(this.recorder) : null;
    const cal = this.calendar;
    for (const p of this.producers) {
      if (!p.closed) scheduleArrival(this, p, p.start);
      else for (let c = 0; c < p.clients; c++) scheduleSend(this, p, c, p.start);
    }
    for (const g of this.consumers) {
      for (const w of g.outages) {
        cal.schedule(w.start, E.DOWN, g.index, 0);
        cal.schedule(w.end, E.UP, g.index, 0);
      }
      if (g.failures) cal.schedule(g.failures.mtbf.sample(g.rng), E.FAIL, g.index, 0);
      g.slowdowns.forEach((w, i) => {
        cal.schedule(w.start, E.SLOW_START, g.index, i);
        cal.schedule(w.end, E.SLOW_END, g.index, i);
      });
      if (g.autoscaler) startAutoscaling(this, g);
      // Servers first poll at a random phase, so a group's polls do not march in step.
      if (g.poll) for (const s of g.servers) schedulePoll(this, s, g.rng() * g.interval);
    }
    seedBacklog(this, scenario);
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
        const now = cal.now;
        if (now > rec.nextSampleTime) rec.sampleBefore(now);
        if (now === this.stuckAt) {
          // Zero delays all round a loop (a closed loop with no think, service or reply time, a
          // routing cycle with zero service) would run forever without time advancing.
          if (++this.eventsAtOneTime > MAX_EVENTS_AT_ONE_TIME) throw new Error(STUCK);
        } else {
          this.stuckAt = now;
          this.eventsAtOneTime = 0;
        }
        this.dispatch(cal.kind, cal.target, cal.payload, cal.aux);
      }
    } catch (err) {
      throw this.wrap(err);
    }
    if (cal.now < until) cal.now = until;
  }

  dispatch(kind: number, target: number, payload: number, aux: number): void {
    switch (kind) {
      case E.ARRIVAL:
        return arrival(this, this.producers[target]);
      case E.SEND:
        return send(this, this.producers[target], payload);
      case E.TRANSPORT_END:
        return this.enqueue(this.queues[target], payload);
      case E.HANDLING_END:
        return this.handlingEnd(this.servers[target], payload);
      case E.SHARED_END:
        return this.sharedEnd(this.servers[target]);
      case E.VISIBILITY:
        return visibilityTimeout(this, this.consumers[target], payload, aux);
      case E.EXPIRY:
        return expire(this, this.queues[target]);
      case E.POLL:
        return poll(this, this.servers[target]);
      case E.POLL_TIMEOUT:
        return pollTimeout(this, this.servers[target], aux);
      case E.REPLY:
        return this.replyArrives(payload);
      case E.DOWN:
        return goDown(this, this.consumers[target]);
      case E.UP:
        return comeUp(this, this.consumers[target]);
      case E.FAIL:
        this.calendar.schedule(this.now + this.consumers[target].failures!.mttr.sample(this.consumers[target].rng), E.REPAIR, target, 0);
        return goDown(this, this.consumers[target]);
      case E.REPAIR:
        this.calendar.schedule(this.now + this.consumers[target].failures!.mtbf.sample(this.consumers[target].rng), E.FAIL, target, 0);
        return comeUp(this, this.consumers[target]);
      case E.SCALE:
        return evaluate(this, this.consumers[target]);
      case E.SERVER_UP:
        return serverStarted(this, this.servers[target], aux);
      case E.SLOW_START:
        this.consumers[target].slowdown = this.consumers[target].slowdowns[payload].factor;
        return;
      case E.SLOW_END:
        this.consumers[target].slowdown = 1;
        return;
      case E.TIMEOUT:
        return attemptTimedOut(this, this.producers[target], payload, aux);
      case E.RETRY:
        return produce(this, this.producers[target], -1, payload);
    }
  }

  // ---- Queues ----------------------------------------------------------------------------

  /** A message arrives at a queue: straight to a server that can take it, else it waits (or is lost). */
  enqueue(q: QueueState, m: number, requeued = false): void {
    const now = this.calendar.now;
    const pool = this.pool;
    const rec = this.recorder;
    pool.state[m] = QUEUED;
    pool.queue[m] = q.index;
    pool.enqueuedAt[m] = now;
    pool.enqueueSerial[m] = this.enqueueSerial++;
    if (pool.firstEnqueuedAt[m] !== pool.firstEnqueuedAt[m]) pool.firstEnqueuedAt[m] = now;
    rec.arrived(now, q.index);
    const s = this.readyServer(q);
    if (s !== null) {
      const answering = s.longPoll;
      this.deliver(s, m);
      if (answering) answerLongPoll(this, s);
      return;
    }
    if (q.preemptive && preempt(this, q, m)) return;
    const line = q.line;
    // A redelivered message re-enters whatever the capacity: the broker already holds it.
    if (!requeued && line.size >= q.capacity) {
      if (!q.dropHead || line.size === 0) {
        rec.overflow(now, q.index, false);
        this.finishMessage(m);
        return;
      }
      rec.overflow(now, q.index, true);
      this.finishMessage(line.popOldest());
    }
    line.push(m);
    rec.lengthChanged(now, q.index, line.size);
    if (q.ttl < Infinity && !q.expiryPending) scheduleExpiry(this, q);
  }

  /**
   * A server that takes a message arriving now: with push, an up server with a free prefetch
   * slot (the least loaded, so prefetch does not pile work on one server); with poll, a server
   * whose long poll is open. Groups in scenario order.
   */
  readyServer(q: QueueState): ServerState | null {
    for (const g of q.consumers) {
      if (g.down > 0) continue;
      let best: ServerState | null = null;
      for (const s of g.servers) {
        if (g.poll ? s.longPoll : s.held < g.prefetch && (best === null || s.held < best.held)) {
          best = s;
          if (g.poll || s.held === 0) break;
        }
      }
      if (best !== null) return best;
    }
    return null;
  }

  // ---- Delivery and handling ---------------------------------------------------------------

  /** Hands message `m` to server `s`: it is fetched (its wait ends) and held until acked. */
  deliver(s: ServerState, m: number): void {
    const now = this.calendar.now;
    const pool = this.pool;
    const g = s.group;
    const q = g.queue;
    const d = this.deliveries.alloc(m, s.index);
    if (pool.deliveries[m]++ > 0) this.recorder.redelivered++;
    pool.active[m]++;
    pool.lastDelivery[m] = this.deliveries.serial[d];
    // A preempted message resuming has already had its wait counted.
    if (pool.remaining[m] !== pool.remaining[m]) this.recorder.fetch(now, q.index, pool.klass[m], now - pool.enqueuedAt[m]);
    else this.recorder.fetched++;
    if (g.manualAck) {
      pool.state[m] = UNACKED;
      if (g.visibilityTimeout < Infinity) {
        this.calendar.schedule(now + g.visibilityTimeout, E.VISIBILITY, g.index, m, this.deliveries.serial[d]);
      }
    } else {
      pool.state[m] = TAKEN;
    }
    s.held++;
    this.recorder.heldChanged(now, q.index, ++q.inService);
    // Straight into handling when the server has room and nothing buffered ahead (the usual
    // case); else into its prefetch buffer.
    if (s.handling < g.concurrency && s.buffer.size === 0) this.beginHandling(s, d);
    else s.buffer.pushBack(d);
  }

  /** Starts buffered deliveries while the server has handling capacity. */
  startHandling(s: ServerState): void {
    while (s.handling < s.group.concurrency && s.buffer.size > 0) this.beginHandling(s, s.buffer.popFront());
  }

  /** Delivery d starts handling: a fresh service time, or the work left after a preemption. */
  beginHandling(s: ServerState, d: number): void {
    const g = s.group;
    const pool = this.pool;
    const dp = this.deliveries;
    const m = dp.msg[d];
    const resumed = pool.remaining[m];
    // g.slowdown is 1 outside slowdown windows (x * 1 === x: no change to any result).
    const work = resumed === resumed ? resumed : g.service.sample(g.rng) * g.slowdown;
    pool.remaining[m] = NaN;
    dp.work[d] = work;
    s.handling++;
    if (g.shared) {
      if (addJob(this.calendar, s, dp, d, work, E.SHARED_END)) this.setBusy(g, g.busy + 1);
    } else {
      dp.event[d] = this.calendar.schedule(this.calendar.now + work, E.HANDLING_END, s.index, d);
      if (g.tracksHandling) s.handlingList.push(d);
      this.setBusy(g, g.busy + 1);
    }
  }

  setBusy(g: ConsumerState, busy: number): void {
    if (g.autoscaler !== null) g.autoscaler.busyChanged(this.calendar.now, g.busy);
    g.busy = busy;
    this.recorder.busyChanged(this.calendar.now, g.index, busy);
  }

  handlingEnd(s: ServerState, d: number): void {
    this.deliveries.event[d] = -1;
    if (s.group.tracksHandling) removeItem(s.handlingList, d);
    s.handling--;
    this.setBusy(s.group, s.group.busy - 1);
    this.handled(s, d);
  }

  sharedEnd(s: ServerState): void {
    const d = completeJob(this.calendar, s, this.deliveries, E.SHARED_END);
    s.handling--;
    if (s.jobs.length === 0) this.setBusy(s.group, s.group.busy - 1);
    this.handled(s, d);
  }

  /**
   * Handling of delivery `d` ended: it failed or succeeded; a success is acked (the ack may be
   * lost); the accepted ack moves the message on. Then the server takes more work.
   */
  handled(s: ServerState, d: number): void {
    const now = this.calendar.now;
    const pool = this.pool;
    const rec = this.recorder;
    const g = s.group;
    const q = g.queue;
    const m = this.deliveries.msg[d];
    const serial = this.deliveries.serial[d];
    this.releaseDelivery(s, d);
    let next = -1; // the queue the message moves to, -2 = it leaves, -1 = it stays put
    // No draw for a probability that is 0: the common case costs nothing.
    if (g.failure > 0 && g.rng() < g.failure) {
      rec.failed++;
      if (!g.manualAck) {
        rec.lost++;
        next = -3;
      } else if (g.visibilityTimeout === Infinity && this.isLive(m, serial)) {
        next = -4; // no timeout to wait for: requeue at once (a nack)
      }
    } else {
      // Handlings are counted per queue: a stale delivery finishing after the message moved on
      // (dead-lettered, say) still counts at the queue it came from.
      if (pool.handledAt[m] !== q.index) {
        pool.handledAt[m] = q.index;
        pool.handled[m] = 0;
      }
      if (pool.handled[m]++ > 0) rec.duplicates++;
      rec.handle(now, q.index, g.index, pool.klass[m], now - pool.enqueuedAt[m]);
      const acked = g.manualAck ? g.ackLoss === 0 || g.rng() >= g.ackLoss : true;
      if (acked && (g.manualAck ? this.isLive(m, serial) : pool.state[m] === TAKEN)) next = this.routeIndex(g);
    }
    // The freed server takes more work before the message moves on, so a message fed back into
    // this queue joins behind those already waiting.
    this.refill(s);
    if (next === -3) this.finishMessage(m);
    else if (next === -4) redeliver(this, q, m, g);
    else if (next >= 0) this.enqueueNext(this.queues[next], m);
    else if (next === -2) this.leave(g, m);
  }

  /** Whether delivery `serial` is the message's latest and the broker still waits for its ack. */
  isLive(m: number, serial: number): boolean {
    return this.pool.state[m] === UNACKED && this.pool.lastDelivery[m] === serial;
  }

  /** The server lets go of delivery d; a message already gone is freed with its last delivery. */
  releaseDelivery(s: ServerState, d: number): void {
    const pool = this.pool;
    const m = this.deliveries.msg[d];
    this.deliveries.release(d);
    s.held--;
    const q = s.group.queue;
    this.recorder.heldChanged(this.calendar.now, q.index, --q.inService);
    if (--pool.active[m] === 0 && pool.state[m] === GONE) pool.release(m);
  }

  /** Routing of a handled message: the index of its next queue, or -2 when it leaves. */
  routeIndex(g: ConsumerState): number {
    const n = g.routeTo.length;
    if (n === 0) return -2;
    const u = g.rng();
    for (let i = 0; i < n; i++) if (u < g.routeCumulative[i]) return g.routeTo[i].index;
    return -2;
  }

  enqueueNext(q: QueueState, m: number): void {
    this.pool.deliveries[m] = 0;
    this.enqueue(q, m);
  }

  /** A server with room takes more: started from its buffer, then fetched (push) or polled for. */
  refill(s: ServerState): void {
    this.startHandling(s);
    const g = s.group;
    if (s.phase === RETIRING) {
      if (s.held === 0) serverLeft(this, s);
      return;
    }
    if (g.down > 0) return;
    if (g.poll) {
      if (s.held < g.prefetch && !s.pollScheduled && !s.longPoll) schedulePoll(this, s, this.calendar.now);
      return;
    }
    const q = g.queue;
    while (s.held < g.prefetch && q.line.size > 0) {
      const m = q.line.pop();
      this.recorder.lengthChanged(this.calendar.now, q.index, q.line.size);
      this.deliver(s, m);
    }
  }

  // ---- Leaving and replies -------------------------------------------------------------------

  /** The message is done at its last queue: it leaves, or first sends its reply. */
  leave(g: ConsumerState, m: number): void {
    const now = this.calendar.now;
    const pool = this.pool;
    this.recorder.complete(now, now - pool.firstEnqueuedAt[m]);
    if (g.reply === null) {
      this.recorder.endToEndLatency(now, now - pool.producedAt[m]);
      answered(this, m);
    } else {
      pool.state[m] = REPLYING;
      this.replying++;
      this.calendar.schedule(now + g.reply.sample(g.rng), E.REPLY, 0, m);
      return;
    }
    this.finishMessage(m);
  }

  replyArrives(m: number): void {
    const now = this.calendar.now;
    this.recorder.replied++;
    this.replying--;
    this.recorder.endToEndLatency(now, now - this.pool.producedAt[m]);
    answered(this, m);
    this.finishMessage(m);
  }

  /**
   * The message is out of the system (left, replied, lost, dropped): its closed-loop client, if
   * any, thinks and sends again; its row is freed once no server holds a delivery of it.
   */
  finishMessage(m: number): void {
    const pool = this.pool;
    this.present--;
    const client = pool.client[m];
    if (client >= 0) scheduleSend(this, this.producers[pool.producer[m]], client, this.calendar.now);
    pool.client[m] = -1;
    if (pool.active[m] === 0) pool.release(m);
    else pool.state[m] = GONE; // freed with its last delivery (releaseDelivery)
  }

  wrap(err: unknown): SimulationError {
    const cal = this.calendar;
    const k = cal.kind;
    const what =
      k === E.ARRIVAL || k === E.SEND || k === E.TIMEOUT || k === E.RETRY
        ? `producer ${this.producers[cal.target]?.id}`
        : k === E.HANDLING_END || k === E.SHARED_END || k === E.POLL || k === E.POLL_TIMEOUT || k === E.SERVER_UP
          ? `consumer ${this.servers[cal.target]?.group.id}`
          : k === E.DOWN || k === E.UP || k === E.FAIL || k === E.REPAIR || k === E.SCALE || k === E.SLOW_START || k === E.SLOW_END
            ? `consumer ${this.consumers[cal.target]?.id}`
            : k === E.REPLY
              ? 'reply'
              : `queue ${this.queues[cal.target]?.id}`;
    const message = err instanceof Error ? err.message : String(err);
    return new SimulationError(`${what} at t=${cal.now}: ${message}`, { cause: err });
  }
}
