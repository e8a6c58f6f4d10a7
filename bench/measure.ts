// Timing helpers: a figure is the median of several runs, with their min and max.
import { Simulation } from '../src/sim/engine/simulation.ts';
import type { Scenario } from '../src/sim/scenario/types.ts';
import { replicationFigures } from '../src/sim/summary.ts';

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function spread(xs: readonly number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  const median = n % 2 === 1 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  return { median, min: s[0], max: s[n - 1], runs: n };
}

export interface EngineRun {
  seconds: number;
  /** CPU time of this process over the run (user + system): less skewed by other work on the machine. */
  cpuSeconds: number;
  messages: number;
  /** Events the calendar handed out (EventCalendar.processed). */
  events: number;
}

/** One replication through the full engine, recorder and per-replication figures, timed. */
export function engineRun(scenario: Scenario): EngineRun {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const sim = new Simulation(scenario, 0, 0);
  sim.run();
  const figures = replicationFigures(sim);
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6, messages: figures.totals.produced, events: sim.calendar.processed };
}

/** `runs` engine runs: messages/s and events/s (per wall-clock and per CPU second) over the runs. */
export function engineRate(scenario: Scenario, runs: number) {
  const all = Array.from({ length: runs }, () => engineRun(scenario));
  return {
    messages: spread(all.map((r) => r.messages / r.seconds)),
    events: spread(all.map((r) => r.events / r.seconds)),
    messagesPerCpu: spread(all.map((r) => r.messages / r.cpuSeconds)),
    eventsPerCpu: spread(all.map((r) => r.events / r.cpuSeconds)),
    count: all[0],
  };
}
