import { describe, expect, it } from 'vitest';
import { allPass, checksAt, evaluateChecks, LESSON_ALPHA, theoryCurve } from '../../src/lessons/checks.ts';
import type { Observation } from '../../src/lessons/observe.ts';
import { parseLesson } from '../../src/lessons/parse.ts';
import type { Lesson } from '../../src/lessons/types.ts';
import { meanCI } from '../../src/sim/stats/meanCI.ts';
import { studentTQuantile } from '../../src/sim/stats/studentT.ts';

function lessonOf(checks: string[], extra: string[] = []): Lesson {
  const r = parseLesson(['---', 'id: t', 'title: T', 'scenario: s.json', ...extra, 'checks:', ...checks, '---', ''].join('\n'), 'lessons/t.md');
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.lesson;
}

/** An observation whose replications have queue q's meanWait = waits[r] and meanLength = lengths[r]. */
function observation(waits: number[], lengths: number[] = waits, value: number | null = null): Observation {
  const summary = { replications: waits.length, queues: { q: { meanWait: meanCI(waits), meanLength: meanCI(lengths) } } };
  const replications = waits.map((w, r) => ({ replication: r, queues: { q: { meanWait: w, meanLength: lengths[r], arrivalRate: 1 } } }));
  return {
    scenario: 'main',
    value,
    result: { summary, theory: {}, scenario: {} },
    replications,
    fit: null,
  } as unknown as Observation;
}

const waits = [9.5, 10.2, 10.8, 9.1, 10.4, 9.9, 10.6, 9.7, 10.1, 9.7];
const m = meanCI(waits);
const se = (m.ci95![1] - m.ci95![0]) / 2 / studentTQuantile(0.975, 9);

