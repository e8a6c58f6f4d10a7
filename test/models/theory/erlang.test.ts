import { all, create } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { erlangB, erlangC } from '../../../src/models/theory/erlang';
import { expectClose } from './helpers';

// An independent reference: the textbook definitions evaluated with 80 significant digits.
const big = create(all, { number: 'BigNumber', precision: 80 });
function reference(c: number, a: number): { B: number; C: number } {
  const A = big.bignumber(a);
  let term = big.bignumber(1); // a^k / k!
  let below = big.bignumber(0); // sum_{k < c} a^k / k!
  for (let k = 0; k < c; k++) {
    below = big.add(below, term);
    term = big.divide(big.multiply(term, A), k + 1) as typeof term;
  }
  const B = big.divide(term, big.add(below, term));
  const top = big.multiply(term, big.divide(big.bignumber(c), big.subtract(big.bignumber(c), A)));
  const C = big.divide(top, big.add(below, top));
  return { B: Number(B), C: Number(C) };
}

describe('erlangB(c, a)', () => {
  it('erlangB(c, a) equals the textbook sum (a^c / c!) / sum_k a^k / k! in 80-digit arithmetic', () => {
    for (const [c, a] of [
      [1, 0.5],
      [2, 1],
      [10, 7.5],
      [50, 45],
      [200, 180],
      [500, 520],
    ]) {
      expectClose(erlangB(c, a), reference(c, a).B, 1e-13);
    }
  });

  it('erlangB(1, a) is a / (1 + a) and erlangB(0, a) is 1', () => {
    expectClose(erlangB(1, 3), 3 / 4);
    expect(erlangB(0, 3)).toBe(1);
  });

  it('erlangB(c, 0) is 0: nobody is blocked without traffic', () => {
    expect(erlangB(5, 0)).toBe(0);
  });

  it('erlangB(c, a) stays finite and in [0, 1] for c = 5000', () => {
    const b = erlangB(5000, 5100);
    expect(Number.isFinite(b)).toBe(true);
    expect(b).toBeGreaterThan(0);
    expect(b).toBeLessThan(1);
  });

  it('erlangB(c, a) rejects a negative load or a fractional c, with the value in the message', () => {
    expect(() => erlangB(3, -1)).toThrow('erlangB: a must be a finite number >= 0, got -1');
    expect(() => erlangB(2.5, 1)).toThrow('erlangB: c must be an integer >= 0, got 2.5');
  });
});

describe('erlangC(c, a)', () => {
  it('erlangC(2, 1) is 1/3 (the published two-server value)', () => {
    expectClose(erlangC(2, 1), 1 / 3);
  });

  it('erlangC(1, a) is a: one server is busy with probability rho', () => {
    expectClose(erlangC(1, 0.7), 0.7);
  });

  it('erlangC(c, a) matches call-centre values: 50 agents at 48 Erlangs 0.694456, 100 at 96 0.5872811', () => {
    // Published in the Stack Overflow question "Poisson Calculation (Erlang C)" (and confirmed by
    // the 80-digit reference below).
    expect(erlangC(50, 48)).toBeCloseTo(0.694456, 6);
    expect(erlangC(100, 96)).toBeCloseTo(0.5872811, 7);
  });

  it('erlangC(c, a) agrees with 80-digit arithmetic up to c = 500', () => {
    for (const [c, a] of [
      [3, 2.5],
      [20, 15],
      [100, 99],
      [300, 290.5],
      [500, 487],
      [500, 499.9],
    ]) {
      expectClose(erlangC(c, a), reference(c, a).C, 1e-12);
    }
  });

  it('erlangC(500, a) is finite and in (0, 1) at every load below 1 (no Infinity, no NaN)', () => {
    for (const a of [1, 100, 400, 480, 499, 499.999]) {
      const C = erlangC(500, a);
      expect(Number.isFinite(C)).toBe(true);
      expect(C).toBeGreaterThanOrEqual(0);
      expect(C).toBeLessThan(1);
    }
  });

  it('erlangC(c, a) is 1 when a >= c: in overload everyone waits', () => {
    expect(erlangC(4, 4)).toBe(1);
    expect(erlangC(4, 9)).toBe(1);
  });

  it('erlangC(c, a) >= erlangB(c, a): waiting happens more often than blocking', () => {
    for (const [c, a] of [
      [2, 1],
      [10, 8],
      [100, 95],
    ])
      expect(erlangC(c, a)).toBeGreaterThanOrEqual(erlangB(c, a));
  });
});
