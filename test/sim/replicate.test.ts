import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  combineReplications,
  figuresFromData,
  figuresToData,
  runHere,
  runReplication,
  simulateWith,
  summariseReplications,
} from '../../src/sim/replicate.ts';
import { simulate, type Progress } from '../../src/sim/run.ts';
import { parseScenario } from '../../src/sim/scenario/parse.ts';
import type { Scenario } from '../../src/sim/scenario/types.ts';

/** An example scenario, made short. */
function example(name: string, horizon: number, replications: number): Scenario {
  const raw = JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8'));
  return parseScenario({ ...raw, horizon, warmup: horizon / 10, replications, sampleEvery: horizon / 50 });
}

describe('runReplication + combineReplications', () => {
  for (const name of ['tandem', 'priority', 'at-least-once', 'autoscale-cooldown', 'metastable-backoff']) {
    it(`${name}: combined in any order, they give exactly what simulate() gives`, () => {
      const scenario = example(name, 2000, 4);
      const expected = JSON.stringify(simulate(scenario, { warmup: 200 }));
      const results = [2, 0, 3, 1].map((r) => runReplication(scenario, r, 200));
      expect(JSON.stringify(combineReplications(scenario, 200, results))).toBe(expected);
      const summary = summariseReplications(scenario, 200, results.map((r) => ({ ...r, series: null })));
      expect(JSON.stringify(summary)).toBe(JSON.stringify(JSON.parse(expected).summary));
    });
  }

  it('figuresToData gives plain data that figuresFromData turns back into equal figures', () => {
    const scenario = example('priority', 2000, 1);
    const data = runReplication(scenario, 0, 200).figures;
    expect(structuredClone(data)).toEqual(data);
    expect(figuresToData(figuresFromData(data))).toEqual(data);
    expect(data.classes.map(([v]) => v).sort()).toEqual([0, 1]); // in the order the run met them
  });

  it('combineReplications refuses a missing or repeated replication', () => {
    const scenario = example('mm1', 500, 3);
    const r = [0, 1, 1].map((i) => runReplication(scenario, i, 0));
    expect(() => combineReplications(scenario, 0, r)).toThrow('expected replications 0..2, each once; got [0, 1, 1]');
    expect(() => combineReplications(scenario, 0, r.slice(0, 2))).toThrow('got [0, 1]');
  });

  it('runReplication without series hands back figures only', () => {
    expect(runReplication(example('mm1', 500, 1), 0, 0, { series: false }).series).toBeNull();
  });
});

describe('simulateWith(runner, scenario, options)', () => {
  it('equals simulate() and reports progress up to every replication done', async () => {
    const scenario = example('mm1', 1000, 3);
    const seen: Progress[] = [];
    const out = await simulateWith(runHere, scenario, { warmup: 100, onProgress: (p) => seen.push(p) });
    expect(JSON.stringify(out)).toBe(JSON.stringify(simulate(scenario, { warmup: 100 })));
    const last = seen[seen.length - 1];
    expect(last).toMatchObject({ replication: 3, replications: 3, fraction: 1 });
    expect(last.messages).toBe(out.summary.messages.produced);
    for (let i = 1; i < seen.length; i++) expect(seen[i].fraction).toBeGreaterThanOrEqual(seen[i - 1].fraction);
  });
});
