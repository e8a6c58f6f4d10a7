import { describe, expect, it } from 'vitest';
import { supermarketSojourn } from '../../../src/lessons/theory/supermarket.ts';

describe('supermarketSojourn(lambda, d)', () => {
  it('one choice is the M/M/1: 1 / (1 - lambda)', () => {
    expect(supermarketSojourn(0.8, 1)).toBeCloseTo(5, 10);
  });

  it('two choices: the sum of lambda^(2^i - 1) over i, divided by lambda', () => {
    let s = 0;
    for (let i = 1; i < 40; i++) s += 0.9 ** (2 ** i - 1);
    expect(supermarketSojourn(0.9, 2)).toBeCloseTo(s / 0.9, 10);
    expect(supermarketSojourn(0.9, 2)).toBeLessThan(supermarketSojourn(0.9, 1));
  });
});
