import { expect } from 'vitest';
import { studentTQuantile } from '../../src/sim/stats/studentT.ts';
import type { MeanCI } from '../../src/sim/stats/meanCI.ts';

/**
 * Asserts that a theoretical value lies inside the simulated mean's 99.9% confidence interval,
 * derived from its 95% one (same Student-t standard error, wider quantile). Each such check fails
 * by chance with probability 0.1% under a correct simulator, so a suite of ~50 of them has a ~5%
 * chance of one false alarm over all possible seeds; with fixed seeds, the result is repeatable.
 * A test making `family` checks at once shares the 0.1% among them (Bonferroni).
 */
export function expectAgrees(label: string, sim: MeanCI, theory: number, replications: number, family = 1): void {
  expect(sim.mean, `${label}: no simulated value`).not.toBeNull();
  expect(sim.ci95, `${label}: no confidence interval`).not.toBeNull();
  const [lo, hi] = sim.ci95!;
  const df = replications - 1;
  const alpha = 0.001 / family;
  const half = ((hi - lo) / 2) * (studentTQuantile(1 - alpha / 2, df) / studentTQuantile(0.975, df));
  const msg = `${label}: simulated ${sim.mean} ± ${half} (${100 * (1 - alpha)}%) vs theory ${theory}`;
  expect(Math.abs(sim.mean! - theory), msg).toBeLessThanOrEqual(half);
}
