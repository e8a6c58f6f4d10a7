// Client timeouts and retries. A request is what a client wants done; each attempt at it is a
// message. The client waits `timeout` s for the attempt's reply (the REPLY event, or the message
// done at its last queue when no consumer replies). If it comes in time the request succeeds
// (goodput); else the client stops waiting for that attempt, which may still be handled later
// (wasted work), and retries after a backoff with a new message, until maxAttempts or the retry
// budget runs out (the request gives up). Messages lost on the way (rejected, expired...) are
// noticed the same way: by the timeout.
import type { Simulation } from './simulation.ts';
import type { ProducerState } from './model.ts';
import * as E from './events.ts';
import { growF64, growI32 } from './typedArrays.ts';
import { scheduleSend } from './producing.ts';

/** Requests waiting for an attempt's reply or for a retry, as recycled rows of typed arrays. */
export class RequestPool {
  /** Attempts sent so far. */
  attempts = new Int32Array(64);
  /** The attempt the client waits for (its unique number), or -1 (between attempts). */
  current = new Float64Array(64);
  /** The closed-loop client that sent it (it sends again when the request ends), or -1. */
  client = new Int32Array(64);
  private free = new Int32Array(64);
  private freeCount = 0;
  private rows = 0;
  /** Attempts numbered 0, 1, 2 ... over the run. */
  nextAttempt = 0;

  alloc(): number {
    if (this.freeCount > 0) return this.init(this.free[--this.freeCount]);
    if (this.rows === this.attempts.length) {
      const n = this.rows * 2;
      this.attempts = growI32(this.attempts, n);
      this.current = growF64(this.current, n);
      this.client = growI32(this.client, n);
      this.free = growI32(this.free, n);
    }
    return this.init(this.rows++);
  }

  release(r: number): void {
    this.current[r] = -1;
    this.free[this.freeCount++] = r;
  }

  private init(r: number): number {
    this.attempts[r] = 0;
    this.current[r] = -1;
    this.client[r] = -1;
    return r;
  }
}

/**
 * Message m is attempt one of a new request (r = -1) or the next attempt of request r. A
 * closed-loop client belongs to the request, not to the message: it sends again when the
 * request ends (answered in time, or given up), not when an attempt leaves.
 */
export function startAttempt(sim: Simulation, p: ProducerState, m: number, r: number): void {
  const requests = sim.requests;
  if (r < 0) {
    r = requests.alloc();
    requests.client[r] = sim.pool.client[m];
    sim.pool.client[m] = -1;
    sim.recorder.requests++;
    if (p.retry?.budget) p.tokens = Math.min(p.retry.budget.burst, p.tokens + p.retry.budget.ratio);
  }
  const id = requests.nextAttempt++;
  requests.attempts[r]++;
  requests.current[r] = id;
  sim.pool.request[m] = r;
  sim.pool.attempt[m] = id;
  sim.calendar.schedule(sim.calendar.now + p.timeout, E.TIMEOUT, p.index, r, id);
}

/** TIMEOUT: the client stops waiting for attempt `id` (unless it was answered since). */
export function attemptTimedOut(sim: Simulation, p: ProducerState, r: number, id: number): void {
  const requests = sim.requests;
  if (requests.current[r] !== id) return;
  const rec = sim.recorder;
  rec.timedOut++;
  requests.current[r] = -1;
  const retry = p.retry;
  const k = requests.attempts[r];
  if (retry === null || k >= retry.maxAttempts || p.tokens < 1) {
    rec.gaveUp++;
    end(sim, p, r);
    return;
  }
  p.tokens -= 1; // Infinity without a budget
  sim.calendar.schedule(sim.calendar.now + backoff(p, k), E.RETRY, p.index, r);
}

/**
 * Delay before retry k (k = 1 after the first attempt): base, or base * 2^(k-1) for
 * 'exponential', at most cap; then jitter ("Exponential Backoff and Jitter", M. Brooker, AWS
 * Architecture Blog, 2015): 'full' = uniform on [0, d], 'equal' = d/2 + uniform on [0, d/2].
 */
export function backoff(p: ProducerState, k: number): number {
  const retry = p.retry!;
  const cap = retry.cap ?? Infinity;
  let d = retry.base;
  if (retry.backoff === 'exponential') for (let i = 1; i < k && d < cap; i++) d *= 2;
  if (d > cap) d = cap;
  if (retry.jitter === 'full') return d * p.rng();
  if (retry.jitter === 'equal') return d / 2 + (d / 2) * p.rng();
  return d;
}

/** The reply of message m reached its client (or m is done, with no reply): in time or wasted. */
export function answered(sim: Simulation, m: number): void {
  const r = sim.pool.request[m];
  const now = sim.calendar.now;
  if (r < 0) {
    sim.recorder.answered(now, true);
    return;
  }
  const requests = sim.requests;
  if (requests.current[r] === sim.pool.attempt[m]) {
    sim.recorder.answered(now, true);
    end(sim, sim.producers[sim.pool.producer[m]], r);
  } else {
    sim.recorder.wasted++;
    sim.recorder.answered(now, false);
  }
}

/** Request r is over: its row is freed and its closed-loop client, if any, thinks and sends again. */
function end(sim: Simulation, p: ProducerState, r: number): void {
  const client = sim.requests.client[r];
  sim.requests.release(r);
  if (client >= 0) scheduleSend(sim, p, client, sim.calendar.now);
}
