import { describe, expect, it } from 'vitest';
import { mm1 } from '../../../src/models/theory/index.ts';
import { dm1, ekm1, gim1 } from '../../../src/lessons/theory/gim1.ts';

describe('gim1(lst, lambda, mu)', () => {
  it('E_1/M/1 is the M/M/1: sigma = rho, and the same waits', () => {
    for (const rho of [0.2, 0.5, 0.9]) {
      const r = ekm1(1, rho, 1);
      const m = mm1(rho, 1);
      expect(r.sigma).toBeCloseTo(rho, 12);
      expect(r.Wq).toBeCloseTo(m.Wq!, 10);
      expect(r.L).toBeCloseTo(m.L!, 10);
    }
  });

  it('D/M/1: sigma is the root of sigma = exp(-mu (1 - sigma) / lambda) (0.2032 at load 0.5)', () => {
    const r = dm1(0.5, 1);
    expect(r.sigma).toBeCloseTo(Math.exp(-(1 - r.sigma) / 0.5), 13);
    expect(r.sigma).toBeCloseTo(0.2032, 4);
  });

  it('E_k/M/1 lies between M/M/1 and D/M/1, approaching D/M/1 as k grows', () => {
    const waits = [1, 2, 4, 16, 256, 65536].map((k) => ekm1(k, 0.8, 1).Wq);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeLessThan(waits[i - 1]);
    expect(waits[waits.length - 1]).toBeCloseTo(dm1(0.8, 1).Wq, 2);
  });

  it('refuses a load of 1 or more', () => {
    expect(() => gim1(() => 1, 1, 1)).toThrow('no steady state: load lambda / mu = 1 >= 1');
  });
});
