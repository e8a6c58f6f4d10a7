import { describe, expect, it } from 'vitest';
import { assembleSweep } from '../../src/models/sweep/result.ts';
import { runSweepSlice } from '../../src/models/sweep/run.ts';
import { lessonPoints, parseLesson, runLesson, type Lesson } from '../../src/lessons/index.ts';
import { runHere } from '../../src/sim/replicate.ts';
import { sweepJobs, sweepPoints } from '../../src/sim/sweep/plan.ts';

const raw = {
  name: 'tiny M/M/1',
  seed: 5,
  horizon: 2000,
  warmup: 100,
  replications: 4,
  sampleEvery: 10,
  producers: [{ id: 'p', to: 'q', interarrival: { dist: 'exponential', rate: 0.5 } }],
  queues: [{ id: 'q' }],
  consumers: [{ id: 'c', from: 'q', service: { dist: 'exponential', rate: 1 } }],
};

function lessonOf(front: string[]): Lesson {
  const r = parseLesson(['---', 'id: t', 'title: T', ...front, '---', ''].join('\n'), 'lessons/t.md');
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.lesson;
}

const varied = lessonOf([
  'scenario: scenarios/tiny.json',
  'vary:',
  '  path: producers[0].interarrival.rate',
  '  values: [0.3, 0.6]',
  'checks:',
  '  - label: wait',
  '    metric: summary.queues.q.meanWait',
  '    theory: mm1(value, 1).Wq',
]);

describe('runLesson(lesson, source)', () => {
  it('runs each value of vary as npm run sweep runs that point: the same summary', async () => {
    const run = await runLesson(varied, (path) => (path === 'lessons/scenarios/tiny.json' ? raw : undefined));
    const spec = { base: raw, params: [{ path: 'producers[0].interarrival.rate', values: [0.3, 0.6] }] };
    const planned = sweepPoints(spec);
    if (!planned.ok) throw new Error(planned.problems.join('\n'));
    const slice = await runSweepSlice(planned.points, { from: 0, to: sweepJobs(planned.points).length }, runHere);
    const sweep = assembleSweep(spec, planned.points, slice.warmups, slice.results);
    expect(run.observations.map((o) => o.value)).toEqual([0.3, 0.6]);
    run.observations.forEach((o, i) => expect(o.result.summary).toEqual(sweep.points[i].summary));
    expect(run.outcomes.map((o) => [o.value, o.verdict])).toEqual([
      [0.3, 'pass'],
      [0.6, 'pass'],
    ]);
  });

  it('keeps every replication, in order, with its series on the scenario grid', async () => {
    const run = await runLesson(varied, () => raw);
    const o = run.observations[0];
    expect(o.replications.map((r) => r.replication)).toEqual([0, 1, 2, 3]);
    expect(o.replications[0].series.Q.t.length).toBe(201);
    expect(o.replications[0].window).toBe(1900);
  });

  it('lessonPoints reports missing files and bad scenarios, one line each', () => {
    expect(lessonPoints(varied, () => undefined)).toEqual({
      ok: false,
      problems: ['t: scenario scenarios/tiny.json: no such file (lessons/scenarios/tiny.json)'],
    });
    const bad = lessonPoints(varied, () => ({ ...raw, horizon: -1 }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatch(/^t: lessons\/scenarios\/tiny.json: at producers\[0\].interarrival.rate = 0.3: horizon/);
  });
});
