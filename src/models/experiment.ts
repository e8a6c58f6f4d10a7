// One experiment, end to end: checked scenario -> simulate -> summary + series -> theory, fits,
// warnings -> the result file of shared DESIGN.md section 3. The CLI and the lab both call this.
import type { Scenario } from '../sim/scenario/types.ts';
import { simulate, type Progress } from '../sim/run.ts';
import type { Summary } from '../sim/summary.ts';
import type { Series } from '../sim/series.ts';
import { mser5 } from './analysis/mser5.ts';
import { fitSeries, type FitResult } from './expfit/index.ts';
import { theoryFor, type ScenarioTheory } from './theory/index.ts';

export type FittedSeries = 'P' | 'Q' | 'C' | 'H' | 'R';

/** A fit of one series: `of` names what was fitted (the level of Q, the rate of the others). */
export type SeriesFit = (FitResult & { of: string }) | { of: string; error: string };

export interface ExperimentResult {
  /** The normalised scenario that ran (defaults filled in). */
  scenario: Scenario;
  /** Unstable queues, an automatic warm-up that ate most of the run, ... */
  warnings: string[];
  summary: Summary;
  /** The analytic model of each queue and of the network (see models/theory). */
  theory: ScenarioTheory;
  /** With { fit: true }: exponential-sum fits of the mean series. */
  fits?: Record<FittedSeries, SeriesFit>;
  series: Series;
}

export interface ExperimentOptions {
  fit?: boolean;
  onProgress?: (p: Progress) => void;
}

export function runExperiment(scenario: Scenario, options: ExperimentOptions = {}): ExperimentResult {
  const theory = theoryFor(scenario);
  const warnings = [...theory.warnings];
  let warmup: number;
  let pilotShare = 0;
  if (scenario.warmup === 'auto') {
    // MSER-5 on the replication-averaged Q(t) of a pilot run; the same seeds then rerun with the
    // chosen warm-up, so the pilot's trajectories are exactly the final ones.
    pilotShare = 0.5;
    const pilot = simulate(scenario, { warmup: 0, onProgress: scaled(options.onProgress, 0, pilotShare) });
    const m = mser5(pilot.series.Q, scenario.sampleEvery);
    warmup = Math.min(m.warmupTime, scenario.horizon / 2);
    if (m.truncatedTooMuch) {
      warnings.push(
        `warmup "auto": MSER-5 found no end to the initial transient in the first half of the run; ` +
          `using ${warmup} s; a longer horizon is needed for steady-state figures`,
      );
    }
  } else {
    warmup = scenario.warmup;
  }
  const { summary, series } = simulate(scenario, {
    warmup,
    onProgress: scaled(options.onProgress, pilotShare, 1),
  });
  const result: ExperimentResult = { scenario, warnings, summary, theory, series };
  if (options.fit) result.fits = fitAll(series);
  return result;
}

/** Fits the mean series: Q as a level (it starts from Q(0)), P, C, H, R through their rates. */
export function fitAll(series: Series): Record<FittedSeries, SeriesFit> {
  const rateFit = (of: string, rate: number[]) => fitOne(of, series.t.slice(1), rate.slice(1));
  return {
    P: rateFit('Prate', series.Prate),
    Q: fitOne('Q', series.t, series.Q, series.Q[0]),
    C: rateFit('Crate', series.Crate),
    H: rateFit('Hrate', series.Hrate),
    R: rateFit('Rrate', series.Rrate),
  };
}

function fitOne(of: string, t: number[], y: number[], initial: number | null = null): SeriesFit {
  try {
    return { of, ...fitSeries(t, y, { terms: 'auto', initial }) };
  } catch (err) {
    return { of, error: (err as Error).message };
  }
}

function scaled(report: ((p: Progress) => void) | undefined, from: number, to: number) {
  if (!report) return undefined;
  return (p: Progress) => report({ ...p, fraction: from + (to - from) * p.fraction });
}
