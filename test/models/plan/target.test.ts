import { describe, expect, it } from 'vitest';
import { meetsConfidently, parseTarget, readPath } from '../../../src/models/plan/target.ts';

describe('parseTarget(text)', () => {
  it('reads the metric path inside summary, the comparison and the threshold', () => {
    const t = parseTarget('summary.messages.endToEnd.p99 < 2');
    expect(t).toMatchObject({ metric: 'summary.messages.endToEnd.p99', op: '<', threshold: 2 });
    expect(readPath({ messages: { endToEnd: { p99: 1.5 } } }, t.steps)).toBe(1.5);
    expect(parseTarget('queues[q].meanWait>=0.5')).toMatchObject({ op: '>=', threshold: 0.5 });
  });

  it('names what is wrong', () => {
    expect(() => parseTarget('summary.messages.endToEnd.p99')).toThrow('expected METRIC < NUMBER');
    expect(() => parseTarget('summary.queues.q.meanWait < two')).toThrow('the threshold must be a number (got "two")');
    expect(() => parseTarget('summary < 2')).toThrow('name a metric inside summary');
  });
});

describe('meetsConfidently(target, meanCI)', () => {
  const below = parseTarget('x < 2');
  const above = parseTarget('x > 2');
  it('asks the whole interval, not the mean, to be on the target side', () => {
    expect(meetsConfidently(below, { mean: 1.8, ci95: [1.7, 1.9] })).toBe(true);
    expect(meetsConfidently(below, { mean: 1.8, ci95: [1.5, 2.1] })).toBe(false);
    expect(meetsConfidently(above, { mean: 2.2, ci95: [2.1, 2.3] })).toBe(true);
    expect(meetsConfidently(above, { mean: 2.2, ci95: [1.9, 2.5] })).toBe(false);
  });

  it('never trusts a value without an interval', () => {
    expect(meetsConfidently(below, { mean: 0.1, ci95: null })).toBe(false);
    expect(meetsConfidently(below, { mean: null, ci95: null })).toBe(false);
  });
});
