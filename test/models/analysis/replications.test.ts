import { describe, expect, it } from 'vitest';
import { replicationsNeeded } from '../../../src/models/analysis/replications.ts';
import { studentTQuantile, tCritical95 } from '../../../src/sim/stats/studentT.ts';

/** Law & Kelton's rule by direct iteration i = n, n + 1, ... */
function iterate(mean: number, sd: number, n: number, gamma: number, level = 0.95): number {
  for (let i = n; ; i++) if ((studentTQuantile(0.5 + level / 2, i - 1) * sd) / Math.sqrt(i) / Math.abs(mean) <= gamma) return i;
}

describe('replicationsNeeded', () => {
  it('replicationsNeeded({1, 1, 2}, 1) is 7: t_{5,.975}/sqrt(6) = 1.0495 > 1 >= t_{6,.975}/sqrt(7) = 0.9249', () => {
    const r = replicationsNeeded({ mean: 1, stdDev: 1, n: 2 }, 1);
    expect(r.replications).toBe(7);
    expect(r.additional).toBe(5);
    expect(r.halfWidth).toBeCloseTo(tCritical95(6) / Math.sqrt(7), 14);
    expect(r.currentHalfWidth).toBeCloseTo(tCritical95(1) / Math.sqrt(2), 14);
    expect(r.reason).toBeNull();
  });

  it('replicationsNeeded matches iterating i = n, n+1, ... (Law & Kelton)', () => {
    const cases: [number, number, number, number, number][] = [
      [10, 2, 10, 0.05, 0.95],
      [8.1, 3.4, 5, 0.01, 0.95],
      [-3, 1, 3, 0.1, 0.9],
      [0.02, 0.05, 20, 0.2, 0.99],
    ];
    for (const [mean, sd, n, gamma, level] of cases) {
      const r = replicationsNeeded({ mean, stdDev: sd, n }, gamma, level);
      expect(r.replications).toBe(iterate(mean, sd, n, gamma, level));
      expect(r.relativeHalfWidth!).toBeLessThanOrEqual(gamma);
    }
  });

  it('replicationsNeeded returns n when the target is already met, or the spread is 0', () => {
    expect(replicationsNeeded({ mean: 100, stdDev: 1, n: 10 }, 0.05).replications).toBe(10);
    expect(replicationsNeeded({ mean: 0, stdDev: 0, n: 4 }, 0.05).replications).toBe(4);
  });

  it('replicationsNeeded gives null with a reason when the mean is 0', () => {
    const r = replicationsNeeded({ mean: 0, stdDev: 1, n: 5 }, 0.05);
    expect(r.replications).toBeNull();
    expect(r.reason).toBe('the mean is 0, so a relative half-width is undefined');
  });

  it('replicationsNeeded rejects bad input', () => {
    expect(() => replicationsNeeded({ mean: 1, stdDev: 1, n: 1 }, 0.1)).toThrow('replicationsNeeded: n must be an integer >= 2, got 1');
    expect(() => replicationsNeeded({ mean: 1, stdDev: -1, n: 3 }, 0.1)).toThrow(
      'replicationsNeeded: stdDev must be a finite number >= 0, got -1',
    );
    expect(() => replicationsNeeded({ mean: 1, stdDev: 1, n: 3 }, 0)).toThrow(
      'replicationsNeeded: targetRelativeHalfWidth must be a finite number > 0, got 0',
    );
  });
});
