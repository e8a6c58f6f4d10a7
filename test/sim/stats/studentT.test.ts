import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTQuantile, tCritical95 } from '../../../src/sim/stats/studentT.ts';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('studentTQuantile', () => {
  // Two-sided 95% critical values t_{df, 0.975}, tabulated to 9 significant digits.
  const table: [number, number][] = [
    [1, 12.7062047],
    [2, 4.30265273],
    [3, 3.18244631],
    [5, 2.57058184],
    [9, 2.26215716],
    [30, 2.04227246],
    [1000, 1.96233908],
    [Infinity, 1.95996398],
  ];

  it('tCritical95(df) matches table values to 1e-8 relative', () => {
    for (const [df, value] of table) {
      expect(rel(tCritical95(df), value)).toBeLessThan(1e-8);
      expect(tCritical95(df)).toBe(studentTQuantile(0.975, df));
    }
  });

  it('tends to the normal quantile 1.95996398 as df grows', () => {
    let previous = Infinity;
    for (const df of [1e3, 1e4, 1e5, 1e6, 1e8, 1e12]) {
      const t = tCritical95(df);
      expect(t).toBeLessThan(previous);
      expect(t).toBeGreaterThan(1.959963984540054);
      previous = t;
    }
    expect(rel(tCritical95(1e12), 1.959963984540054)).toBeLessThan(1e-11);
  });

  it('studentTCdf(studentTQuantile(p, df), df) = p, deep in both tails', () => {
    for (const df of [0.5, 1, 1.5, 2, 3, 4, 7.3, 30, 1000, 9999]) {
      for (const p of [1e-10, 1e-3, 0.025, 0.3, 0.7, 0.975, 1 - 1e-6]) {
        const t = studentTQuantile(p, df);
        const tail = p < 0.5 ? studentTCdf(t, df) : 1 - studentTCdf(t, df);
        expect(rel(tail, p < 0.5 ? p : 1 - p)).toBeLessThan(1e-10);
      }
    }
  });

  it('is odd about p = 1/2 and exact for df = 1 (Cauchy) and df = 2', () => {
    for (const df of [1, 2.5, 17]) {
      expect(studentTQuantile(0.5, df)).toBe(0);
      expect(studentTQuantile(0.25, df)).toBe(-studentTQuantile(0.75, df));
    }
    expect(rel(studentTQuantile(0.975, 1), Math.tan(Math.PI * 0.475))).toBeLessThan(1e-15);
    expect(rel(studentTQuantile(0.975, 2), 0.95 / Math.sqrt(2 * 0.975 * 0.025))).toBeLessThan(1e-15);
  });

  it('is continuous where the large-df expansion takes over (df = 1e4), deep into the tails', () => {
    for (const p of [1e-30, 1e-8, 0.025, 0.3]) {
      const below = studentTQuantile(p, 1e4);
      const above = studentTQuantile(p, 1e4 * (1 + 1e-12));
      expect(rel(above, below)).toBeLessThan(1e-13);
    }
  });

  it('rejects df <= 0 and p outside [0, 1]', () => {
    expect(() => studentTQuantile(0.9, 0)).toThrow('studentTQuantile: df must be > 0 (or Infinity), got 0');
    expect(() => studentTQuantile(1.2, 3)).toThrow('studentTQuantile: p must be in [0, 1], got 1.2');
    expect(studentTQuantile(0, 3)).toBe(-Infinity);
    expect(studentTQuantile(1, 3)).toBe(Infinity);
  });
});
