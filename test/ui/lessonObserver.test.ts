// The lab's lesson checks are the headless ones: a run through the worker's streamed pass with a
// LessonObserver gives exactly the CheckOutcomes that `npm run lesson` (runLesson / observePoint)
// gives at the same point, fits and warm-up "auto" included.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateChecks, judgedFamily } from '../../src/lessons/checks.ts';
import { parseLesson } from '../../src/lessons/parse.ts';
import { lessonPoints, observePoint, runLesson, type ScenarioSource } from '../../src/lessons/run.ts';
import type { Lesson } from '../../src/lessons/types.ts';
import { runExperimentWith } from '../../src/models/experiment.ts';
import type { Scenario } from '../../src/sim/scenario/types.ts';
import { LessonObserver, type LessonChecks } from '../../src/ui/worker/lessonObserver.ts';
import { streamedPass } from '../../src/ui/worker/streamedPass.ts';

const ROOT = new URL('../../', import.meta.url);
const fileSource: ScenarioSource = (path) => JSON.parse(readFileSync(new URL(path, ROOT), 'utf8'));

function lessonFile(id: string): { text: string; path: string; lesson: Lesson } {
  const path = `lessons/${id}.md`;
  const text = readFileSync(new URL(path, ROOT), 'utf8');
  const parsed = parseLesson(text, path);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return { text, path, lesson: parsed.lesson };
}

/** What the lab's worker does: the streamed pass (run to the horizon at once), watched; fits on, as the lab runs. */
async function labChecks(text: string, path: string, scenario: string, value: unknown, checked: Scenario): Promise<LessonChecks> {
  const observer = LessonObserver.of({ text, path, scenario, value: value as null });
  const pass = streamedPass({ advance: (sim) => sim.runUntil(checked.horizon), closed: (c) => observer.closed(c) });
  const result = await runExperimentWith(checked, observer.watch(pass), { fit: true });
  return observer.checks(result);
}

describe('LessonObserver (the lab worker evaluating a lesson point)', () => {
  it('gives lesson 1 exactly the outcomes of the headless run', async () => {
    const { text, path, lesson } = lessonFile('01-five-series');
    const headless = await runLesson(lesson, fileSource);
    const planned = lessonPoints(lesson, fileSource);
    if (!planned.ok) throw new Error(planned.problems.join('\n'));
    const lab = await labChecks(text, path, 'main', null, planned.points[0].checked);
    expect(lab.problem).toBeNull();
    expect(lab.outcomes).toEqual(headless.outcomes);
    expect(lab.outcomes!.every((o) => o.verdict === 'pass' || o.verdict === 'shown')).toBe(true);
  });

  it('gives lesson 12 (group fits of Q(t)) the headless outcomes', async () => {
    const { text, path, lesson } = lessonFile('12-outage');
    const headless = await runLesson(lesson, fileSource);
    const planned = lessonPoints(lesson, fileSource);
    if (!planned.ok) throw new Error(planned.problems.join('\n'));
    const lab = await labChecks(text, path, 'main', null, planned.points[0].checked);
    expect(lab.outcomes).toEqual(headless.outcomes);
  });

  it('at one point of a sweep, judges with the whole lesson’s family: the verdicts of the full run there', async () => {
    const { text, path, lesson } = lessonFile('14-request-reply');
    const planned = lessonPoints(lesson, fileSource);
    if (!planned.ok) throw new Error(planned.problems.join('\n'));
    const point = planned.points.find((p) => p.value === 2)!;
    const o = await observePoint(lesson, point);
    const full = evaluateChecks(lesson, [o], judgedFamily(lesson));
    const lab = await labChecks(text, path, 'main', 2, point.checked);
    expect(lab.outcomes).toEqual(full);
    expect(lab.outcomes!.length).toBe(lesson.checks.length);
    // One point alone would be judged with a smaller family, i.e. a narrower margin.
    const alone = evaluateChecks(lesson, [o]);
    const judged = full.findIndex((c) => c.margin !== null && c.tolerance === 'ci');
    expect(alone[judged].margin!).toBeLessThan(full[judged].margin!);
  });

  it('keeps only the replications of the main pass under warmup "auto"', async () => {
    const text = [
      '---',
      'id: auto-warmup',
      'title: M/M/1 with an automatic warm-up',
      'scenario: mm1.json',
      'checks:',
      '  - label: Wq',
      '    metric: summary.queues.q.meanWait',
      '    theory: mm1(0.9, 1).Wq',
      '  - label: Little, Lq = λ Wq',
      '    metric: replications.queues.q.meanLength',
      '    expect: replications.queues.q.arrivalRate * replications.queues.q.meanWait',
      '---',
      'Text.',
    ].join('\n');
    const mm1 = { ...(fileSource('scenarios/mm1.json') as object), warmup: 'auto', horizon: 20000, replications: 4 };
    const source: ScenarioSource = (p) => (p === 'lessons/mm1.json' ? mm1 : undefined);
    const parsed = parseLesson(text, 'lessons/99-auto-warmup.md');
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const headless = await runLesson(parsed.lesson, source);
    const planned = lessonPoints(parsed.lesson, source);
    if (!planned.ok) throw new Error(planned.problems.join('\n'));
    const lab = await labChecks(text, 'lessons/99-auto-warmup.md', 'main', null, planned.points[0].checked);
    expect(lab.outcomes).toEqual(headless.outcomes);
    expect(lab.outcomes!.map((o) => o.simulated.n)).toEqual([4, 4]); // not 8: the pilot's replications are dropped
  });

  it('reports a lesson that does not parse, and an observation that cannot be made, without throwing', async () => {
    expect(() => LessonObserver.of({ text: '---\nid: x\n---\n', path: 'lessons/x.md', scenario: 'main', value: null })).toThrow(/title/);
    const { text, path } = lessonFile('01-five-series');
    const observer = LessonObserver.of({ text, path, scenario: 'nope', value: null });
    const checks = observer.checks({ scenario: fileSource('scenarios/mm1.json') } as never);
    expect(checks.outcomes).toBeNull();
    expect(checks.problem).toMatch(/no scenario "nope"/);
  });
});

describe('judgedFamily(lesson)', () => {
  it('counts judged checks at every point they apply to', () => {
    expect(judgedFamily(lessonFile('01-five-series').lesson)).toBe(6); // 7 checks, one exact
    expect(judgedFamily(lessonFile('03-hockey-stick').lesson)).toBe(14); // 2 checks x 7 values
    const six = lessonFile('06-load-balancing').lesson;
    expect(judgedFamily(six)).toBe(six.checks.filter((c) => c.tolerance === 'ci').length); // each check at one value
  });
});