describe('evaluateChecks(lesson, observations)', () => {
  it('judges with the CI-derived margin of test/helpers/agreement.ts: 99.9% over the lesson, Bonferroni', () => {
    const margin = studentTQuantile(1 - LESSON_ALPHA / 2, 9) * se;
    const near = lessonOf(['  - label: a', '    metric: summary.queues.q.meanWait', `    theory: ${m.mean! + 0.99 * margin}`]);
    const far = lessonOf(['  - label: a', '    metric: summary.queues.q.meanWait', `    theory: ${m.mean! + 1.01 * margin}`]);
    const [pass] = evaluateChecks(near, [observation(waits)]);
    const [fail] = evaluateChecks(far, [observation(waits)]);
    expect(pass.margin).toBeCloseTo(margin, 12);
    expect(pass.confidence).toBeCloseTo(1 - LESSON_ALPHA, 12);
    expect([pass.verdict, fail.verdict]).toEqual(['pass', 'fail']);
    expect(pass.simulated).toEqual({ mean: m.mean, ci95: m.ci95, n: 10 });
    expect(fail.reason).toMatch(/^differs: \|simulated - theory\| = .* > 99\.9% CI-derived margin .*, n = 10$/);
    // Two judged checks share the false-alarm budget: each margin widens.
    const two = lessonOf([
      '  - label: a',
      '    metric: summary.queues.q.meanWait',
      '    theory: 10',
      '  - label: b',
      '    metric: summary.queues.q.meanWait',
      '    theory: 10',
    ]);
    expect(evaluateChecks(two, [observation(waits)])[0].margin).toBeCloseTo(studentTQuantile(1 - LESSON_ALPHA / 4, 9) * se, 12);
  });

  it('below / above pass only when the whole margin lies on the claimed side', () => {
    const margin = studentTQuantile(1 - LESSON_ALPHA / 2, 9) * se;
    const verdict = (kind: string, bound: number) =>
      evaluateChecks(lessonOf(['  - label: a', '    metric: summary.queues.q.meanWait', `    ${kind}: ${bound}`]), [observation(waits)])[0].verdict;
    expect(verdict('below', m.mean! + 1.01 * margin)).toBe('pass');
    expect(verdict('below', m.mean! + 0.99 * margin)).toBe('fail');
    expect(verdict('above', m.mean! - 1.01 * margin)).toBe('pass');
    expect(verdict('above', m.mean!)).toBe('fail');
  });

  it('compares replication by replication when the reference reads replications.*', () => {
    const lengths = waits.map((w, r) => w + (r % 2 === 0 ? 0.01 : -0.01));
    const lesson = lessonOf(['  - label: little', '    metric: replications.queues.q.meanLength', '    expect: 1 * replications.queues.q.meanWait']);
    const [c] = evaluateChecks(lesson, [observation(waits, lengths)]);
    expect(c.paired).toBe(true);
    expect(c.verdict).toBe('pass');
    expect(c.theory).toBeCloseTo(m.mean!, 12);
    // The margin is that of the differences (tiny), not of the metric itself.
    expect(c.margin!).toBeLessThan(0.05);
    const shifted = waits.map((w) => w + 0.2);
    expect(evaluateChecks(lesson, [observation(waits, shifted)])[0].verdict).toBe('fail');
  });

  it('exact checks need equality to rounding; none are shown, not judged', () => {
    const exact = lessonOf(['  - label: a', '    metric: replications.queues.q.meanLength', '    expect: replications.queues.q.meanWait', '    tolerance: exact']);
    expect(evaluateChecks(exact, [observation(waits)])[0].verdict).toBe('pass');
    expect(evaluateChecks(exact, [observation(waits, waits.map((w, r) => (r === 3 ? w + 1e-6 : w)))])[0].verdict).toBe('fail');
    const shown = lessonOf(['  - label: a', '    metric: summary.queues.q.meanWait', '    theory: 100', '    tolerance: none']);
    const [s] = evaluateChecks(shown, [observation(waits)]);
    expect(s.verdict).toBe('shown');
    expect(allPass([s])).toBe(true);
  });

  it('gives an error verdict, with the reason, when there is nothing to judge', () => {
    const missing = lessonOf(['  - label: a', '    metric: summary.queues.nope.meanWait', '    theory: 1']);
    const [e] = evaluateChecks(missing, [observation(waits)]);
    expect(e.verdict).toBe('error');
    expect(e.reason).toBe('summary.queues has no field nope (it has: q)');
    const one = lessonOf(['  - label: a', '    metric: summary.queues.q.meanWait', '    theory: 1']);
    expect(evaluateChecks(one, [observation([1])])[0].reason).toBe('no confidence interval (it needs 2 or more replications or fit groups)');
    expect(allPass([e])).toBe(false);
  });

  it('applies a check at the values it names, with value bound to the varied parameter', () => {
    const lesson = lessonOf(
      ['  - label: a', '    at: [2]', '    metric: summary.queues.q.meanWait', '    theory: value * 5'],
      ['vary:', '  path: x', '  values: [1, 2]'],
    );
    const points = [observation(waits, waits, 1), observation(waits, waits, 2)];
    expect(checksAt(lesson, points[0])).toEqual([]);
    const outcomes = evaluateChecks(lesson, points);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ value: 2, theory: 10, verdict: 'pass' });
  });
});

describe('theoryCurve(check, values)', () => {
  it('evaluates a reference over value alone, null where it cannot', () => {
    const lesson = lessonOf(
      [
        '  - label: a',
        '    metric: summary.queues.q.meanWait',
        '    theory: mm1(value, 1).Wq',
        '  - label: b',
        '    metric: summary.queues.q.meanWait',
        '    theory: theory.queues.q.result.Wq',
      ],
      ['vary:', '  path: x', '  values: [0.5]'],
    );
    const curve = theoryCurve(lesson.checks[0], [0.5, 0.9, 1.2]);
    expect(curve[0]).toBeCloseTo(1, 12);
    expect(curve[1]).toBeCloseTo(9, 12);
    expect(curve[2]).toBeNull(); // no steady state: Wq is null
    expect(theoryCurve(lesson.checks[1], [0.5])).toEqual([null]);
  });
});
