import { describe, expect, it } from 'vitest';
import { mg1 } from '../../../src/models/theory/mg1';
import { mm1 } from '../../../src/models/theory/mm1';
import { mg1PreemptivePriority } from '../../../src/models/theory/preemptive';
import { expectClose, expectLittleL } from './helpers';

const exp = (priority: number, lambda: number, mu = 1) => ({
  priority,
  lambda,
  meanService: 1 / mu,
  secondMoment: 2 / (mu * mu),
});

describe('mg1PreemptivePriority(classes)', () => {
  it('mg1PreemptivePriority with one class is the M/G/1 (Pollaczek-Khinchine)', () => {
    const r = mg1PreemptivePriority([{ priority: 0, lambda: 0.6, meanService: 1, secondMoment: 1.5 }]);
    const pk = mg1(0.6, 1, 0.5);
    expectClose(r.classes[0].W, pk.W);
    expectClose(r.classes[0].Wq, pk.Wq);
    expectClose(r.W, pk.W);
    expectClose(r.Lq, pk.Lq);
  });

  it('mg1PreemptivePriority: the top class is an M/M/1 on its own, whatever the classes below', () => {
    for (const low of [0, 0.2, 0.5]) {
      const r = mg1PreemptivePriority([exp(2, 0.3), exp(1, low)]);
      expectClose(r.classes[0].W, mm1(0.3, 1).W);
      expectClose(r.classes[0].Wq, mm1(0.3, 1).Wq);
    }
  });

  it('mg1PreemptivePriority: the lower class, T = E[S] / (1 - rho1) + R2 / ((1 - rho1)(1 - rho)), by hand', () => {
    const r = mg1PreemptivePriority([exp(2, 0.3), exp(1, 0.4)]);
    const lo = r.classes[1];
    expectClose(lo.W, 1 / 0.7 + (0.3 + 0.4) / (0.7 * 0.3));
    expectClose(lo.Wq, (0.3 + 0.4) / (0.7 * 0.3));
    expectClose(lo.Lq, lo.L! - 0.4); // the line holds interrupted messages too
  });

  it('mg1PreemptivePriority with equal exponential services keeps the M/M/1 total L', () => {
    const r = mg1PreemptivePriority([exp(3, 0.2), exp(2, 0.3), exp(1, 0.25)]);
    expectClose(r.L, mm1(0.75, 1).L);
    expectLittleL(r);
  });

  it('mg1PreemptivePriority: an overloaded low class has no steady state; the top class keeps one', () => {
    const r = mg1PreemptivePriority([exp(2, 0.5), exp(1, 0.7)]);
    expect(r.stable).toBe(false);
    expect(r.classes[0].stable).toBe(true);
    expectClose(r.classes[0].W, mm1(0.5, 1).W);
    expect(r.classes[1]).toMatchObject({ stable: false, W: null });
    expectClose(r.classes[1].throughput, 0.5);
  });
});
