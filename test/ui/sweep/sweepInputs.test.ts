import { describe, expect, it } from 'vitest';
import { readSweepInputs } from '../../../src/ui/sweep/sweepInputs.ts';

const scenario = {
  name: 'M/M/1',
  seed: 7,
  horizon: 100,
  replications: 10,
  producers: [{ id: 'p', to: 'q', interarrival: { dist: 'exponential', rate: 0.5 } }],
  queues: [{ id: 'q' }],
  consumers: [{ id: 'c', from: 'q', service: { dist: 'exponential', rate: 1 } }],
};
const good = { param: 'producers[0].interarrival.rate', values: '0.3:0.9:0.2', replications: '3', metric: 'summary.queues.q.meanWait' };
const problems = (form: Partial<typeof good>, s: unknown = scenario) => {
  const r = readSweepInputs({ ...good, ...form }, s);
  return r.ok ? [] : r.problems;
};

describe('readSweepInputs(form, scenario)', () => {
  it('gives the base (the scenario with the replications set, as --replications sets it), the parameter and the checked points', () => {
    const r = readSweepInputs(good, scenario);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.base).toEqual({ ...scenario, replications: 3 });
    expect(Object.keys(r.base as object)).toEqual(Object.keys(scenario)); // key order kept: the JSON is the CLI's
    expect(scenario.replications).toBe(10); // not mutated
    expect(r.param).toEqual({ path: 'producers[0].interarrival.rate', values: [0.3, 0.5, 0.7, 0.9] });
    expect(r.points.map((p) => p.scenario.producers[0].interarrival)).toEqual([0.3, 0.5, 0.7, 0.9].map((rate) => ({ dist: 'exponential', rate })));
  });

  it('names each bad input at its field with the rule', () => {
    expect(problems({ values: '0.3:0.9:0' })).toEqual([{ field: 'values', message: 'values: STEP of A:B:STEP must not be 0' }]);
    expect(problems({ values: 'fifo,lifo' })).toEqual([{ field: 'values', message: 'values: must be numbers, the plot’s x axis (got "fifo", "lifo")' }]);
    expect(problems({ values: '1:500:1' })[0].message).toMatch(/500 values, more than the lab’s 200/);
    expect(problems({ param: 'producers[0].' })[0]).toMatchObject({ field: 'param', message: expect.stringMatching(/^parameter: .*cannot read "\."/) });
    expect(problems({ param: 'producers[3].interarrival.rate' })[0]).toMatchObject({ field: 'param', message: expect.stringMatching(/no element \[3\]/) });
    for (const reps of ['1', '2.5', '', 'x', '1001']) expect(problems({ replications: reps }).map((p) => p.field), reps).toEqual(['replications']);
    expect(problems({ values: '0.5,-1' })).toEqual([{ field: 'general', message: expect.stringMatching(/^at producers\[0\]\.interarrival\.rate = -1: /) }]);
    expect(problems({ metric: 'summary.queues.nope.meanWait' })[0]).toMatchObject({ field: 'metric' });
    expect(problems({ metric: 'summary.classes.1.meanWait' })).toEqual([]); // classes are known after the run
    const noScenario = readSweepInputs(good, undefined);
    expect(noScenario.ok ? null : noScenario.problems[0]).toMatchObject({ field: 'general', message: expect.stringMatching(/the scenario has problems/) });
  });
});
