import { describe, expect, it } from 'vitest';
import { erlangC } from '../../../src/models/theory/erlang';
import { mm1 } from '../../../src/models/theory/mm1';
import { mmc } from '../../../src/models/theory/mmc';
import { expectClose, expectJsonSafe, expectLittle, expectSameMeasures } from './helpers';

describe('mmc(lambda, mu, c)', () => {
  it('mmc(lambda, mu, c) with c = 1 equals mm1', () => {
    for (const lambda of [0, 0.3, 0.9, 1.2]) {
      const a = mmc(lambda, 1, 1);
      const b = mm1(lambda, 1);
      expectSameMeasures(a, b);
      expectClose(a.pWait, b.pWait);
      expect(a.model).toBe('M/M/1');
    }
  });

  it('mmc(1, 1, 2): C = 1/3, Wq = 1/3, Lq = 1/3, L = 4/3 (by hand)', () => {
    const r = mmc(1, 1, 2);
    expect(r).toMatchObject({ model: 'M/M/c', servers: 2, load: 0.5 });
    expectClose(r.pWait, 1 / 3);
    expectClose(r.Wq, 1 / 3);
    expectClose(r.Lq, 1 / 3);
    expectClose(r.L, 4 / 3);
  });

  it("mmc(lambda, mu, c) satisfies Little's law and L = Lq + lambda / mu", () => {
    for (const [lambda, mu, c] of [
      [1, 1, 2],
      [9, 1, 10],
      [470, 1, 500],
      [0.1, 3, 4],
    ]) {
      const r = mmc(lambda, mu, c);
      expectLittle(r);
      expectClose(r.L, r.Lq! + lambda / mu);
    }
  });

  it('mmc(lambda, mu, 500) is finite at load 0.999 and JSON-safe', () => {
    const r = mmc(499.5, 1, 500);
    for (const x of [r.L, r.Lq, r.W, r.Wq, r.pWait]) expect(Number.isFinite(x)).toBe(true);
    expectClose(r.pWait, erlangC(500, 499.5));
    expectJsonSafe(r);
  });

  it('mmc(lambda, mu, c) with load >= 1 is unstable with throughput c mu', () => {
    const r = mmc(5, 1, 4);
    expect(r).toMatchObject({ stable: false, L: null, W: null, throughput: 4, utilization: 1 });
    expectJsonSafe(r);
  });

  it('mmc(lambda, mu, c) rejects c = 0', () => {
    expect(() => mmc(1, 1, 0)).toThrow('mmc: c must be an integer >= 1, got 0');
  });
});
