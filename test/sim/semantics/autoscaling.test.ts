import { describe, expect, it } from 'vitest';
import { runReplication } from '../../../src/sim/replicate.ts';
import { meanCI } from '../../../src/sim/stats/meanCI.ts';
import { expectAgrees } from '../../helpers/agreement.ts';
import { loadExample } from '../../helpers/scenarios.ts';

const SEEDS = 5; // the files' replications 0..4

function runs(name: string) {
  const scenario = loadExample(name);
  const warmup = scenario.warmup as number;
  return Array.from({ length: SEEDS }, (_, r) => runReplication(scenario, r, warmup, { series: false }).figures.consumers[0]);
}

describe('autoscaling policies', () => {
  const flapping = runs('autoscale-flapping');
  const calm = runs('autoscale-cooldown');

  it('no cooldown with a slow start-up flaps; a cooldown as long as the start-up does not (every seed)', () => {
    flapping.forEach((f, r) => {
      const c = calm[r];
      expect(f.scaleChanges, `seed ${r}`).toBeGreaterThan(150);
      expect(c.scaleChanges, `seed ${r}`).toBeLessThan(100);
      expect(f.reversals, `seed ${r}`).toBeGreaterThan(2 * c.reversals);
      // Flapping also costs: more consumer-seconds for the same work.
      expect(f.consumerSeconds, `seed ${r}`).toBeGreaterThan(c.consumerSeconds);
    });
  });

  it('whatever the policy, the busy servers average lambda E[S] = 8 (work conservation)', () => {
    for (const [name, figures] of [
      ['flapping', flapping],
      ['cooldown', calm],
    ] as const) {
      const busy = meanCI(figures.map((f) => f.utilization * f.meanCount));
      expectAgrees(`${name}: mean busy servers`, busy, 8, SEEDS, 2);
    }
  });
});
