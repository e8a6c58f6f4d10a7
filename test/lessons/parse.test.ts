import { describe, expect, it } from 'vitest';
import { parseLesson, resolveRelative } from '../../src/lessons/parse.ts';

const lesson = (front: string, body = '\nSome text.\n') => `---\n${front}\n---\n${body}`;
const minimal = [
  'id: 99-test',
  'title: A test',
  'scenario: scenarios/x.json',
  'checks:',
  '  - label: wait',
  '    metric: summary.queues.q.meanWait',
  '    theory: mm1(0.5, 1).Wq',
].join('\n');
const problems = (front: string) => {
  const r = parseLesson(lesson(front), 'lessons/99-test.md');
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

describe('parseLesson(text, path)', () => {
  it('reads a minimal lesson, filling the defaults', () => {
    const r = parseLesson(lesson(minimal), 'lessons/99-test.md');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const l = r.lesson;
    expect(l).toMatchObject({ id: '99-test', title: 'A test', question: null, path: 'lessons/99-test.md', body: 'Some text.\n' });
    expect(l.scenarios).toEqual([{ id: 'main', file: 'scenarios/x.json', path: 'lessons/scenarios/x.json', vary: null, fit: null }]);
    expect(l.checks).toHaveLength(1);
    expect(l.checks[0]).toMatchObject({
      label: 'wait',
      scenario: 'main',
      at: null,
      tolerance: 'ci',
      predict: null,
      metric: { text: 'summary.queues.q.meanWait', perReplication: false },
      reference: { kind: 'theory', text: 'mm1(0.5, 1).Wq', perReplication: false },
    });
  });

  it('reads several scenarios, a varied parameter, a fit, and checks at some values', () => {
    const r = parseLesson(
      lesson(
        [
          'id: 99-test',
          'title: T',
          'scenarios:',
          '  - id: a',
          '    file: ../scenarios/mm1.json',
          '    vary: { path: "producers[0].interarrival.rate", values: [0.5, 0.9] }',
          '  - id: b',
          '    file: scenarios/b.json',
          '    fit: { from: 0, to: 100, terms: 1, groups: 4 }',
          'checks:',
          '  - label: wait at 0.9',
          '    scenario: a',
          '    at: 0.9',
          '    metric: summary.queues.q.meanWait',
          '    below: mm1(value, 1).W',
          '  - label: rate',
          '    scenario: b',
          '    metric: fit.rates.0',
          '    theory: 0.1',
          '    tolerance: none',
          '  - label: little',
          '    scenario: b',
          '    metric: replications.queues.q.meanLength',
          '    expect: replications.queues.q.arrivalRate * replications.queues.q.meanWait',
        ].join('\n'),
      ),
      'lessons/99-test.md',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lesson.scenarios.map((s) => s.path)).toEqual(['scenarios/mm1.json', 'lessons/scenarios/b.json']);
    expect(r.lesson.scenarios[0].vary).toEqual({ path: 'producers[0].interarrival.rate', values: [0.5, 0.9] });
    expect(r.lesson.scenarios[1].fit).toEqual({ queue: null, from: 0, to: 100, terms: 1, initial: null, groups: 4 });
    expect(r.lesson.checks.map((c) => [c.scenario, c.at, c.reference.kind, c.tolerance, c.reference.perReplication])).toEqual([
      ['a', [0.9], 'below', 'ci', false],
      ['b', null, 'theory', 'none', false],
      ['b', null, 'expect', 'ci', true],
    ]);
  });

  it('reports every problem, one line each, with the file and the field', () => {
    expect(problems('id: Bad Id\ntitle: ""\ncolour: red\nchecks: []')).toEqual([
      'lessons/99-test.md: colour: unknown field (fields: id, title, question, scenario, scenarios, vary, fit, checks)',
      'lessons/99-test.md: id: must be lowercase letters, digits and dashes, got "Bad Id"',
      'lessons/99-test.md: title: must be a non-empty text',
      'lessons/99-test.md: scenario: missing: give scenario (a file) or scenarios (a non-empty list)',
      'lessons/99-test.md: checks: must be a non-empty list',
    ]);
  });

  it('checks the expressions: syntax, functions, names, and what a metric may be', () => {
    const check = (lines: string[]) => problems([...minimal.split('\n').slice(0, 4), ...lines].join('\n'));
    expect(check(['  - label: x', '    metric: summary.queues.q.meanWait +', '    theory: 1'])).toEqual([
      'lessons/99-test.md: checks[0].metric: expected a number, a name or "(" but found the end',
    ]);
    expect(check(['  - label: x', '    metric: summary.queues.q.meanWait', '    theory: mm2(1, 2).W'])[0]).toMatch(
      /^lessons\/99-test.md: checks\[0\].theory: unknown function mm2 \(functions: mm1, mmc, /,
    );
    expect(check(['  - label: x', '    metric: summary.queues.q.meanWait * 2', '    theory: 1'])).toEqual([
      'lessons/99-test.md: checks[0].metric: must be a path to a simulated mean (summary.*, fit.*) or an expression over replications.*',
    ]);
    expect(check(['  - label: x', '    metric: summary.queues.q.meanWait', '    theory: summary.queues.q.meanLength'])[0]).toMatch(
      /checks\[0\].theory: cannot read summary here/,
    );
    expect(check(['  - label: x', '    metric: summary.queues.q.meanWait', '    expect: replications.queues.q.meanWait'])).toEqual([
      'lessons/99-test.md: checks[0].metric: is compared per replication with expect: write it over replications.* too',
    ]);
    expect(check(['  - label: x', '    metric: summary.consumers.my-worker.utilization', '    theory: 1'])[0]).toContain(
      'for an id with a dash write ["my-worker"]',
    );
    expect(check(['  - label: x', '    metric: summary.queues.q.meanWait', '    theory: mm1(value, 1).Wq'])[0]).toContain(
      'cannot read value here',
    );
    expect(check(['  - label: x', '    metric: summary.queues.q.meanWait', '    theory: 1', '    below: 2'])).toEqual([
      'lessons/99-test.md: checks[0]: give exactly one of theory, expect, below, above (got theory, below)',
    ]);
    expect(check(['  - label: x', '    at: 3', '    metric: summary.queues.q.meanWait', '    theory: 1'])).toEqual([
      'lessons/99-test.md: checks[0].at: scenario "main" varies no parameter',
    ]);
  });

  it('says where the front matter is broken', () => {
    expect(parseLesson('no front matter', 'lessons/x.md')).toEqual({
      ok: false,
      problems: ['lessons/x.md: line 1: a lesson starts with a front matter: a line "---"'],
    });
  });
});

describe('resolveRelative(lessonPath, file)', () => {
  it('resolves against the lesson folder and normalises . and ..', () => {
    expect(resolveRelative('lessons/01-x.md', 'scenarios/a.json')).toBe('lessons/scenarios/a.json');
    expect(resolveRelative('lessons/01-x.md', '../scenarios/mm1.json')).toBe('scenarios/mm1.json');
    expect(resolveRelative('lessons/01-x.md', './scenarios/../b.json')).toBe('lessons/b.json');
    expect(resolveRelative(null, 'scenarios/a.json')).toBe('lessons/scenarios/a.json');
  });
});
