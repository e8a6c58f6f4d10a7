// Running a lesson: each scenario at each value of its varied parameter (the points a sweep
// makes, src/sim/sweep/plan.ts: same seed everywhere, so neighbouring points differ by the
// parameter, not by luck) as one experiment (models/experiment.ts), its replications run by any
// JobRunner (here, worker threads, Web Workers) and kept, so that checks can read them one by one.
import { runExperimentWith, type ExperimentResult, type SimulatePass } from '../models/experiment.ts';
import { combineReplications, runHere, type JobRunner, type ReplicationResult } from '../sim/replicate.ts';
import { checkScenario, formatProblem } from '../sim/scenario/parse.ts';
import type { Scenario } from '../sim/scenario/types.ts';
import { sweepPoints } from '../sim/sweep/plan.ts';
import type { ParamValue } from '../sim/sweep/values.ts';
import { allPass, evaluateChecks, type CheckOutcome } from './checks.ts';
import { groupFit, replicationRecord, type Observation, type ReplicationInput } from './observe.ts';
import type { Lesson } from './types.ts';

/** The JSON of a scenario file, by its repository-relative path (lessons/scenarios/x.json);
 *  undefined when there is no such file. */
export type ScenarioSource = (path: string) => unknown;

/** One scenario of the lesson at one value of its varied parameter, checked. */
export interface LessonPoint {
  scenario: string;
  value: ParamValue | null;
  checked: Scenario;
}

export type PointsResult = { ok: true; points: LessonPoint[] } | { ok: false; problems: string[] };

/** The checked scenarios a lesson runs, in order, or every problem (one line each). */
export function lessonPoints(lesson: Lesson, source: ScenarioSource): PointsResult {
  const points: LessonPoint[] = [];
  const problems: string[] = [];
  for (const ref of lesson.scenarios) {
    const raw = source(ref.path);
    if (raw === undefined) {
      problems.push(`${lesson.id}: scenario ${ref.file}: no such file (${ref.path})`);
      continue;
    }
    if (ref.vary) {
      const planned = sweepPoints({ base: raw, params: [{ path: ref.vary.path, values: ref.vary.values }] });
      if (!planned.ok) problems.push(...planned.problems.map((p) => `${lesson.id}: ${ref.path}: ${p}`));
      else planned.points.forEach((p) => points.push({ scenario: ref.id, value: p.values[0], checked: p.scenario }));
    } else {
      const checked = checkScenario(raw);
      if (!checked.ok) problems.push(...checked.problems.map((p) => `${lesson.id}: ${ref.path}: ${formatProblem(p)}`));
      else points.push({ scenario: ref.id, value: null, checked: checked.scenario });
    }
  }
  for (const ref of lesson.scenarios) {
    const fit = ref.fit;
    if (!fit) continue;
    for (const p of points.filter((x) => x.scenario === ref.id)) {
      if (p.checked.replications % fit.groups !== 0) {
        problems.push(`${lesson.id}: ${ref.path}: fit.groups ${fit.groups} must divide the ${p.checked.replications} replications`);
      }
      if (fit.queue !== null && !p.checked.queues.some((q) => q.id === fit.queue)) problems.push(`${lesson.id}: ${ref.path}: fit.queue: no queue "${fit.queue}"`);
    }
  }
  return problems.length > 0 ? { ok: false, problems: [...new Set(problems)] } : { ok: true, points };
}

export interface LessonProgress {
  /** Replications run so far, of all the lesson's points (a warm-up "auto" pilot counts too). */
  done: number;
  total: number;
  /** The point being run. */
  scenario: string;
  value: ParamValue | null;
}

export interface RunOptions {
  /** Runs the replications (default: here, one at a time). */
  run?: JobRunner;
  onProgress?: (p: LessonProgress) => void;
  /** Called when a point is done, before the next one starts (a lab can plot as they come). */
  onObservation?: (o: Observation) => void;
  /** Also fit the five mean series (result.fits, as `npm run sim -- --fit`); default false. */
  fit?: boolean;
}

export interface LessonRun {
  lesson: Lesson;
  observations: Observation[];
  outcomes: CheckOutcome[];
  /** Every judged check passed (shown ones do not count; an error fails). */
  passed: boolean;
}

/** Runs one point: the experiment, its replications kept, the group fits. */
export async function observePoint(lesson: Lesson, point: LessonPoint, options: RunOptions = {}, progress?: (done: number) => void): Promise<Observation> {
  const run = options.run ?? runHere;
  let kept: ReplicationResult[] = [];
  let keptWarmup = 0;
  const pass: SimulatePass = async (scenario, { warmup }) => {
    const results = await Promise.all(
      Array.from({ length: scenario.replications }, (_, r) =>
        run({ scenario, replication: r, warmup, series: true }).then((x) => {
          progress?.(1);
          return x;
        }),
      ),
    );
    kept = results;
    keptWarmup = warmup;
    return combineReplications(scenario, warmup, results);
  };
  const result = await runExperimentWith(point.checked, pass, { fit: options.fit ?? false });
  const inputs = kept.map((r) => {
    if (r.series === null) throw new Error(`replication ${r.replication} came back without its series`);
    return { replication: r.replication, figures: r.figures, series: r.series };
  });
  return observation(lesson, point, result, keptWarmup, inputs);
}

/**
 * What the checks of a point read, from its experiment's result and the replications of the pass
 * summarised (any order; `warmup` is that pass's): the records, and the group fit when the
 * lesson fits this scenario. Pure: the lab's worker calls it on its own streamed run.
 */
export function observation(
  lesson: Lesson,
  point: { scenario: string; value: ParamValue | null; checked: Scenario },
  result: ExperimentResult,
  warmup: number,
  replications: readonly ReplicationInput[],
): Observation {
  const records = [...replications].sort((a, b) => a.replication - b.replication).map((r) => replicationRecord(point.checked, warmup, r));
  const ref = lesson.scenarios.find((s) => s.id === point.scenario);
  if (!ref) throw new Error(`${lesson.id}: no scenario "${point.scenario}"`);
  return {
    scenario: point.scenario,
    value: point.value,
    result,
    replications: records,
    fit: ref.fit ? groupFit(ref.fit, records) : null,
  };
}

/** Runs every point of a lesson and evaluates its checks. Throws on bad scenarios (see lessonPoints). */
export async function runLesson(lesson: Lesson, source: ScenarioSource, options: RunOptions = {}): Promise<LessonRun> {
  const planned = lessonPoints(lesson, source);
  if (!planned.ok) throw new Error(planned.problems.join('\n'));
  const total = planned.points.reduce((s, p) => s + p.checked.replications * (p.checked.warmup === 'auto' ? 2 : 1), 0);
  let done = 0;
  const observations: Observation[] = [];
  for (const point of planned.points) {
    const report = (k: number) => {
      done += k;
      options.onProgress?.({ done, total, scenario: point.scenario, value: point.value });
    };
    const o = await observePoint(lesson, point, options, report);
    options.onObservation?.(o);
    observations.push(o);
  }
  const outcomes = evaluateChecks(lesson, observations);
  return { lesson, observations, outcomes, passed: allPass(outcomes) };
}
