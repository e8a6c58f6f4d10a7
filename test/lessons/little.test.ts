import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { littleLawLesson, runLesson } from '../../src/lessons/index.ts';
import { parseScenario } from '../../src/sim/scenario/parse.ts';

describe('littleLawLesson(scenario)', () => {
  it('skips queues without consumers', () => {
    const scenario = parseScenario(JSON.parse(readFileSync('scenarios/visibility-timeout.json', 'utf8')));
    expect(littleLawLesson(scenario).checks.map((c) => c.label)).toEqual(['jobs: waiting, Lq = λ Wq', 'jobs: in system, L = λ W']);
  });

  it('checks L = λW at every queue with consumers of an example scenario, replication by replication', async () => {
    const raw = { ...JSON.parse(readFileSync('scenarios/tandem.json', 'utf8')), horizon: 5000, replications: 5 };
    const lesson = littleLawLesson(parseScenario(raw));
    expect(lesson.checks.map((c) => c.label)).toEqual([
      'parse: waiting, Lq = λ Wq',
      'parse: in system, L = λ W',
      'write: waiting, Lq = λ Wq',
      'write: in system, L = λ W',
    ]);
    const run = await runLesson(lesson, () => raw);
    expect(run.outcomes.map((o) => o.verdict)).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(run.outcomes.every((o) => o.paired)).toBe(true);
  });
});
