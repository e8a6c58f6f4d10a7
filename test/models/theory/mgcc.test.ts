import { describe, expect, it } from 'vitest';
import { erlangB } from '../../../src/models/theory/erlang';
import { mgcc } from '../../../src/models/theory/mgcc';
import { mmck } from '../../../src/models/theory/mmck';
import { expectClose, expectLittle, expectSameMeasures } from './helpers';

describe('mgcc(lambda, meanService, c)', () => {
  it('mgcc(lambda, E[S], c) blocks with erlangB(c, lambda E[S]) whatever the service scv', () => {
    for (const scv of [0, 1, 4]) {
      const r = mgcc(6, 0.5, 4, scv);
      expectClose(r.loss, erlangB(4, 3));
      expect(r).toMatchObject({ model: 'M/G/c/c', capacity: 4, Lq: 0, Wq: 0, W: 0.5, serviceScv: scv });
      expectLittle(r);
    }
  });

  it('mgcc(lambda, 1 / mu, c) equals mmck(lambda, mu, c, c)', () => {
    expectSameMeasures(mgcc(7, 0.25, 3), mmck(7, 4, 3, 3));
  });
});
