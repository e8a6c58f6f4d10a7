// A lesson as parseLesson returns it: every field present and checked, expressions parsed.
import type { ParamValue } from '../sim/sweep/values.ts';
import type { Expr } from './expr/parse.ts';

/** How a check's verdict is reached. */
export type Tolerance =
  /** The simulated mean's confidence interval, widened to 99.9% shared over the lesson's
   *  checks (Bonferroni), as test/helpers/agreement.ts does. The default. */
  | 'ci'
  /** An identity: equal to rounding (1e-9 relative), in every replication when paired. */
  | 'exact'
  /** Shown beside the simulation, not judged (an approximation, a rule of thumb). */
  | 'none';

/**
 * What the metric is compared with: `theory` and `expect` must agree with it (a theoretical
 * value; an expected value such as an identity or the same run's other figures); `below` and
 * `above` claim that the metric is lower / higher, beyond its tolerance.
 */
export type ReferenceKind = 'theory' | 'expect' | 'below' | 'above';

export interface Expression {
  /** As written in the lesson. */
  text: string;
  expr: Expr;
  /** Evaluated per replication (it reads replications.*), so the comparison is paired. */
  perReplication: boolean;
}

export interface Check {
  label: string;
  /** Id of the scenario it reads (the lesson's only one when it has one). */
  scenario: string;
  /** Only at these values of that scenario's varied parameter; null: at every point. */
  at: ParamValue[] | null;
  /** A path into the result (summary.queues.q.meanWait, fit.rates.0), or an expression over
   *  per-replication values (replications.totals.duplicates / replications.totals.produced). */
  metric: Expression;
  reference: Expression & { kind: ReferenceKind };
  tolerance: Tolerance;
  /** The question the lab asks before the run, for the learner's prediction; null: none. */
  predict: string | null;
}

/** A parameter of the scenario file taking several values (as `npm run sweep` varies it). */
export interface Vary {
  /** e.g. producers[0].interarrival.rate (src/sim/sweep/paramPath.ts). */
  path: string;
  values: ParamValue[];
}

/**
 * Exponential-model fits of Q(t) (models/expfit), made on groups of replications so that the
 * spread between the groups gives each fitted parameter a confidence interval.
 */
export interface FitSpec {
  /** Queue whose waiting line is fitted; null: all queues together (series Q). */
  queue: string | null;
  /** Window of the sample grid fitted, seconds; time is counted from `from` in the fit. */
  from: number;
  to: number;
  terms: number | 'auto';
  /** Fit X(from) = initial exactly (e.g. 0 for a queue that starts empty); null: free. */
  initial: number | null;
  /** Number of groups the replications are split into (it must divide them), >= 2. */
  groups: number;
}

export interface ScenarioRef {
  id: string;
  /** As written, relative to the lesson file. */
  file: string;
  /** Relative to the repository root, e.g. lessons/scenarios/03-hockey-stick.json. */
  path: string;
  vary: Vary | null;
  fit: FitSpec | null;
}

export interface Lesson {
  /** e.g. 03-hockey-stick: lowercase letters, digits and dashes. */
  id: string;
  title: string;
  /** The lesson's question in one line; null: none given. */
  question: string | null;
  scenarios: ScenarioRef[];
  checks: Check[];
  /** The Markdown after the front matter (formulas in $...$ and $$...$$). */
  body: string;
  /** The file it was read from (repository-relative), or null. */
  path: string | null;
}
