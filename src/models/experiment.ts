// One experiment, end to end: checked scenario -> simulate -> summary + series -> theory, fits,
// warnings -> the result file of shared DESIGN.md section 3. The CLI and the lab both call this.
import type { Scenario } from '../sim/scenario/types.ts';
import { simulate, type Progress, type SimulateOptions, type SimulationOutput } from '../sim/run.ts';
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
  const steps = experimentSteps(scenario, options);
  let step = steps.next();
  while (!step.done) step = steps.next(simulate(scenario, step.value));
  return step.value;
}

/**
 * Runs a pass of all replications: simulate() itself, or the same result computed elsewhere
 * (worker threads: src/sim/replicate.ts's runReplication + combineReplications).
 */
export type SimulatePass = (scenario: Scenario, options: SimulateOptions) => SimulationOutput | Promise<SimulationOutput>;

/** runExperiment with the passes run by `pass`; the same result when `pass` gives simulate()'s. */
export async function runExperimentWith(
  scenario: Scenario,
  pass: SimulatePass,
  options: ExperimentOptions = {},
): Promise<ExperimentResult> {
  const steps = experimentSteps(scenario, options);
  let step = steps.next();
  while (!step.done) step = steps.next(await pass(scenario, step.value));
  return step.value;
}

/** The experiment as steps: it yields each pass it needs (options for simulate) and gets its output back. */
function* experimentSteps(
  scenario: Scenario,
  options: ExperimentOptions,
): Generator<SimulateOptions, ExperimentResult, SimulationOutput> {
  const theory = theoryFor(scenario);
  const warnings = [...theory.warnings];
  let warmup: number;
  let pilotShare = 0;
  if (scenario.warmup === 'auto') {
    // MSER-5 on the replication-averaged Q(t) of a pilot run; the same seeds then rerun with the
    // chosen warm-up, so the pilot's trajectories are exactly the final ones.
    pilotShare = 0.5;
    const pilot = yield { warmup: 0, onProgress: scaled(options.onProgress, 0, pilotShare) };
    const chosen = chooseWarmup(scenario, pilot.series);
    warmup = chosen.warmup;
    if (chosen.warning !== null) warnings.push(chosen.warning);
  } else {
    warmup = scenario.warmup;
  }
  const { summary, series } = yield { warmup, onProgress: scaled(options.onProgress, pilotShare, 1) };
  const result: ExperimentResult = { scenario, warnings, summary, theory, series };
  if (options.fit) result.fits = fitAll(series);
  return result;
}

/** The warm-up for "auto": MSER-5 on a pilot pass's mean Q(t), at most half the horizon. */
export function chooseWarmup(scenario: Scenario, pilot: Series): { warmup: number; warning: string | null } {
  const m = mser5(pilot.Q, scenario.sampleEvery);
  const warmup = Math.min(m.warmupTime, scenario.horizon / 2);
  const warning = m.truncatedTooMuch
    ? `warmup "auto": MSER-5 found no end to the initial transient in the first half of the run; ` +
      `using ${warmup} s; a longer horizon is needed for steady-state figures`
    : null;
  return { warmup, warning };
}

/** Fits the mean series: Q as a level, P, C, H, R through their rates. */
export function fitAll(series: Series): Record<FittedSeries, SeriesFit> {
  const rateFit = (of: string, rate: number[]) => fitOne(of, series.t.slice(1), rate.slice(1));
  return {
    P: rateFit('Prate', series.Prate),
    // Q is fitted free: constraining X(0) = Q(0) forces X0 = 0 whenever no exponential term is
    // identifiable (a transient shorter than a few samples), which draws a flat line at 0.
    Q: fitOne('Q', series.t, series.Q),
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
