import { describe, expect, it } from 'vitest';
import { mm1, mm1k } from '../../../src/models/theory/index.ts';
import { dropHead } from '../../../src/lessons/theory/dropHead.ts';

describe('dropHead(lambda, mu, m)', () => {
  it('loses what M/M/1/K rejects: the number in system is the same chain', () => {
    for (const [l, m] of [[0.5, 3], [1.2, 5], [3, 2]]) expect(dropHead(l, 1, m).loss).toBeCloseTo(mm1k(l, 1, m + 1).loss, 12);
  });

  it('one waiting place, worked by hand: served if the worker finishes before the next arrival', () => {
    const l = 1.5;
    const mu = 1;
    // Arrivals find n = 0, 1, 2 with probability proportional to rho^n; n = 1 or 2 waits in the
    // single place, served with probability mu / (l + mu) after an Exp(l + mu) time.
    const rho = l / mu;
    const [p0, p1, p2] = [1, rho, rho * rho].map((x) => x / (1 + rho + rho * rho));
    const u = mu / (l + mu);
    const served = p0 + (p1 + p2) * u;
    const r = dropHead(l, mu, 1);
    expect(r.served).toBeCloseTo(served, 12);
    expect(r.Wq).toBeCloseTo(((p1 + p2) * u) / (l + mu) / served, 12);
  });

  it('with room to spare it is the M/M/1, and under overload the served wait less than with reject', () => {
    expect(dropHead(0.5, 1, 200).Wq).toBeCloseTo(mm1(0.5, 1).Wq!, 9);
    expect(dropHead(1.2, 1, 5).Wq).toBeLessThan(mm1k(1.2, 1, 6).Wq!);
  });
});
