// A pass of all replications for the core's runExperimentWith (models/experiment.ts), run in
// slices so that a worker can stream samples and obey Pause / Step / speed between them. It is
// simulate() (sim/run.ts) with the loop opened: the same Simulation per replication, the same
// accumulator, replicationFigures and summarise in the same order, so the result is the same
// object, byte for byte once serialised. Pure: no DOM, no worker API, testable in Node.
import type { SimulatePass } from '../../models/experiment.ts';
import { Simulation } from '../../sim/engine/simulation.ts';
import { sampleGrid } from '../../sim/engine/recorder.ts';
import { SeriesAccumulator, type Series } from '../../sim/series.ts';
import { replicationFigures, summarise, type ReplicationFigures } from '../../sim/summary.ts';

/** 'pilot': the warm-up-free pass that warmup "auto" runs first; 'main': the pass summarised. */
export type Phase = 'pilot' | 'main';

export interface PassPosition {
  phase: Phase;
  replication: number;
}

export interface ClosedReplication extends PassPosition {
  /** The finished replication (recorder closed at the horizon). */
  sim: Simulation;
  figures: ReplicationFigures;
  /** Mean series over this pass's replications so far (the core's accumulator). */
  mean: Series;
}

export interface PassHooks {
  /** Runs `sim` some way towards its horizon (sim.runUntil), waiting first if it must. */
  advance(sim: Simulation, at: PassPosition): void | Promise<void>;
  /** A replication was closed. */
  closed?(c: ClosedReplication): void;
  /** A replication starts (its Simulation is new). */
  opened?(sim: Simulation, at: PassPosition): void;
}

export function streamedPass(hooks: PassHooks): SimulatePass {
  let passes = 0;
  return async (scenario, options) => {
    const phase: Phase = scenario.warmup === 'auto' && passes++ === 0 ? 'pilot' : 'main';
    const { warmup } = options;
    const series = new SeriesAccumulator(
      sampleGrid(scenario.horizon, scenario.sampleEvery),
      scenario.queues.map((q) => q.id),
      scenario.consumers.map((c) => c.id),
    );
    const figures: ReplicationFigures[] = [];
    for (let r = 0; r < scenario.replications; r++) {
      const at = { phase, replication: r };
      const sim = new Simulation(scenario, r, warmup);
      hooks.opened?.(sim, at);
      while (sim.now < scenario.horizon) await hooks.advance(sim, at);
      sim.recorder.finish();
      series.add(sim.recorder);
      const f = replicationFigures(sim);
      figures.push(f);
      hooks.closed?.({ ...at, sim, figures: f, mean: series.result() });
    }
    return { summary: summarise(scenario, warmup, figures), series: series.result() };
  };
}
