// The ziggurat's N(0, 1) against the exact distribution: P(Z > c) at cut points across the body,
// the strips near the base and the tail, each within its binomial 99.9% interval (Bonferroni),
// symmetry, and the first four moments.
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { zigguratNormal } from '../../../src/sim/random/normalZiggurat.ts';
import { normalCdf, normalQuantile } from '../../../src/sim/stats/special.ts';

const N = 2_000_000;
const R = 3.442619855899;

describe('zigguratNormal', () => {
  const rng = seedrandom.alea('normal ziggurat');
  const zs = new Float64Array(N);
  for (let i = 0; i < N; i++) zs[i] = zigguratNormal(rng);

  const cuts = [-4, -R, -2.5, -1, -0.3, 0, 0.01, 0.5, 1.2, 2, 3, R * 0.999, R, 3.8, 4.5];
  it(`P(Z > c) = 1 - Phi(c) at ${cuts.length} cut points within binomial 99.9% intervals`, () => {
    const z = -normalQuantile(0.001 / cuts.length / 2);
    for (const c of cuts) {
      let above = 0;
      for (let i = 0; i < N; i++) if (zs[i] > c) above++;
      const p = 1 - normalCdf(c);
      const half = z * Math.sqrt((p * (1 - p)) / N) + 1 / N;
      expect(Math.abs(above / N - p), `P(Z > ${c}): ${above / N} vs ${p} ± ${half}`).toBeLessThanOrEqual(half);
    }
  });

  it('has mean 0, variance 1, skewness 0 and kurtosis 3 within 4.5 standard errors', () => {
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let bad = 0;
    for (const x of zs) {
      if (!Number.isFinite(x)) bad++;
      s1 += x;
      s2 += x * x;
      s3 += x * x * x;
      s4 += x * x * x * x;
    }
    expect(bad).toBe(0);
    // Standard errors of the raw moments E Z^k: sqrt((E Z^2k - (E Z^k)^2) / N).
    expect(Math.abs(s1 / N)).toBeLessThan(4.5 * Math.sqrt(1 / N));
    expect(Math.abs(s2 / N - 1)).toBeLessThan(4.5 * Math.sqrt(2 / N));
    expect(Math.abs(s3 / N)).toBeLessThan(4.5 * Math.sqrt(15 / N));
    expect(Math.abs(s4 / N - 3)).toBeLessThan(4.5 * Math.sqrt(96 / N));
  });
});
