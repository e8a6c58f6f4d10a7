import { describe, expect, it } from 'vitest';
import { mm1 } from '../../../src/models/theory/mm1';
import { mg1ps } from '../../../src/models/theory/ps';
import { expectClose, expectLittleL } from './helpers';

describe('mg1ps(lambda, E[S], scv, exponential, limit, held)', () => {
  it('mg1ps with exponential service has the M/M/1 number in system whatever the limit: exact', () => {
    for (const limit of [2, 5, 100]) {
      const r = mg1ps(0.7, 1, 1, true, limit, limit);
      expect(r).toMatchObject({ model: 'M/G/1-PS', exact: true, stable: true });
      expectClose(r.L, mm1(0.7, 1).L);
      expectClose(r.W, mm1(0.7, 1).W);
      expectLittleL(r);
    }
  });

  it('mg1ps: the mean sojourn E[S] / (1 - rho) does not depend on the service distribution', () => {
    const r = mg1ps(0.35, 2, 4, false, 1000, 1000);
    expectClose(r.W, 2 / (1 - 0.7));
    expectClose(r.L, 0.7 / 0.3);
    expect(r.exact).toBe(true); // the limit binds with probability 0.7^1001
  });

  it('mg1ps: the queue line is what exceeds `held`, E[(n - held)^+] = rho^(held + 1) / (1 - rho)', () => {
    const r = mg1ps(0.7, 1, 1, true, 2, 3);
    expectClose(r.Lq, 0.7 ** 4 / 0.3);
    expectClose(r.pWait, 0.7 ** 3);
    expectLittleL(r);
  });

  it('mg1ps with a binding limit and non-exponential service is not exact', () => {
    expect(mg1ps(0.7, 1, 4, false, 3, 3).exact).toBe(false);
  });

  it('mg1ps at load >= 1 has no steady state', () => {
    expect(mg1ps(1.2, 1, 1, true, 5, 5)).toMatchObject({ stable: false, L: null, W: null, utilization: 1 });
  });
});
