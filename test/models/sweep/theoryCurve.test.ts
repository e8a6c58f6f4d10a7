import { describe, expect, it } from 'vitest';
import { assembleSweep } from '../../../src/models/sweep/result.ts';
import { runSweepSlice } from '../../../src/models/sweep/run.ts';
import { sweepColumns } from '../../../src/models/sweep/table.ts';
import { curveValues, theoryCurves } from '../../../src/models/sweep/theoryCurve.ts';
import { runHere } from '../../../src/sim/replicate.ts';
import { sweepJobs, sweepPoints, type SweepSpec } from '../../../src/sim/sweep/plan.ts';

const base = {
  name: 'M/M/c',
  horizon: 200,
  warmup: 0,
  replications: 2,
  producers: [{ id: 'p', to: 'q', interarrival: { dist: 'exponential', rate: 0.5 } }],
  queues: [{ id: 'q' }],
  consumers: [{ id: 'c', from: 'q', service: { dist: 'exponential', rate: 1 } }],
};

async function columnsOf(spec: SweepSpec) {
  const planned = sweepPoints(spec);
  if (!planned.ok) throw new Error(planned.problems.join('\n'));
  const slice = await runSweepSlice(planned.points, { from: 0, to: sweepJobs(planned.points).length }, runHere);
  const result = assembleSweep(spec, planned.points, slice.warmups, slice.results);
  return { result, columns: sweepColumns(result) };
}

describe('curveValues(values, count)', () => {
  it('spans the swept values evenly, keeps them, ascending without repeats', () => {
    expect(curveValues([0.9, 0.3, 0.6], 5)).toEqual([0.3, 0.45, 0.6, 0.75, 0.9]);
    expect(curveValues([2], 5)).toEqual([2]);
  });
});

describe('theoryCurves(base, param, columns, xs)', () => {
  it('gives M/M/1 theory, Wq = lambda / (mu (mu - lambda)), at every value, and the table’s theory at the swept ones', async () => {
    const param = { path: 'producers[0].interarrival.rate', values: [0.3, 0.6, 0.9] };
    const { result, columns } = await columnsOf({ base, params: [param] });
    const xs = curveValues(param.values as number[], 31);
    const c = theoryCurves(base, param, columns, xs);
    expect(c.x).toEqual(xs);
    c.x.forEach((lambda, i) => expect(c.curves['queues.q.meanWait.theory'][i]).toBeCloseTo(lambda / (1 - lambda), 12));
    c.x.forEach((lambda, i) => expect(c.curves['consumers.c.utilization.theory'][i]).toBeCloseTo(lambda, 12));
    const wq = columns.find((col) => col.name === 'queues.q.meanWait.theory')!;
    for (const p of result.points) expect(c.curves['queues.q.meanWait.theory'][c.x.indexOf(p.values[param.path] as number)]).toBe(wq.value(p));
  });

  it('keeps only the values a scenario can take (whole servers), and null where theory does not apply (an unstable queue)', async () => {
    const count = { path: 'consumers[0].count', values: [1, 2, 3] };
    const { columns } = await columnsOf({ base, params: [count] });
    expect(theoryCurves(base, count, columns, curveValues([1, 3], 41)).x).toEqual([1, 2, 3]);
    const rate = { path: 'producers[0].interarrival.rate', values: [0.5, 1.5] };
    const c = theoryCurves(base, rate, columns, [0.5, 1.5]);
    expect(c.x).toEqual([0.5, 1.5]);
    expect(c.curves['queues.q.meanWait.theory'][0]).toBeCloseTo(1, 12);
    expect(c.curves['queues.q.meanWait.theory'][1]).toBeNull();
  });
});
