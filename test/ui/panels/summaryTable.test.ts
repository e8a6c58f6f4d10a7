import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../../src/models/experiment.ts';
import { parseScenario } from '../../../src/sim/scenario/parse.ts';
import { summaryRows } from '../../../src/ui/panels/summaryTable.ts';
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

describe('summaryRows(result)', () => {
  it('shows the drain of a queue with a backlog, simulated beside theory', () => {
    const result = runExperiment(scenario(200)) as unknown as PageResult;
    const row = summaryRows(result).find((r) => r.metric === 'drain time, until nothing waits');
    expect(row?.sim).toEqual(result.summary.queues.q.drainTime);
    expect(row?.theory).toBe((200 - 2) / (2 - 1)); // exact M/M/c: (B - c) / (c mu - lambda)
    const none = runExperiment(scenario(0)) as unknown as PageResult;
    expect(summaryRows(none).some((r) => r.metric.startsWith('drain'))).toBe(false);
  });
});
