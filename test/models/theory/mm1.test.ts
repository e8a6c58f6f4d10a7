import { describe, expect, it } from 'vitest';
import { mm1 } from '../../../src/models/theory/mm1';
import { expectClose, expectJsonSafe, expectLittle } from './helpers';

describe('mm1(lambda, mu)', () => {
  it('mm1(0.5, 1) has L = 1, Lq = 0.5, W = 2, Wq = 1, P(wait) = 0.5', () => {
    const r = mm1(0.5, 1);
    expect(r).toMatchObject({ model: 'M/M/1', exact: true, servers: 1, capacity: null, stable: true, loss: 0 });
    expectClose(r.L, 1);
    expectClose(r.Lq, 0.5);
    expectClose(r.W, 2);
    expectClose(r.Wq, 1);
    expectClose(r.pWait, 0.5);
    expectClose(r.utilization, 0.5);
  });

  it("mm1(lambda, mu) satisfies Little's law at every load", () => {
    for (const rho of [0, 0.1, 0.5, 0.9, 0.999]) expectLittle(mm1(rho * 2, 2));
  });

  it('mm1(lambda, mu) with load >= 1 is unstable: measures null, servers always busy, JSON-safe', () => {
    for (const lambda of [1, 1.5]) {
      const r = mm1(lambda, 1);
      expect(r).toMatchObject({
        stable: false,
        L: null,
        Lq: null,
        W: null,
        Wq: null,
        utilization: 1,
        pWait: 1,
        throughput: 1,
      });
      expectJsonSafe(r);
    }
  });

  it('mm1(0, mu) is an empty queue: an arrival would wait 0 and stay 1 / mu', () => {
    expect(mm1(0, 4)).toMatchObject({ L: 0, Lq: 0, Wq: 0, W: 0.25, pWait: 0 });
  });

  it('mm1(lambda, mu) rejects mu <= 0 with the value in the message', () => {
    expect(() => mm1(1, 0)).toThrow('mm1: mu must be a finite number > 0, got 0');
    expect(() => mm1(Number.NaN, 1)).toThrow('mm1: lambda must be a finite number >= 0, got NaN');
  });
});
