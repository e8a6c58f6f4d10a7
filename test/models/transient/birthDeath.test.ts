import { describe, expect, it } from 'vitest';
import { checkQueue, stationaryDistribution } from '../../../src/models/transient/birthDeath.ts';

describe('stationaryDistribution', () => {
  it('stationaryDistribution(M/M/1/K) is (1 - rho) rho^n / (1 - rho^(K+1))', () => {
    const rho = 0.8;
    const K = 12;
    const p = stationaryDistribution({ lambda: 0.8, mu: 1, servers: 1, capacity: K }, K);
    for (let n = 0; n <= K; n++) {
      expect(Math.abs(p[n] - ((1 - rho) * rho ** n) / (1 - rho ** (K + 1)))).toBeLessThan(1e-15);
    }
  });

  it('stationaryDistribution(M/M/c/c) is the truncated Poisson (Erlang loss) law', () => {
    const a = 3; // offered load lambda / mu
    const c = 5;
    const p = stationaryDistribution({ lambda: 6, mu: 2, servers: c, capacity: c }, c);
    let z = 0;
    let term = 1;
    const terms: number[] = [];
    for (let n = 0; n <= c; n++) {
      terms.push(term);
      z += term;
      term *= a / (n + 1);
    }
    terms.forEach((t, n) => expect(Math.abs(p[n] - t / z)).toBeLessThan(1e-15));
  });

  it('stationaryDistribution does not underflow for long chains', () => {
    const p = stationaryDistribution({ lambda: 0.5, mu: 1, servers: 1, capacity: 5000 }, 5000);
    expect(p[0]).toBeCloseTo(0.5, 15);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
  });

  it('checkQueue names the field, the value and the rule', () => {
    expect(() => checkQueue('f', { lambda: -1, mu: 1, servers: 1, capacity: null })).toThrow('f: lambda must be a finite number >= 0, got -1');
    expect(() => checkQueue('f', { lambda: 1, mu: 0, servers: 1, capacity: null })).toThrow('f: mu must be a finite number > 0, got 0');
    expect(() => checkQueue('f', { lambda: 1, mu: 1, servers: 1.5, capacity: null })).toThrow('f: servers must be an integer >= 1, got 1.5');
    expect(() => checkQueue('f', { lambda: 1, mu: 1, servers: 1, capacity: 0 })).toThrow(
      'f: capacity must be an integer >= 1 (max number in system) or null, got 0',
    );
  });
});
