import { describe, expect, it } from 'vitest';
import { parseShard, shardRange, sweepJobs, sweepPoints, type SweepSpec } from '../../../src/sim/sweep/plan.ts';

const base = {
  name: 'M/M/1',
  horizon: 100,
  replications: 3,
  producers: [{ id: 'p', to: 'q', interarrival: { dist: 'exponential', rate: 0.5 } }],
  queues: [{ id: 'q' }],
  consumers: [{ id: 'c', from: 'q', service: { dist: 'exponential', rate: 1 } }],
};

describe('sweepPoints(spec)', () => {
  it('makes the grid, the first parameter varying slowest, each point a checked scenario', () => {
    const spec: SweepSpec = {
      base,
      params: [
        { path: 'producers[0].interarrival.rate', values: [0.2, 0.4] },
        { path: 'consumers[0].count', values: [1, 2, 3] },
      ],
    };
    const r = sweepPoints(spec);
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r.points.map((p) => p.values)).toEqual([[0.2, 1], [0.2, 2], [0.2, 3], [0.4, 1], [0.4, 2], [0.4, 3]]);
    expect(r.points[4].scenario.consumers[0].count).toBe(2);
    expect(r.points[4].scenario.producers[0].interarrival).toEqual({ dist: 'exponential', rate: 0.4 });
    expect(r.points.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('reports each bad point once per problem, naming the point', () => {
    const r = sweepPoints({ base, params: [{ path: 'producers[0].interarrival.rate', values: [1, -1, 0] }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      'at producers[0].interarrival.rate = -1: producers[0].interarrival.rate: must be > 0 (got -1)',
      'at producers[0].interarrival.rate = 0: producers[0].interarrival.rate: must be > 0 (got 0)',
    ]);
  });

  it('refuses a field swept twice, however it is spelt (the first one\'s values would be lost)', () => {
    const r = sweepPoints({
      base,
      params: [
        { path: 'producers[0].interarrival.rate', values: [0.2] },
        { path: 'producers[p].interarrival.rate', values: [0.4] },
      ],
    });
    expect(r).toEqual({
      ok: false,
      problems: ['--param producers[p].interarrival.rate: the same field as --param producers[0].interarrival.rate; sweep each parameter once'],
    });
    const distinct = sweepPoints({
      base,
      params: [
        { path: 'producers.0.interarrival.rate', values: [0.2] },
        { path: 'consumers[c].count', values: [2] },
      ],
    });
    expect(distinct.ok).toBe(true);
  });

  it('reports a path that leads nowhere once', () => {
    const r = sweepPoints({ base, params: [{ path: 'queues[3].capacity', values: [1, 2] }] });
    expect(r).toEqual({ ok: false, problems: ['--param queues[3].capacity: queues has no element [3] (it has 1)'] });
  });
});

describe('jobs and shards', () => {
  it('sweepJobs lists replications point by point', () => {
    const r = sweepPoints({ base, params: [{ path: 'seed', values: [1, 2] }] });
    if (!r.ok) throw new Error('bad');
    expect(sweepJobs(r.points)).toEqual([0, 1, 2, 3, 4, 5].map((j) => ({ point: Math.floor(j / 3), replication: j % 3 })));
  });

  it('shardRange cuts the jobs into contiguous slices that cover each job once', () => {
    for (const jobs of [0, 1, 7, 10, 101]) {
      for (const n of [1, 2, 3, 8]) {
        const ranges = Array.from({ length: n }, (_, i) => shardRange(jobs, { k: i + 1, n }));
        expect(ranges[0].from).toBe(0);
        expect(ranges[n - 1].to).toBe(jobs);
        for (let i = 1; i < n; i++) expect(ranges[i].from).toBe(ranges[i - 1].to);
        const sizes = ranges.map((r) => r.to - r.from);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('parseShard reads K/N and refuses anything else', () => {
    expect(parseShard('2/5')).toEqual({ k: 2, n: 5 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1', '1/2/3']) expect(() => parseShard(bad)).toThrow('--shard: must be K/N');
  });
});
