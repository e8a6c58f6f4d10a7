// Lessons: Markdown files with a front matter (lessons/*.md), their scenarios, and checks of
// simulated figures against theory. Pure: no DOM, no Node modules; the CLI (src/cli/lesson.ts)
// and the lab read the files and call these.
export type { Check, Expression, FitSpec, Lesson, ReferenceKind, ScenarioRef, Tolerance, Vary } from './types.ts';
export { LESSON_FILE, parseLesson, resolveRelative, type LessonParse } from './parse.ts';
export { FrontMatterError, parseFrontMatter, splitFrontMatter, type Yaml } from './frontMatter.ts';
export {
  lessonPoints,
  observation,
  observePoint,
  runLesson,
  type LessonPoint,
  type LessonProgress,
  type LessonRun,
  type PointsResult,
  type RunOptions,
  type ScenarioSource,
} from './run.ts';
export { groupFit, replicationRecord, type GroupFit, type Observation, type ReplicationInput, type ReplicationRecord } from './observe.ts';
export { allPass, checksAt, evaluateCheck, evaluateChecks, judgedFamily, LESSON_ALPHA, theoryCurve, type CheckOutcome, type Verdict } from './checks.ts';
export { formatReport, lessonReport, type LessonReport } from './report.ts';
export { functions } from './functions.ts';
export { Sampled, type ExprFunction } from './expr/evaluate.ts';
export { littleLawChecks, littleLawLesson } from './little.ts';
