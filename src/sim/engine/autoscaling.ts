// Target-tracking autoscaling of a consumer group (the rule of Kubernetes' HPA and KEDA):
// every `interval` the policy reads its metric and asks for
//   desired = ceil(current * value / target)      ('age', 'utilization')
//   desired = ceil(waiting / target)               ('backlog': the same with value = waiting / current)
// servers, clamped to [min, max], where `current` counts servers UP or STARTING. No decision
// within `cooldown` of the last change. Scaling up first keeps servers still finishing their last
// messages (their leaving is cancelled), then starts new ones, which take messages after
// `startupDelay`. Scaling down drops STARTING servers first, then idle ones, then the least
// loaded busy ones, which finish what they hold (prefetch buffer included) and then leave. So the
// provisioned count (UP + STARTING + RETIRING: what is paid for) stays within [min, max].
import type { Autoscale } from '../scenario/types.ts';
import type { ConsumerState, ServerState } from './model.ts';
import type { Simulation } from './simulation.ts';
import * as E from './events.ts';
import { OFF, RETIRING, STARTING, UP } from './serverPhase.ts';

/** ceil(x) that ignores rounding noise: 10 * 0.7 / 0.7 asks for 10 servers, not 11. */
const ROUNDING = 1e-9;

export class Autoscaler {
  /** Servers UP (the group's `servers`) or STARTING. */
  current: number;
  readonly starting: ServerState[] = [];
  readonly retiring: ServerState[] = [];
  readonly off: ServerState[] = [];
  lastChange = -Infinity;
  /** Over the current interval: busy units x s, and running servers (UP + RETIRING) x s. */
  private busyArea = 0;
  private busySince = 0;
  private runningArea = 0;
  private runningSince = 0;
  private running: number;
  /** Changes of the count, and changes whose direction reverses the previous one's. */
  changes = 0;
  reversals = 0;
  private lastDirection = 0;

  constructor(
    readonly policy: Autoscale,
    count: number,
    readonly create: () => ServerState,
  ) {
    this.current = count;
    this.running = count;
  }

  /** Servers provisioned: UP, STARTING and RETIRING. */
  get provisioned(): number {
    return this.current + this.retiring.length;
  }

  /** Called before the group's busy units change (utilization metric). */
  busyChanged(now: number, busyBefore: number): void {
    this.busyArea += busyBefore * (now - this.busySince);
    this.busySince = now;
  }

  runningChanged(now: number, by: number): void {
    this.runningArea += this.running * (now - this.runningSince);
    this.runningSince = now;
    this.running += by;
  }

  /** Busy share of the running servers since the last call (0 when none ran). */
  takeUtilization(now: number, busy: number, unitsPerServer: number): number {
    this.busyChanged(now, busy);
    this.runningChanged(now, 0);
    const u = this.runningArea > 0 ? this.busyArea / (unitsPerServer * this.runningArea) : 0;
    this.busyArea = 0;
    this.runningArea = 0;
    return u;
  }

  /** Counts a change of the count in direction +1 (up) or -1 (down). */
  changed(now: number, direction: number): void {
    this.lastChange = now;
    this.changes++;
    if (this.lastDirection !== 0 && direction !== this.lastDirection) this.reversals++;
    this.lastDirection = direction;
  }
}

export function makeAutoscaler(policy: Autoscale, count: number, create: () => ServerState): Autoscaler {
  return new Autoscaler(policy, count, create);
}

/** The first evaluation comes one interval after t = 0. */
export function startAutoscaling(sim: Simulation, g: ConsumerState): void {
  scheduleEvaluation(sim, g, g.autoscaler!.policy.interval);
}

function scheduleEvaluation(sim: Simulation, g: ConsumerState, at: number): void {
  if (at <= sim.horizon) sim.calendar.schedule(at, E.SCALE, g.index, 0);
}

