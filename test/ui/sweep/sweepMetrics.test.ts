import { describe, expect, it } from 'vitest';
import { assembleSweep } from '../../../src/models/sweep/result.ts';
import { runSweepSlice } from '../../../src/models/sweep/run.ts';
import { runHere } from '../../../src/sim/replicate.ts';
import { sweepJobs, sweepPoints, type SweepSpec } from '../../../src/sim/sweep/plan.ts';
import { metricChoices, metricPoints } from '../../../src/ui/sweep/sweepMetrics.ts';

const spec: SweepSpec = {
  base: {
    name: 'M/M/c',
    horizon: 300,
    warmup: 0,
    replications: 3,
    producers: [{ id: 'p', to: 'q', interarrival: { dist: 'exponential', rate: 0.8 } }],
    queues: [{ id: 'q' }],
    consumers: [{ id: 'c', from: 'q', service: { dist: 'exponential', rate: 1 } }],
  },
  params: [{ path: 'consumers[0].count', values: [1, 2] }],
};

describe('metricPoints(result, metric)', () => {
  it('reads each point’s mean and CI off its summary, and theory off the sweep table’s .theory column', async () => {
    const planned = sweepPoints(spec);
    if (!planned.ok) throw new Error(planned.problems.join('\n'));
    const slice = await runSweepSlice(planned.points, { from: 0, to: sweepJobs(planned.points).length }, runHere);
    const result = assembleSweep(spec, planned.points, slice.warmups, slice.results);
    const choices = metricChoices(planned.points[0].scenario).map((c) => c.path);
    expect(choices).toContain('summary.queues.q.meanWait');
    expect(choices).toContain('summary.consumers.c.utilization');
    const pts = metricPoints(result, 'summary.queues.q.meanWait');
    expect(pts.x).toEqual([1, 2]);
    result.points.forEach((p, i) => {
      expect(pts.mean[i]).toBe(p.summary.queues.q.meanWait.mean);
      expect([pts.lo[i], pts.hi[i]]).toEqual(p.summary.queues.q.meanWait.ci95);
      expect(pts.theory[i]).toBe(p.theory.queues.q.result?.Wq);
    });
    expect(pts.theory[0]).toBeCloseTo(0.8 / (1 - 0.8), 12); // M/M/1: Wq = rho / (mu - lambda)
    expect(pts.theoryColumn).toBe('queues.q.meanWait.theory');
    expect(pts.models).toEqual(['M/M/1', 'M/M/c']);
    const goodput = metricPoints(result, 'summary.messages.goodput');
    expect(goodput.theoryColumn).toBeNull();
    expect(goodput.mean[0]).toBe(result.points[0].summary.messages.goodput.mean);
  });
});
