import { describe, expect, it } from 'vitest';
import { checkIdentifiability } from '../../../src/models/expfit/identifiability.ts';

const t = Array.from({ length: 101 }, (_, i) => i * 0.1); // dt = 0.1, span = 10
const base = { t, dtMin: 0.1, span: 10, singular: null };

describe('checkIdentifiability', () => {
  it('accepts distinct, well-placed, determined rates', () => {
    const r = checkIdentifiability({ ...base, terms: [{ amplitude: 1, rate: 0.3 }, { amplitude: -2, rate: 3 }], rateStderr: [0.01, 0.1] });
    expect(r).toEqual({ identifiable: true, reason: null });
  });

  it('rejects rates closer than a factor 1.05', () => {
    const r = checkIdentifiability({ ...base, terms: [{ amplitude: 1, rate: 1 }, { amplitude: 1, rate: 1.02 }], rateStderr: [null, null] });
    expect(r.reason).toBe('rates 1 and 1.02 are not distinct (ratio 1.020 < 1.05)');
  });

  it('rejects a rate outside the window [dt/10, 10 span] of time constants', () => {
    const fast = checkIdentifiability({ ...base, terms: [{ amplitude: 1, rate: 200 }], rateStderr: [null] });
    expect(fast.reason).toBe('rate 200 is too fast for the sampling (1/rate = 0.005 < dt/10 = 0.01)');
    const slow = checkIdentifiability({ ...base, terms: [{ amplitude: 1e-3, rate: 0.005 }], rateStderr: [null] });
    expect(slow.reason).toMatch(/^rate 0.005 is too slow for the time window \(1\/rate = 200 > 10 x span = 100\)/);
  });

  it('rejects huge cancelling amplitudes', () => {
    // 1000 (exp(-0.02 t) - exp(-0.022 t)) only varies by 16 over t in [0, 10].
    const terms = [{ amplitude: 1000, rate: 0.02 }, { amplitude: -1000, rate: 0.022 }];
    const r = checkIdentifiability({ ...base, terms, rateStderr: [null, null] });
    expect(r.reason).toBe('amplitudes cancel (sum |amplitude| = 2000 is 123.4 x the range 16.21 of the exponential part)');
  });

  it('rejects a singular Jacobian and a rate whose standard error exceeds it, naming both', () => {
    const r = checkIdentifiability({ ...base, singular: 'the Jacobian at the optimum is singular', terms: [{ amplitude: 1, rate: 1 }], rateStderr: [1.5] });
    expect(r.reason).toBe('the Jacobian at the optimum is singular; rate 1 is not determined by the data (standard error 1.5 >= the rate)');
  });
});
