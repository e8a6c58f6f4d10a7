import { describe, expect, it } from 'vitest';
import { readPlanInputs, type PlanFormValues } from '../../../src/ui/plan/planInputs.ts';

const good: PlanFormValues = { vary: 'consumers[0].count', metric: 'summary.messages.endToEnd.p99', threshold: '2', min: '', max: '', replications: '5' };
const fields = (over: Partial<PlanFormValues>, valid = true) => {
  const r = readPlanInputs({ ...good, ...over }, valid);
  return r.ok ? [] : r.problems.map((p) => `${p.field}: ${p.message}`);
};

describe('readPlanInputs', () => {
  it('reads good inputs: the path, replications and an optional range', () => {
    expect(readPlanInputs(good, true)).toEqual({ ok: true, vary: 'consumers[0].count', replications: 5, min: undefined, max: undefined });
    expect(readPlanInputs({ ...good, min: '1', max: '30' }, true)).toMatchObject({ ok: true, min: 1, max: 30 });
  });

  it('ties every problem to its field (the card took "abc" as a threshold and 0 replications until Run was pressed)', () => {
    expect(fields({ vary: '' })).toEqual(['vary: parameter: "" must start with a field name, e.g. producers[0].interarrival.rate']);
    expect(fields({ metric: ' ' })).toEqual(['target: target: name a summary metric, e.g. summary.queues.q.meanWait']);
    expect(fields({ threshold: 'abc' })).toEqual(['target: threshold: a number (got "abc")']);
    expect(fields({ threshold: '1e999' })).toEqual(['target: threshold: a number (got "1e999")']);
    expect(fields({ min: 'x' })).toEqual(['range: range from: a number, or empty for the default (got "x")']);
    expect(fields({ min: '5', max: '2' })).toEqual(['range: range: empty, from must be below to (got 5 to 2)']);
    expect(fields({ replications: '1' })).toEqual(['replications: replications: a whole number >= 2, so that each value has a confidence interval (got "1")']);
    expect(fields({ replications: '1.5' })).toHaveLength(1);
    expect(fields({}, false)).toEqual(['general: the scenario has problems: fix them first (listed under the JSON editor)']);
  });
});