/** The servers the policy asks for now, clamped to [min, max]. */
export function desiredCount(sim: Simulation, g: ConsumerState): number {
  const a = g.autoscaler!;
  const { metric, target, min, max } = a.policy;
  const now = sim.calendar.now;
  const line = g.queue.line;
  let want: number;
  if (metric === 'backlog') want = line.size / target;
  else if (metric === 'age') want = (a.current * (line.size > 0 ? now - sim.pool.enqueuedAt[line.oldest()] : 0)) / target;
  else want = (a.current * a.takeUtilization(now, g.busy, g.shared ? 1 : g.concurrency)) / target;
  return Math.min(max, Math.max(min, Math.ceil(want - ROUNDING)));
}

/** SCALE: one evaluation of the policy. */
export function evaluate(sim: Simulation, g: ConsumerState): void {
  const a = g.autoscaler!;
  const now = sim.calendar.now;
  scheduleEvaluation(sim, g, now + a.policy.interval);
  const desired = desiredCount(sim, g); // always measured, so 'utilization' covers one interval
  if (now - a.lastChange < a.policy.cooldown || desired === a.current) return;
  if (desired > a.current) scaleUp(sim, g, desired - a.current);
  else scaleDown(sim, g, a.current - desired);
  a.changed(now, desired > a.current ? 1 : -1);
  a.current = desired;
  sim.recorder.consumersChanged(now, g.index, a.provisioned);
}

function scaleUp(sim: Simulation, g: ConsumerState, k: number): void {
  const a = g.autoscaler!;
  const now = sim.calendar.now;
  for (; k > 0 && a.retiring.length > 0; k--) {
    const s = a.retiring.pop()!;
    s.phase = UP;
    g.servers.push(s);
    sim.refill(s);
  }
  for (; k > 0; k--) {
    const s = a.off.pop() ?? a.create();
    if (a.policy.startupDelay === 0) {
      bringUp(sim, s);
    } else {
      s.phase = STARTING;
      a.starting.push(s);
      sim.calendar.schedule(now + a.policy.startupDelay, E.SERVER_UP, s.index, 0, ++s.startSerial);
    }
  }
}

function scaleDown(sim: Simulation, g: ConsumerState, k: number): void {
  const a = g.autoscaler!;
  const now = sim.calendar.now;
  for (; k > 0 && a.starting.length > 0; k--) {
    const s = a.starting.pop()!;
    s.startSerial++; // its start-up end is now stale
    s.phase = OFF;
    a.off.push(s);
  }
  const servers = g.servers;
  for (let i = servers.length - 1; k > 0 && i >= 0; i--) {
    if (servers[i].held > 0) continue;
    const s = servers.splice(i, 1)[0];
    stopTaking(s);
    s.phase = OFF;
    a.off.push(s);
    a.runningChanged(now, -1);
    k--;
  }
  for (; k > 0; k--) {
    let pick = servers.length - 1;
    for (let i = pick - 1; i >= 0; i--) if (servers[i].held < servers[pick].held) pick = i;
    const s = servers.splice(pick, 1)[0];
    stopTaking(s);
    s.phase = RETIRING;
    a.retiring.push(s);
  }
}

/** A long poll open on a server that stops taking messages is closed (its timeout goes stale). */
function stopTaking(s: ServerState): void {
  if (s.longPoll) {
    s.longPoll = false;
    s.pollSerial++;
  }
}

function bringUp(sim: Simulation, s: ServerState): void {
  const g = s.group;
  s.phase = UP;
  g.servers.push(s);
  g.autoscaler!.runningChanged(sim.calendar.now, 1);
  sim.refill(s); // push: takes waiting messages; poll: polls
}

/** SERVER_UP: a start-up delay ended (ignored if the start was cancelled since). */
export function serverStarted(sim: Simulation, s: ServerState, serial: number): void {
  if (s.phase !== STARTING || serial !== s.startSerial) return;
  const a = s.group.autoscaler!;
  a.starting.splice(a.starting.indexOf(s), 1);
  bringUp(sim, s);
}

/** A RETIRING server let go of its last message: it leaves. */
export function serverLeft(sim: Simulation, s: ServerState): void {
  const g = s.group;
  const a = g.autoscaler!;
  const now = sim.calendar.now;
  a.retiring.splice(a.retiring.indexOf(s), 1);
  s.phase = OFF;
  a.off.push(s);
  a.runningChanged(now, -1);
  sim.recorder.consumersChanged(now, g.index, a.provisioned);
}
