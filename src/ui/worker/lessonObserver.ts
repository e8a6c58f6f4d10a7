// A lesson's checks on a lab run. The worker keeps each replication of the pass that is
// summarised (its figures and sampled series), builds from them the Observation that
// `npm run lesson` builds (src/lessons/run.ts `observation`), and evaluates the checks at this
// point with the whole lesson's Bonferroni family, so each verdict is the one the headless run
// gives at this point. Pure: no worker API, testable in Node.
import type { ExperimentResult, SimulatePass } from '../../models/experiment.ts';
import { evaluateChecks, judgedFamily, type CheckOutcome } from '../../lessons/checks.ts';
import type { ReplicationInput } from '../../lessons/observe.ts';
import { parseLesson } from '../../lessons/parse.ts';
import { observation } from '../../lessons/run.ts';
import type { Lesson } from '../../lessons/types.ts';
import type { ParamValue } from '../../sim/sweep/values.ts';
import type { ClosedReplication } from './streamedPass.ts';

/** Which lesson point the page's scenario is: the lesson file's text, and the point's scenario id and value. */
export interface LessonRequest {
  text: string;
  /** Repository-relative, e.g. lessons/01-five-series.md. */
  path: string;
  scenario: string;
  value: ParamValue | null;
}

/** The checks of the point, or why there are none. */
export type LessonChecks = { outcomes: CheckOutcome[]; problem: null } | { outcomes: null; problem: string };

export class LessonObserver {
  private warmup = 0;
  private kept: ReplicationInput[] = [];

  constructor(
    readonly lesson: Lesson,
    readonly point: { scenario: string; value: ParamValue | null },
  ) {}

  /** Throws with the lesson's problems when its text does not parse. */
  static of(request: LessonRequest): LessonObserver {
    const parsed = parseLesson(request.text, request.path);
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    return new LessonObserver(parsed.lesson, { scenario: request.scenario, value: request.value });
  }

  /** The pass, watched: each pass starts a new set of replications (a warm-up pilot's are dropped). */
  watch(pass: SimulatePass): SimulatePass {
    return (scenario, options) => {
      this.warmup = options.warmup;
      this.kept = [];
      return pass(scenario, options);
    };
  }

  /** Keeps a finished replication (the streamed pass's `closed` hook). */
  closed(c: ClosedReplication): void {
    const r = c.sim.recorder;
    this.kept.push({ replication: c.replication, figures: c.figures, series: { P: r.P, Q: r.Q, C: r.C, H: r.H, R: r.R, queueQ: r.queueQ } });
  }

  /** The checks at this point, evaluated on the experiment's result. Never throws. */
  checks(result: ExperimentResult): LessonChecks {
    try {
      const o = observation(this.lesson, { ...this.point, checked: result.scenario }, result, this.warmup, this.kept);
      return { outcomes: evaluateChecks(this.lesson, [o], judgedFamily(this.lesson)), problem: null };
    } catch (err) {
      return { outcomes: null, problem: err instanceof Error ? err.message : String(err) };
    }
  }
}
