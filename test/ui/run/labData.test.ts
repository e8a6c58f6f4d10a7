import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src/sim/engine/simulation.ts';
import { sampleGrid } from '../../../src/sim/engine/recorder.ts';
import { parseScenario } from '../../../src/sim/scenario/parse.ts';
import { applyMessage, emptyLab } from '../../../src/ui/run/labData.ts';
import { sampleBatch, samplesTaken } from '../../../src/ui/worker/sampleBatch.ts';

const flapping = parseScenario({
  ...(JSON.parse(readFileSync(new URL('../../../scenarios/autoscale-flapping.json', import.meta.url), 'utf8')) as object),
  horizon: 1000,
  warmup: 0,
});

describe('applyMessage(lab, batch)', () => {
  it('keeps the live replication’s server count N(t) as the recorder sampled it, batch after batch', () => {
    const lab = emptyLab();
    const grid = sampleGrid(flapping.horizon, flapping.sampleEvery);
    applyMessage(lab, { type: 'started', grid, queueIds: ['q'], consumerIds: ['workers'], scaledIds: ['workers'], replications: 1 });
    const sim = new Simulation(flapping, 0, 0);
    const live = { replication: 0, time: 0, queueLength: [0], utilization: [0], servers: [2], fraction: 0, phase: 'main' as const, messages: 0, messagesPerSecond: null };
    let posted = 0;
    for (const t of [333, 700, 1000]) {
      sim.runUntil(t);
      const taken = samplesTaken(sim.recorder);
      applyMessage(lab, { type: 'batch', batch: sampleBatch(sim.recorder, 0, posted, taken), live });
      posted = taken;
    }
    const taken = lab.live!.taken;
    expect(taken).toBe(samplesTaken(sim.recorder));
    expect(taken).toBeGreaterThan(grid.length - 2);
    expect(Array.from(lab.live!.consumerN[0].subarray(0, taken))).toEqual(Array.from(sim.recorder.consumerN[0].subarray(0, taken)));
    expect(new Set(lab.live!.consumerN[0].subarray(0, taken)).size).toBeGreaterThan(3); // it scaled
  });
});
