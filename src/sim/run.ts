import type { Scenario } from './scenario/types.ts';
import { Simulation } from './engine/simulation.ts';
import { sampleGrid } from './engine/recorder.ts';
import { SeriesAccumulator, type Series } from './series.ts';
import { replicationFigures, summarise, type Summary } from './summary.ts';

export interface Progress {
  /** Replications finished, and simulated time reached in the current one. */
  replication: number;
  replications: number;
  time: number;
  /** Overall fraction done, 0..1. */
  fraction: number;
  /** Messages produced so far, over all replications of this pass (for a messages/s figure). */
  messages?: number;
}

export interface SimulateOptions {
  /** Seconds deleted from the summary statistics (a number: 'auto' is resolved by the caller). */
  warmup: number;
  onProgress?: (p: Progress) => void;
  /** Progress reports per replication (default 20). */
  progressSteps?: number;
}

export interface SimulationOutput {
  summary: Summary;
  series: Series;
}

/**
 * Runs every replication of a checked scenario and combines them. Replication r draws from the
 * streams keyed (seed, r, component id), so its result does not depend on which others run.
 */
export function simulate(scenario: Scenario, options: SimulateOptions): SimulationOutput {
  const { warmup, onProgress } = options;
  const steps = onProgress ? (options.progressSteps ?? 20) : 1;
  const series = new SeriesAccumulator(
    sampleGrid(scenario.horizon, scenario.sampleEvery),
    scenario.queues.map((q) => q.id),
    scenario.consumers.map((c) => c.id),
  );
  const figures = [];
  const reps = scenario.replications;
  let producedBefore = 0;
  for (let r = 0; r < reps; r++) {
    const sim = new Simulation(scenario, r, warmup);
    for (let s = 1; s <= steps; s++) {
      sim.runUntil((scenario.horizon * s) / steps);
      const messages = producedBefore + sim.recorder.produced;
      onProgress?.({ replication: r, replications: reps, time: sim.now, fraction: (r + s / steps) / reps, messages });
    }
    producedBefore += sim.recorder.produced;
    sim.recorder.finish();
    series.add(sim.recorder);
    figures.push(replicationFigures(sim));
  }
  return { summary: summarise(scenario, warmup, figures), series: series.result() };
}
