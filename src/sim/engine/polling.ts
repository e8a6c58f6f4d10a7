// Polling as SQS-style clients do it: poll; if messages came, handle them and poll again as soon as
// there is room; if none came (after the long-poll wait), poll again `interval` after this poll
// began. In light traffic a message waits for the next poll: about interval / 2.
import type { Simulation } from './simulation.ts';
import type { ServerState } from './model.ts';
import * as E from './events.ts';
import { UP } from './serverPhase.ts';

export function schedulePoll(sim: Simulation, s: ServerState, at: number): void {
  s.pollScheduled = true;
  sim.calendar.schedule(at, E.POLL, s.index, 0);
}

export function poll(sim: Simulation, s: ServerState): void {
  const g = s.group;
  const now = sim.calendar.now;
  s.pollScheduled = false;
  if (g.down > 0 || s.phase !== UP) return; // comeUp() (or the server's start) polls again
  sim.recorder.polls++;
  const q = g.queue;
  let taken = 0;
  while (taken < g.batch && s.held < g.prefetch && q.line.size > 0) {
    const m = q.line.pop();
    sim.recorder.lengthChanged(now, q.index, q.line.size);
    sim.deliver(s, m);
    taken++;
  }
  if (taken > 0) {
    if (s.held < g.prefetch) schedulePoll(sim, s, now);
  } else if (g.wait > 0) {
    s.longPoll = true;
    s.pollStarted = now;
    sim.calendar.schedule(now + g.wait, E.POLL_TIMEOUT, s.index, 0, ++s.pollSerial);
  } else {
    sim.recorder.emptyPolls++;
    schedulePoll(sim, s, now + g.interval);
  }
}

export function pollTimeout(sim: Simulation, s: ServerState, serial: number): void {
  if (!s.longPoll || serial !== s.pollSerial) return;
  sim.recorder.emptyPolls++;
  s.longPoll = false;
  schedulePoll(sim, s, Math.max(s.pollStarted + s.group.interval, sim.calendar.now));
}

/** An open long poll is answered by a message that just arrived. */
export function answerLongPoll(sim: Simulation, s: ServerState): void {
  s.longPoll = false;
  s.pollSerial++;
  if (s.held < s.group.prefetch) schedulePoll(sim, s, sim.calendar.now);
}
