import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runExperiment, runExperimentWith } from '../../src/models/experiment.ts';
import { parseScenario } from '../../src/sim/scenario/parse.ts';
import { streamedPass, type ClosedReplication } from '../../src/ui/worker/streamedPass.ts';

function load(file: string, patch: Record<string, unknown> = {}) {
  const raw = JSON.parse(readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8'));
  return parseScenario({ ...raw, ...patch });
}

describe('streamedPass(hooks)', () => {
  it('gives runExperimentWith the result of runExperiment(scenario, { fit: true }), byte for byte', async () => {
    const scenario = load('mm1.json', { horizon: 5000, replications: 3, sampleEvery: 10, warmup: 100 });
    let k = 0;
    const pass = streamedPass({ advance: (sim) => sim.runUntil(sim.now + 7.3 + (k++ % 5) * 31) });
    const sliced = await runExperimentWith(scenario, pass, { fit: true });
    expect(JSON.stringify(sliced, null, 2)).toBe(JSON.stringify(runExperiment(scenario, { fit: true }), null, 2));
  });

  it('runs a pilot pass then the main pass for warmup "auto"', async () => {
    const scenario = load('burst.json', { replications: 3, horizon: 1500, warmup: 'auto' });
    const closed: ClosedReplication[] = [];
    const pass = streamedPass({ advance: (sim) => sim.runUntil(sim.now + 97), closed: (c) => closed.push(c) });
    const sliced = await runExperimentWith(scenario, pass, { fit: true });
    expect(closed.map((c) => `${c.phase}${c.replication}`)).toEqual(['pilot0', 'pilot1', 'pilot2', 'main0', 'main1', 'main2']);
    expect(JSON.stringify(sliced)).toBe(JSON.stringify(runExperiment(scenario, { fit: true })));
  });

  it('hands each closed replication the mean of those so far', async () => {
    const scenario = load('mm1.json', { horizon: 200, replications: 2, sampleEvery: 10, warmup: 0 });
    const closed: ClosedReplication[] = [];
    await runExperimentWith(scenario, streamedPass({ advance: (sim) => sim.runUntil(sim.now + 50), closed: (c) => closed.push(c) }));
    expect(closed).toHaveLength(2);
    expect(closed[0].mean.t).toHaveLength(21);
    expect(closed[0].mean.band).toBeNull();
    expect(closed[1].mean.band).not.toBeNull();
  });
});
