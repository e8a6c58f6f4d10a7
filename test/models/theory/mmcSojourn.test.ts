import { describe, expect, it } from 'vitest';
import { mmc } from '../../../src/models/theory/mmc.ts';
import { mmcSojournQuantile, mmcSojournSurvival } from '../../../src/models/theory/mmcSojourn.ts';

describe('mmcSojournSurvival(lambda, mu, c, t)', () => {
  it('is the exponential tail of rate mu - lambda for one server', () => {
    for (const t of [0, 0.5, 3, 20]) expect(mmcSojournSurvival(0.9, 1, 1, t)).toBeCloseTo(Math.exp(-0.1 * t), 12);
  });

  it('integrates to the mean sojourn W of Erlang C, whatever the sign of (c - 1) mu - lambda', () => {
    for (const [lambda, c] of [[2.4, 3], [1, 2], [0.5, 4], [3.9, 4]] as const) {
      // The tail is a mix of exponentials: the trapezoid rule on a fine grid out to where it is negligible.
      const h = 1e-3;
      let area = 0;
      for (let t = 0; mmcSojournSurvival(lambda, 1, c, t)! > 1e-14; t += h) {
        area += (h * (mmcSojournSurvival(lambda, 1, c, t)! + mmcSojournSurvival(lambda, 1, c, t + h)!)) / 2;
      }
      expect(area).toBeCloseTo(mmc(lambda, 1, c).W!, 5);
    }
  });

  it('is null without a steady state', () => {
    expect(mmcSojournSurvival(3, 1, 3, 1)).toBeNull();
    expect(mmcSojournQuantile(3, 1, 3, 0.99)).toBeNull();
  });
});

describe('mmcSojournQuantile(lambda, mu, c, q)', () => {
  it('inverts the survival function', () => {
    expect(mmcSojournQuantile(0.9, 1, 1, 0.99)).toBeCloseTo(Math.log(100) / 0.1, 9);
    const t = mmcSojournQuantile(2.4, 1, 3, 0.99)!;
    expect(mmcSojournSurvival(2.4, 1, 3, t)).toBeCloseTo(0.01, 12);
  });

  it('refuses q outside (0, 1)', () => {
    expect(() => mmcSojournQuantile(1, 2, 1, 1)).toThrow('q must be in (0, 1), got 1');
  });
});
