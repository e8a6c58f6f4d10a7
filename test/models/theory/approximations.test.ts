import { describe, expect, it } from 'vitest';
import { allenCunneen, kingman } from '../../../src/models/theory/approximations';
import { mg1 } from '../../../src/models/theory/mg1';
import { mm1 } from '../../../src/models/theory/mm1';
import { mmc } from '../../../src/models/theory/mmc';
import { expectClose, expectJsonSafe, expectLittle, expectSameMeasures } from './helpers';

describe('kingman(lambda, ca2, meanService, cs2)', () => {
  it('kingman(lambda, 1, 1 / mu, 1) is exact for M/M/1', () => {
    for (const lambda of [0.1, 0.5, 0.95]) expectSameMeasures(kingman(lambda, 1, 1, 1), mm1(lambda, 1));
  });

  it('kingman with Poisson arrivals (ca2 = 1) equals Pollaczek-Khinchine', () => {
    expectSameMeasures(kingman(0.6, 1, 1, 0.25), mg1(0.6, 1, 0.25));
  });

  it('kingman is labelled an approximation, and D/D/1 waits 0', () => {
    const r = kingman(0.5, 0, 1, 0);
    expect(r).toMatchObject({ model: 'G/G/1', exact: false, pWait: null, Wq: 0 });
    expectLittle(r);
  });

  it('kingman with load >= 1 is unstable', () => {
    expect(kingman(1, 0.5, 1, 0.5)).toMatchObject({ stable: false, W: null });
  });
});

describe('allenCunneen(lambda, ca2, meanService, cs2, c)', () => {
  it('allenCunneen with c = 1 equals kingman', () => {
    expectSameMeasures(allenCunneen(0.7, 0.3, 1, 2, 1), kingman(0.7, 0.3, 1, 2));
  });

  it('allenCunneen with ca2 = cs2 = 1 equals mmc', () => {
    expectSameMeasures(allenCunneen(8, 1, 0.5, 1, 5), mmc(8, 2, 5));
  });

  it('allenCunneen scales the M/M/c wait by (ca2 + cs2) / 2 and is JSON-safe', () => {
    const r = allenCunneen(8, 0.5, 0.5, 0.1, 5);
    expect(r).toMatchObject({ model: 'G/G/c', exact: false });
    expectClose(r.Wq, mmc(8, 2, 5).Wq! * 0.3);
    expectLittle(r);
    expectJsonSafe(r);
  });
});
