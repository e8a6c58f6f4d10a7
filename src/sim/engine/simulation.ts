import type { Scenario } from '../scenario/types.ts';
import { createStream } from '../random/streams.ts';
import { EventCalendar } from './calendar.ts';
import { DeliveryPool } from './deliveryPool.ts';
import { GONE, MessagePool, QUEUED, REPLYING, TAKEN, TRANSIT, UNACKED } from './messagePool.ts';
import { Recorder } from './recorder.ts';
import { compileModel, type ConsumerState, type ProducerState, type QueueState, type ServerState } from './model.ts';
import { nextArrivalTime, pickQueue } from './producers.ts';
import { PriorityClasses } from './priorityClasses.ts';
import { addJob, completeJob, drainJobs } from './processorSharing.ts';

/** Event kinds. Equal-time events run in scheduling order (see EventCalendar). */
const ARRIVAL = 0; // target: producer (open loop)
const SEND = 1; // target: producer, payload: client (closed loop)
const TRANSPORT_END = 2; // target: queue, payload: message
const HANDLING_END = 3; // target: server, payload: delivery
const SHARED_END = 4; // target: server (processor sharing: its next completion)
const VISIBILITY = 5; // target: consumer group that delivered, payload: message, aux: delivery serial
const EXPIRY = 6; // target: queue; its oldest message may have outlived the ttl
const POLL = 7; // target: server
const POLL_TIMEOUT = 8; // target: server, aux: poll serial
const REPLY = 9; // payload: message
const DOWN = 10; // target: consumer group (an outage window or a failure starts)
const UP = 11; // target: consumer group (it ends)
const FAIL = 12; // target: consumer group (failure process: up -> down)
const REPAIR = 13; // target: consumer group (failure process: down -> up)

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
    this.recorder = new Recorder(this.queues.length, this.consumers.length, warmup, scenario.horizon, scenario.sampleEvery);
    this.classes = PriorityClasses.needed(scenario) ? new PriorityClasses(this.recorder) : null;
    const cal = this.calendar;
    for (const p of this.producers) {
      if (!p.closed) this.scheduleArrival(p, p.start);
      else for (let c = 0; c < p.clients; c++) this.scheduleSend(p, c, p.start);
    }
    for (const g of this.consumers) {
      for (const w of g.outages) {
        cal.schedule(w.start, DOWN, g.index, 0);
        cal.schedule(w.end, UP, g.index, 0);
      }
      if (g.failures) cal.schedule(g.failures.mtbf.sample(g.rng), FAIL, g.index, 0);
      // Servers first poll at a random phase, so a group's polls do not march in step.
      if (g.poll) for (const s of g.servers) this.schedulePoll(s, g.rng() * g.interval);
    }
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

  private dispatch(kind: number, target: number, payload: number, aux: number): void {
    switch (kind) {
      case ARRIVAL:
        return this.arrival(this.producers[target]);
      case SEND:
        return this.send(this.producers[target], payload);
      case TRANSPORT_END:
        return this.enqueue(this.queues[target], payload);
      case HANDLING_END:
        return this.handlingEnd(this.servers[target], payload);
      case SHARED_END:
        return this.sharedEnd(this.servers[target]);
      case VISIBILITY:
        return this.visibilityTimeout(this.consumers[target], payload, aux);
      case EXPIRY:
        return this.expire(this.queues[target]);
      case POLL:
        return this.poll(this.servers[target]);
      case POLL_TIMEOUT:
        return this.pollTimeout(this.servers[target], aux);
      case REPLY:
        return this.replyArrives(payload);
      case DOWN:
        return this.goDown(this.consumers[target]);
      case UP:
        return this.comeUp(this.consumers[target]);
      case FAIL:
        this.calendar.schedule(this.now + this.consumers[target].failures!.mttr.sample(this.consumers[target].rng), REPAIR, target, 0);
        return this.goDown(this.consumers[target]);
      case REPAIR:
        this.calendar.schedule(this.now + this.consumers[target].failures!.mtbf.sample(this.consumers[target].rng), FAIL, target, 0);
        return this.comeUp(this.consumers[target]);
    }
  }

  // ---- Producers -------------------------------------------------------------------------

  private scheduleArrival(p: ProducerState, from: number): void {
    if (p.sent >= p.limit) return;
    const t = nextArrivalTime(p, from);
    if (t < p.stop && t <= this.horizon) this.calendar.schedule(t, ARRIVAL, p.index, 0);
  }

  private scheduleSend(p: ProducerState, client: number, from: number): void {
    if (p.sent >= p.limit) return;
    const t = from + (p.think === null ? 0 : p.think.sample(p.rng));
    if (t < p.stop && t <= this.horizon) this.calendar.schedule(t, SEND, p.index, client);
  }

  private arrival(p: ProducerState): void {
    this.produce(p, -1);
    this.scheduleArrival(p, this.calendar.now);
  }

  private send(p: ProducerState, client: number): void {
    this.produce(p, client);
  }

  /** A new message from `p` (for closed-loop `client`, or -1): to its queue, maybe via transport. */
  private produce(p: ProducerState, client: number): void {
    const now = this.calendar.now;
    const pool = this.pool;
    const m = pool.alloc();
    pool.producedAt[m] = now;
    pool.firstEnqueuedAt[m] = NaN;
    pool.priority[m] = p.priorityDist === null ? p.priority : p.priorityDist.sample(p.rng);
    pool.producer[m] = p.index;
    pool.client[m] = client;
    if (this.classes) pool.klass[m] = this.classes.of(pool.priority[m]);
    p.sent++;
    this.present++;
    this.recorder.produced++;
    const q = this.queues[pickQueue(p)];
    const tr = p.transport;
    if (tr === null) {
      this.enqueue(q, m);
      return;
    }
    // Each attempt is lost with probability `loss`: udp gives up, tcp resends after rto.
    let delay = tr.overhead === null ? 0 : tr.overhead.sample(p.rng);
    while (p.rng() < tr.loss) {
      if (!tr.resend) {
        this.recorder.lostInTransit++;
        this.finishMessage(m);
        return;
      }
      delay += tr.rto;
    }
    delay += tr.delay.sample(p.rng);
    this.calendar.schedule(now + delay, TRANSPORT_END, q.index, m);
  }

  // ---- Queues ----------------------------------------------------------------------------

  /** A message arrives at a queue: straight to a server that can take it, else it waits (or is lost). */
  private enqueue(q: QueueState, m: number, requeued = false): void {
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
      if (answering) this.answerLongPoll(s);
      return;
    }
    if (q.preemptive && this.preempt(q, m)) return;
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
    if (q.ttl < Infinity && !q.expiryPending) this.scheduleExpiry(q);
  }

  /**
   * A server that takes a message arriving now: with push, an up server with a free prefetch
   * slot (the least loaded, so prefetch does not pile work on one server); with poll, a server
   * whose long poll is open. Groups in scenario order.
   */
  private readyServer(q: QueueState): ServerState | null {
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
      const m = line.popOldest();
      this.recorder.expire(now, q.index);
      this.finishMessage(m);
      changed = true;
    }
    if (changed) this.recorder.lengthChanged(now, q.index, line.size);
    if (line.size > 0) this.scheduleExpiry(q);
  }

  // ---- Delivery and handling ---------------------------------------------------------------

  /** Hands message `m` to server `s`: it is fetched (its wait ends) and held until acked. */
  private deliver(s: ServerState, m: number): void {
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
        this.calendar.schedule(now + g.visibilityTimeout, VISIBILITY, g.index, m, this.deliveries.serial[d]);
      }
    } else {
      pool.state[m] = TAKEN;
    }
    s.held++;
    this.recorder.heldChanged(now, q.index, ++q.inService);
    s.buffer.pushBack(d);
    this.startHandling(s);
  }

  /** Starts buffered deliveries while the server has handling capacity. */
  private startHandling(s: ServerState): void {
    const g = s.group;
    const pool = this.pool;
    const dp = this.deliveries;
    while (s.handling < g.concurrency && s.buffer.size > 0) {
      const d = s.buffer.popFront();
      const m = dp.msg[d];
      const resumed = pool.remaining[m];
      const work = resumed === resumed ? resumed : g.service.sample(g.rng);
      pool.remaining[m] = NaN;
      dp.work[d] = work;
      s.handling++;
      if (g.shared) {
        if (addJob(this.calendar, s, dp, d, work, SHARED_END)) this.setBusy(g, g.busy + 1);
      } else {
        dp.event[d] = this.calendar.schedule(this.calendar.now + work, HANDLING_END, s.index, d);
        if (g.tracksHandling) s.handlingList.push(d);
        this.setBusy(g, g.busy + 1);
      }
    }
  }

  private setBusy(g: ConsumerState, busy: number): void {
    g.busy = busy;
    this.recorder.busyChanged(this.calendar.now, g.index, busy);
  }

  private handlingEnd(s: ServerState, d: number): void {
    this.deliveries.event[d] = -1;
    if (s.group.tracksHandling) removeItem(s.handlingList, d);
    s.handling--;
    this.setBusy(s.group, s.group.busy - 1);
    this.handled(s, d);
  }

  private sharedEnd(s: ServerState): void {
    const d = completeJob(this.calendar, s, this.deliveries, SHARED_END);
    s.handling--;
    if (s.jobs.length === 0) this.setBusy(s.group, s.group.busy - 1);
    this.handled(s, d);
  }

  /**
   * Handling of delivery `d` ended: it failed or succeeded; a success is acked (the ack may be
   * lost); the accepted ack moves the message on. Then the server takes more work.
   */
  private handled(s: ServerState, d: number): void {
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
      if (pool.handled[m]++ > 0) rec.duplicates++;
      rec.handle(now, q.index, g.index, pool.klass[m], now - pool.enqueuedAt[m]);
      const acked = g.manualAck ? g.ackLoss === 0 || g.rng() >= g.ackLoss : true;
      if (acked && (g.manualAck ? this.isLive(m, serial) : pool.state[m] === TAKEN)) next = this.routeIndex(g);
    }
    // The freed server takes more work before the message moves on, so a message fed back into
    // this queue joins behind those already waiting.
    this.refill(s);
    if (next === -3) this.finishMessage(m);
    else if (next === -4) this.redeliver(q, m, g);
    else if (next >= 0) this.enqueueNext(this.queues[next], m);
    else if (next === -2) this.leave(g, m);
  }

  /** Whether delivery `serial` is the message's latest and the broker still waits for its ack. */
  private isLive(m: number, serial: number): boolean {
    return this.pool.state[m] === UNACKED && this.pool.lastDelivery[m] === serial;
  }

  /** The server lets go of delivery d; a message already gone is freed with its last delivery. */
  private releaseDelivery(s: ServerState, d: number): void {
    const pool = this.pool;
    const m = this.deliveries.msg[d];
    this.deliveries.release(d);
    s.held--;
    const q = s.group.queue;
    this.recorder.heldChanged(this.calendar.now, q.index, --q.inService);
    if (--pool.active[m] === 0 && pool.state[m] === GONE) pool.release(m);
  }

  /** Routing of a handled message: the index of its next queue, or -2 when it leaves. */
  private routeIndex(g: ConsumerState): number {
    const n = g.routeTo.length;
    if (n === 0) return -2;
    const u = g.rng();
    for (let i = 0; i < n; i++) if (u < g.routeCumulative[i]) return g.routeTo[i].index;
    return -2;
  }

  private enqueueNext(q: QueueState, m: number): void {
    this.pool.deliveries[m] = 0;
    this.pool.handled[m] = 0;
    this.enqueue(q, m);
  }

  /** A server with room takes more: started from its buffer, then fetched (push) or polled for. */
  private refill(s: ServerState): void {
    this.startHandling(s);
    const g = s.group;
    if (g.down > 0) return;
    if (g.poll) {
      if (s.held < g.prefetch && !s.pollScheduled && !s.longPoll) this.schedulePoll(s, this.calendar.now);
      return;
    }
    const q = g.queue;
    while (s.held < g.prefetch && q.line.size > 0) {
      const m = q.line.pop();
      this.recorder.lengthChanged(this.calendar.now, q.index, q.line.size);
      this.deliver(s, m);
    }
  }

  // ---- Acks, redelivery, dead letters -------------------------------------------------------

  private visibilityTimeout(g: ConsumerState, m: number, serial: number): void {
    if (!this.isLive(m, serial)) return; // acked, or delivered again since
    this.redeliver(g.queue, m, g);
  }

  /** The message becomes visible again: requeued, or dead-lettered after maxDeliveries. */
  private redeliver(q: QueueState, m: number, g: ConsumerState): void {
    const pool = this.pool;
    if (pool.deliveries[m] >= g.maxDeliveries) {
      this.recorder.deadLettered++;
      if (g.deadLetter !== null) {
        this.enqueueNext(g.deadLetter, m);
      } else {
        this.recorder.deadLetterDropped++;
        this.finishMessage(m);
      }
      return;
    }
    this.enqueue(q, m, true);
  }

  // ---- Leaving and replies -------------------------------------------------------------------

  /** The message is done at its last queue: it leaves, or first sends its reply. */
  private leave(g: ConsumerState, m: number): void {
    const now = this.calendar.now;
    const pool = this.pool;
    this.recorder.complete(now, now - pool.firstEnqueuedAt[m]);
    if (g.reply === null) this.recorder.endToEndLatency(now, now - pool.producedAt[m]);
    else {
      pool.state[m] = REPLYING;
      this.replying++;
      this.calendar.schedule(now + g.reply.sample(g.rng), REPLY, 0, m);
      return;
    }
    this.finishMessage(m);
  }

  private replyArrives(m: number): void {
    const now = this.calendar.now;
    this.recorder.replied++;
    this.replying--;
    this.recorder.endToEndLatency(now, now - this.pool.producedAt[m]);
    this.finishMessage(m);
  }

  /**
   * The message is out of the system (left, replied, lost, dropped): its closed-loop client, if
   * any, thinks and sends again; its row is freed once no server holds a delivery of it.
   */
  private finishMessage(m: number): void {
    const pool = this.pool;
    this.present--;
    const client = pool.client[m];
    if (client >= 0) this.scheduleSend(this.producers[pool.producer[m]], client, this.calendar.now);
    pool.client[m] = -1;
    if (pool.active[m] === 0) pool.release(m);
    else pool.state[m] = GONE; // freed with its last delivery (releaseDelivery)
  }

  // ---- Polling ----------------------------------------------------------------------------
  // The consumer loop of SQS-style clients: poll; if messages came, handle them and poll again as
  // soon as there is room; if none came (after the long-poll wait), poll again `interval` after
  // this poll began. In light traffic a message waits for the next poll: about interval / 2.

  private schedulePoll(s: ServerState, at: number): void {
    s.pollScheduled = true;
    this.calendar.schedule(at, POLL, s.index, 0);
  }

  private poll(s: ServerState): void {
    const g = s.group;
    const now = this.calendar.now;
    s.pollScheduled = false;
    if (g.down > 0) return; // comeUp() polls again
    this.recorder.polls++;
    const q = g.queue;
    let taken = 0;
    while (taken < g.batch && s.held < g.prefetch && q.line.size > 0) {
      const m = q.line.pop();
      this.recorder.lengthChanged(now, q.index, q.line.size);
      this.deliver(s, m);
      taken++;
    }
    if (taken > 0) {
      if (s.held < g.prefetch) this.schedulePoll(s, now);
    } else if (g.wait > 0) {
      s.longPoll = true;
      s.pollStarted = now;
      this.calendar.schedule(now + g.wait, POLL_TIMEOUT, s.index, 0, ++s.pollSerial);
    } else {
      this.recorder.emptyPolls++;
      this.schedulePoll(s, now + g.interval);
    }
  }

  private pollTimeout(s: ServerState, serial: number): void {
    if (!s.longPoll || serial !== s.pollSerial) return;
    this.recorder.emptyPolls++;
    s.longPoll = false;
    this.schedulePoll(s, Math.max(s.pollStarted + s.group.interval, this.calendar.now));
  }

  /** An open long poll is answered by a message that just arrived. */
  private answerLongPoll(s: ServerState): void {
    s.longPoll = false;
    s.pollSerial++;
    if (s.held < s.group.prefetch) this.schedulePoll(s, this.calendar.now);
  }

  // ---- Outages ---------------------------------------------------------------------------

  /** The group crashes: everything its servers hold is lost (auto ack) or becomes visible again. */
  private goDown(g: ConsumerState): void {
    if (g.down++ > 0) return;
    const dp = this.deliveries;
    for (const s of g.servers) {
      s.longPoll = false;
      s.pollSerial++;
      const held: number[] = g.shared ? drainJobs(this.calendar, s) : s.handlingList.splice(0);
      while (s.buffer.size > 0) held.push(s.buffer.popFront());
      s.handling = 0;
      for (const d of held) {
        if (dp.event[d] >= 0) this.calendar.cancel(dp.event[d]);
        const m = dp.msg[d];
        const serial = dp.serial[d];
        this.releaseDelivery(s, d);
        if (!g.manualAck) {
          this.recorder.lost++;
          this.finishMessage(m);
        } else if (g.visibilityTimeout === Infinity && this.isLive(m, serial)) {
          this.redeliver(g.queue, m, g);
        }
      }
    }
    this.setBusy(g, 0);
  }

  private comeUp(g: ConsumerState): void {
    if (--g.down > 0) return;
    for (const s of g.servers) this.refill(s);
  }

  // ---- Preemption ----------------------------------------------------------------------------

  /**
   * Preemptive-resume priority: a message that finds every server busy displaces the lowest-
   * priority message in service if its own priority is higher; the displaced one goes back to
   * the front of its class with the work it has left. Returns whether it displaced one.
   */
  private preempt(q: QueueState, m: number): boolean {
    const pool = this.pool;
    const dp = this.deliveries;
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
    const now = this.calendar.now;
    const endAt = this.calendar.timeOf(dp.event[victim]);
    this.calendar.cancel(dp.event[victim]);
    removeItem(s.handlingList, victim);
    s.handling--;
    this.setBusy(s.group, s.group.busy - 1);
    this.releaseDelivery(s, victim);
    pool.remaining[vm] = endAt - now;
    pool.deliveries[vm]--; // a resumption is not a redelivery
    pool.state[vm] = QUEUED;
    q.line.pushFront(vm);
    this.recorder.lengthChanged(now, q.index, q.line.size);
    this.deliver(s, m);
    return true;
  }

  private wrap(err: unknown): SimulationError {
    const cal = this.calendar;
    const k = cal.kind;
    const what =
      k === ARRIVAL || k === SEND
        ? `producer ${this.producers[cal.target]?.id}`
        : k === HANDLING_END || k === SHARED_END || k === POLL || k === POLL_TIMEOUT
          ? `consumer ${this.servers[cal.target]?.group.id}`
          : k === DOWN || k === UP || k === FAIL || k === REPAIR
            ? `consumer ${this.consumers[cal.target]?.id}`
            : k === REPLY
              ? 'reply'
              : `queue ${this.queues[cal.target]?.id}`;
    const message = err instanceof Error ? err.message : String(err);
    return new SimulationError(`${what} at t=${cal.now}: ${message}`, { cause: err });
  }
}

/** Removes one item from a short list without allocating (order does not matter). */
function removeItem(list: number[], x: number): void {
  const i = list.indexOf(x);
  list[i] = list[list.length - 1];
  list.pop();
}
