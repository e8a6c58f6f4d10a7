import { describe, expect, it } from 'vitest';
import { mg1 } from '../../../src/models/theory/mg1';
import { mmc } from '../../../src/models/theory/mmc';
import { mg1Priority, mmcPriority } from '../../../src/models/theory/priority';
import { expectClose, expectJsonSafe, expectLittle, expectSameMeasures } from './helpers';

const expClass = (priority: number, lambda: number, mean = 1) => ({
  priority,
  lambda,
  meanService: mean,
  secondMoment: 2 * mean * mean,
});

describe('mg1Priority(classes)', () => {
  it('mg1Priority with one class equals mg1 (Cobham reduces to Pollaczek-Khinchine)', () => {
    const r = mg1Priority([{ priority: 0, lambda: 0.7, meanService: 1, secondMoment: 1.5 }]);
    expectSameMeasures(r, mg1(0.7, 1, 0.5));
    expectClose(r.classes[0].Wq, mg1(0.7, 1, 0.5).Wq);
  });

  it('mg1Priority serves higher priority first: Wq_k = W0 / ((1 - sigma_{k-1}) (1 - sigma_k))', () => {
    // Exponential service, mean 1: W0 = (0.2 + 0.5) * 2 / 2 = 0.7.
    const r = mg1Priority([expClass(0, 0.5), expClass(5, 0.2)]);
    expect(r.classes.map((k) => k.priority)).toEqual([5, 0]);
    expectClose(r.classes[0].Wq, 0.7 / (1 * 0.8));
    expectClose(r.classes[1].Wq, 0.7 / (0.8 * 0.3));
    expectLittle(r);
  });

  it('mg1Priority keeps the M/G/1 conservation law: sum rho_k Wq_k = rho Wq(FIFO)', () => {
    const classes = [
      { priority: 2, lambda: 0.1, meanService: 2, secondMoment: 4 },
      { priority: 1, lambda: 0.3, meanService: 0.5, secondMoment: 1 },
      { priority: 0, lambda: 0.2, meanService: 1, secondMoment: 3 },
    ];
    const r = mg1Priority(classes);
    const weighted = r.classes.reduce((s, k) => s + k.load * k.Wq!, 0);
    // FIFO: Wq = lambda E[S^2] / (2 (1 - rho)) with the mixture moments.
    const lambda = 0.6;
    const second = classes.reduce((s, k) => s + k.lambda * k.secondMoment, 0) / lambda;
    const rho = r.load;
    expectClose(weighted, (rho * lambda * second) / (2 * (1 - rho)));
  });

  it('mg1Priority in overload: the top class keeps a steady state, the starved one gets what is left', () => {
    // Loads 0.3 and 0.9: served loads 0.3 and 0.7; W0 = (0.3 * 2 + 0.7 * 2) / 2 = 1.
    const r = mg1Priority([expClass(1, 0.3), expClass(0, 0.9)]);
    expect(r.stable).toBe(false);
    expect(r.classes[0].stable).toBe(true);
    expectClose(r.classes[0].Wq, 1 / 0.7);
    expect(r.classes[1]).toMatchObject({ stable: false, Wq: null, L: null });
    expectClose(r.classes[1].throughput, 0.7);
    expectClose(r.throughput, 1);
    expectJsonSafe(r);
  });

  it('mg1Priority rejects repeated priorities', () => {
    expect(() => mg1Priority([expClass(1, 0.1), expClass(1, 0.2)])).toThrow(
      'mg1Priority: priorities must be distinct, got 1 twice',
    );
  });
});

describe('mmcPriority(classes, mu, c)', () => {
  it('mmcPriority with one class equals mmc', () => {
    const r = mmcPriority([{ priority: 0, lambda: 2.5 }], 1, 3);
    expectSameMeasures(r, mmc(2.5, 1, 3));
    expectClose(r.classes[0].Wq, mmc(2.5, 1, 3).Wq);
  });

  it('mmcPriority totals equal mmc: the number in system ignores the order', () => {
    const r = mmcPriority(
      [
        { priority: 1, lambda: 1 },
        { priority: 0, lambda: 0.5 },
        { priority: 3, lambda: 0.6 },
      ],
      1,
      3,
    );
    expectSameMeasures(r, mmc(2.1, 1, 3));
    expect(r.model).toBe('M/M/c priority');
  });

  it('mmcPriority with c = 1 equals mg1Priority with exponential service', () => {
    const a = mmcPriority(
      [
        { priority: 1, lambda: 0.3 },
        { priority: 0, lambda: 0.4 },
      ],
      2,
      1,
    );
    const b = mg1Priority([expClass(1, 0.3, 0.5), expClass(0, 0.4, 0.5)]);
    a.classes.forEach((k, i) => expectClose(k.Wq, b.classes[i].Wq));
  });
});
