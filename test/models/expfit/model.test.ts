import { describe, expect, it } from 'vitest';
import { evaluateModel, parameterCount, parameterNames, rateOrder } from '../../../src/models/expfit/model.ts';

describe('the model X(t) = x0 + sum Xi exp(-ri t)', () => {
  it('evaluateModel sums the constant and the terms', () => {
    const m = { x0: 1, terms: [{ amplitude: 2, rate: Math.LN2 }, { amplitude: -1, rate: 0 }] };
    expect(evaluateModel(m, 0)).toBe(2);
    expect(evaluateModel(m, 1)).toBeCloseTo(1, 15);
  });

  it('rateOrder sorts ascending and keeps ties in order', () => {
    expect(rateOrder([3, 1, 2, 1])).toEqual([1, 3, 2, 0]);
  });

  it('parameterCount: 2 per term, +1 for x0, -1 for X(0) = V', () => {
    expect(parameterCount(2, true, null)).toBe(5);
    expect(parameterCount(2, false, null)).toBe(4);
    expect(parameterCount(2, true, 0)).toBe(4);
    expect(parameterCount(2, false, 3)).toBe(3);
    expect(parameterNames(2)).toEqual(['x0', 'amplitude1', 'rate1', 'amplitude2', 'rate2']);
  });
});
