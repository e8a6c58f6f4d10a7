import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../../src/models/experiment.ts';
import { parseScenario } from '../../../src/sim/scenario/parse.ts';
import { summaryRows, verdict } from '../../../src/ui/panels/summaryTable.ts';
import type { PageResult } from '../../../src/ui/worker/protocol.ts';

const scenario = (initial: number) =>
  parseScenario({
    name: 'a backlog of 200 drained by 2 consumers at 1/s, arrivals 1/s',
    horizon: 400,
    sampleEvery: 1,
    replications: 3,
    producers: [{ id: 'p', to: 'q', interarrival: { dist: 'exponential', rate: 1 } }],
    queues: [{ id: 'q', initial }],
    consumers: [{ id: 'c', from: 'q', count: 2, service: { dist: 'exponential', rate: 1 } }],
  });

const file = (name: string) => JSON.parse(readFileSync(new URL(`../../../scenarios/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const run = (s: Parameters<typeof runExperiment>[0]) => runExperiment(s, { fit: true }) as unknown as PageResult;
const metrics = (res: PageResult) => summaryRows(res).map((r) => r.metric);

describe('summaryRows(result)', () => {
  it('shows the drain of a queue with a backlog, simulated beside theory', () => {
    const result = runExperiment(scenario(200)) as unknown as PageResult;
    const row = summaryRows(result).find((r) => r.metric === 'drain time, until nothing waits');
    expect(row?.sim).toEqual(result.summary.queues.q.drainTime);
    expect(row?.theory).toBe((200 - 2) / (2 - 1)); // exact M/M/c: (B - c) / (c mu - lambda)
    const none = runExperiment(scenario(0)) as unknown as PageResult;
    expect(summaryRows(none).some((r) => r.metric.startsWith('drain'))).toBe(false);
  });

  it('shows the fluid drain estimate and the fitted time constants of Q(t) beside the exact drain', () => {
    const result = run(scenario(200));
    const rows = summaryRows(result);
    expect(rows.find((r) => r.metric === 'drain time, fluid B / (cμ − λ)')?.theory).toBe(200 / (2 - 1));
    const fit = result.fits!.Q;
    if ('error' in fit) throw new Error(fit.error);
    expect(fit.timeConstants.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.metric.startsWith('Q(t) fitted time constant')).map((r) => r.sim)).toEqual(fit.timeConstants);
  });

  it('shows an autoscaled group’s cost (consumer-seconds), mean count, scale changes and reversals', () => {
    const result = run(parseScenario({ ...file('autoscale-flapping.json'), horizon: 1000, warmup: 200, replications: 2 }));
    const rows = summaryRows(result);
    const c = result.summary.consumers.workers;
    const row = (m: string) => rows.find((r) => r.group.startsWith('consumer workers') && r.metric === m)?.sim;
    expect(row('consumer-seconds (cost)')).toEqual(c.consumerSeconds);
    expect(row('mean count')).toEqual(c.meanCount);
    expect(row('scale changes')).toEqual(c.scaleChanges);
    expect(row('reversals (flapping)')).toEqual(c.reversals);
    expect(c.scaleChanges.mean).toBeGreaterThan(0);
  });

  it('shows goodput beside throughput and the retry counts for clients with a timeout, and none of it for plain scenarios', () => {
    const result = run(parseScenario({ ...file('metastable-retries.json'), horizon: 600, replications: 2 }));
    const rows = summaryRows(result);
    const m = result.summary.messages;
    const row = (metric: string) => rows.find((r) => r.group === 'requests · clients with a timeout' && r.metric === metric);
    expect(row('goodput, answers in time')?.sim).toEqual(m.goodput);
    expect(row('throughput, all answers')?.sim).toEqual(m.throughput);
    expect(row('retries sent')?.sim).toBe(m.retries);
    expect(row('retries sent')?.count).toBe(true);
    expect(row('wasted: answered after the client gave up')?.sim).toBe(m.wasted);
    expect(m.retries).toBeGreaterThan(0);
    const plain = run(scenario(0));
    expect(metrics(plain).filter((x) => /goodput|retries|consumer-seconds|scale|drain|time constant/.test(x))).toEqual([]);
  });
});

describe('verdict(sim, theory)', () => {
  it('says whether theory lies in the 95% CI', () => {
    expect(verdict({ mean: 9.1, ci95: [8.6, 9.6] }, 9).within).toBe('✓ in CI');
    expect(verdict({ mean: 9.9, ci95: [9.6, 10.2] }, 9).within).toBe('✗ outside CI');
    expect(verdict({ mean: 0, ci95: [0, 0] }, 0).within).toBe('✓ in CI');
  });

  it('gives no verdict on an interval of width zero (every replication saw none of a rare event: the kafka preset’s Lq 0 ± 0 against 1e-62)', () => {
    const v = verdict({ mean: 0, ci95: [0, 0] }, 1.018e-62);
    expect(v.within).toBe('CI of width 0');
    expect(v.cls).toBe('');
  });
});
