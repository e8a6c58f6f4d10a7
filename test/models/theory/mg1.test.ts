import { describe, expect, it } from 'vitest';
import { mg1 } from '../../../src/models/theory/mg1';
import { mm1 } from '../../../src/models/theory/mm1';
import { expectClose, expectJsonSafe, expectLittle, expectSameMeasures } from './helpers';

describe('mg1(lambda, meanService, scv)', () => {
  it('mg1(lambda, 1 / mu, 1) (Pollaczek-Khinchine with scv = 1) equals mm1', () => {
    for (const lambda of [0, 0.2, 0.75, 0.99, 1.5]) expectSameMeasures(mg1(lambda, 0.5, 1), mm1(lambda, 2));
  });

  it('mg1(lambda, E[S], 0) is M/D/1: half the M/M/1 wait', () => {
    const d = mg1(0.8, 1, 0);
    expect(d.model).toBe('M/D/1');
    expectClose(d.Wq, mm1(0.8, 1).Wq! / 2);
    expectClose(d.Wq, 2); // rho E[S] / (2 (1 - rho)) = 0.8 / 0.4
  });

  it('mg1(lambda, E[S], scv) grows linearly in scv: Wq = rho E[S] (1 + scv) / (2 (1 - rho))', () => {
    expectClose(mg1(0.5, 1, 3).Wq, (0.5 * 4) / (2 * 0.5));
    for (const scv of [0, 0.5, 1, 10]) expectLittle(mg1(0.5, 1, scv));
  });

  it('mg1 with load >= 1 is unstable and JSON-safe', () => {
    const r = mg1(2, 0.5, 3);
    expect(r).toMatchObject({ stable: false, L: null, Wq: null, throughput: 2 });
    expectJsonSafe(r);
  });

  it('mg1 rejects an infinite scv', () => {
    expect(() => mg1(0.5, 1, Infinity)).toThrow('mg1: scv must be a finite number >= 0, got Infinity');
  });
});
