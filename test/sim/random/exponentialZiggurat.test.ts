// The ziggurat's Exp(1) against the exact distribution: the probability of every strip's range,
// of the wedges and of the tail beyond the base strip, each within its binomial 99.9% interval.
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { zigguratExponential } from '../../../src/sim/random/exponentialZiggurat.ts';
import { normalQuantile } from '../../../src/sim/stats/special.ts';

const N = 2_000_000;
const R = 7.69711747013104972;

describe('zigguratExponential', () => {
  const rng = seedrandom.alea('ziggurat');
  const xs = new Float64Array(N);
  for (let i = 0; i < N; i++) xs[i] = zigguratExponential(rng);

  // Cut points where the method changes regime (strip edges near the base, the tail) and spread
  // over the body: P(X > c) = e^-c exactly.
  const cuts = [1e-4, 0.01, 0.1, 0.5, 1, 2, 3, 5, 6.5, 7, R * 0.999, R, 9, 11];
  it(`P(X > c) = e^-c at ${cuts.length} cut points within binomial 99.9% intervals (Bonferroni)`, () => {
    const z = -normalQuantile(0.001 / cuts.length / 2);
    for (const c of cuts) {
      let above = 0;
      for (let i = 0; i < N; i++) if (xs[i] > c) above++;
      const p = Math.exp(-c);
      const half = z * Math.sqrt((p * (1 - p)) / N) + 1 / N; // + 1/N: continuity
      expect(Math.abs(above / N - p), `P(X > ${c}): ${above / N} vs ${p} ± ${half}`).toBeLessThanOrEqual(half);
    }
  });

  it('has mean 1 and variance 1 within 4.5 standard errors, and no negative or infinite value', () => {
    let s = 0;
    let s2 = 0;
    let bad = 0;
    for (const x of xs) {
      if (!(x >= 0 && x < Infinity)) bad++;
      s += x;
      s2 += x * x;
    }
    expect(bad).toBe(0);
    const mean = s / N;
    const variance = s2 / N - mean * mean;
    expect(Math.abs(mean - 1)).toBeLessThan(4.5 * Math.sqrt(1 / N)); // Var X = 1
    expect(Math.abs(variance - 1)).toBeLessThan(4.5 * Math.sqrt(8 / N)); // SE of a variance: sqrt((mu4 - sigma^4) / N), central mu4 = 9
  });

  it('is memoryless in the tail: X - 3 given X > 3 has mean 1', () => {
    let n = 0;
    let s = 0;
    for (const x of xs) if (x > 3) (n++, (s += x - 3));
    expect(Math.abs(s / n - 1)).toBeLessThan(4.5 / Math.sqrt(n));
  });
});
