import type { EventCalendar } from './calendar.ts';
import type { DeliveryPool } from './deliveryPool.ts';
import type { ServerState } from './model.ts';

/**
 * Processor sharing on one server ('async' handling with shared: true): the n deliveries in
 * handling each progress at speed 1/n. Kept exact with a virtual time V that advances at rate
 * 1/n: a delivery started at V0 with work w finishes when V reaches V0 + w, so only the server's
 * next completion is on the calendar, rescheduled whenever n changes (Kleinrock, Queueing
 * Systems vol. 2, section 4.4).
 */

/** Brings the virtual time up to `now`. */
function advance(s: ServerState, now: number): void {
  const n = s.jobs.length;
  if (n > 0) s.virtualTime += (now - s.virtualSince) / n;
  s.virtualSince = now;
}

/** (Re)schedules the server's next completion as event `kind`. */
function reschedule(cal: EventCalendar, s: ServerState, dp: DeliveryPool, kind: number): void {
  if (s.completionEvent >= 0) cal.cancel(s.completionEvent);
  s.completionEvent = -1;
  const n = s.jobs.length;
  if (n === 0) return;
  let first = dp.finishV[s.jobs[0]];
  for (let i = 1; i < n; i++) if (dp.finishV[s.jobs[i]] < first) first = dp.finishV[s.jobs[i]];
  s.completionEvent = cal.schedule(cal.now + Math.max(0, first - s.virtualTime) * n, kind, s.index, 0);
}

/** Starts delivery d with `work` seconds of work; returns true when the server was idle. */
export function addJob(cal: EventCalendar, s: ServerState, dp: DeliveryPool, d: number, work: number, kind: number): boolean {
  advance(s, cal.now);
  dp.finishV[d] = s.virtualTime + work;
  s.jobs.push(d);
  reschedule(cal, s, dp, kind);
  return s.jobs.length === 1;
}

/** The due completion: removes and returns its delivery (the server may now be idle). */
export function completeJob(cal: EventCalendar, s: ServerState, dp: DeliveryPool, kind: number): number {
  advance(s, cal.now);
  s.completionEvent = -1;
  const jobs = s.jobs;
  let at = 0;
  for (let i = 1; i < jobs.length; i++) if (dp.finishV[jobs[i]] < dp.finishV[jobs[at]]) at = i;
  const d = jobs[at];
  jobs[at] = jobs[jobs.length - 1];
  jobs.pop();
  reschedule(cal, s, dp, kind);
  return d;
}

/** A crash: every delivery in handling, removed; nothing stays scheduled. */
export function drainJobs(cal: EventCalendar, s: ServerState): number[] {
  if (s.completionEvent >= 0) cal.cancel(s.completionEvent);
  s.completionEvent = -1;
  s.virtualSince = cal.now;
  return s.jobs.splice(0);
}
