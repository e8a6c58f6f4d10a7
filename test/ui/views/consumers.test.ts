import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../../src/models/experiment.ts';
import { parseScenario } from '../../../src/sim/scenario/parse.ts';
import { consumersSpec } from '../../../src/ui/views/consumers.ts';
import type { Layer } from '../../../src/ui/plots/figure.ts';
import { labFrom } from './labFrom.ts';

const theme = { fg: '#000', muted: '#666', grid: '#eee', bg: '#fff', band: '#00f' };
const file = (name: string) => JSON.parse(readFileSync(new URL(`../../../scenarios/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

describe('consumersSpec(lab, scenario, domain, width, theme)', () => {
  it('draws an autoscaled group’s mean count N(t) as a step line, with its bounds and mean count', () => {
    const scenario = parseScenario({ ...file('autoscale-flapping.json'), horizon: 1000, warmup: 200, replications: 2 });
    const result = runExperiment(scenario);
    const lab = labFrom(result);
    expect(lab.scaledIds).toEqual(['workers']);
    const spec = consumersSpec(lab, scenario, [0, 1000], 640, theme, undefined)!;
    const line = spec.layers.find((l): l is Extract<Layer, { kind: 'line' }> => l.kind === 'line' && l.label === 'N workers mean')!;
    expect(line.step).toBe(true);
    expect(Array.from(line.y)).toEqual(result.series.consumers.workers.N);
    // It really moves: a flapping policy changes the count many times in a replication.
    expect(new Set(result.series.consumers.workers.N).size).toBeGreaterThan(5);
    const rules = spec.layers.filter((l): l is Extract<Layer, { kind: 'hrule' }> => l.kind === 'hrule').map((l) => l.value);
    expect(rules).toEqual([20, 1, result.summary.consumers.workers.meanCount.mean]);
    expect(spec.y.domain()[1]).toBeGreaterThanOrEqual(20);
  });

  it('is null for a scenario without autoscaling (the card stays hidden)', () => {
    const scenario = parseScenario({ ...file('mm1.json'), horizon: 200, warmup: 0, replications: 2 });
    expect(consumersSpec(labFrom(runExperiment(scenario)), scenario, [0, 200], 640, theme, undefined)).toBeNull();
  });
});
