// The deterministic math kernels against the engine's own Math: within 1 ulp everywhere (fdlibm's
// bound), exact where IEEE 754 or the definition makes the answer exact, and IEEE special cases.
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { exp, expm1, log, log10, log1p, pow, tanPi } from '../../../src/sim/math/index.ts';

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);

/** Distance in units in the last place between two finite doubles of the same sign. */
function ulps(a: number, b: number): number {
  if (a === b) return 0;
  if (Number.isNaN(a) || Number.isNaN(b) || Math.sign(a) !== Math.sign(b)) return Infinity;
  f64[0] = a;
  const ia = i64[0];
  f64[0] = b;
  const ib = i64[0];
  return Number(ia > ib ? ia - ib : ib - ia);
}

const rng = seedrandom.alea('det-math');
/** n arguments log-uniform in magnitude over [2^lo, 2^hi], with the sign chosen by `signed`. */
function args(n: number, lo: number, hi: number, signed = false): number[] {
  return Array.from({ length: n }, () => {
    const x = 2 ** (lo + (hi - lo) * rng());
    return signed && rng() < 0.5 ? -x : x;
  });
}

// Both V8's Math and these ports are faithful (error < 1 ulp), so the two results lie within 1 ulp
// on either side of the true value and, being doubles, at most 1 ulp from each other.
const BOUND = 1;

function worst(f: (x: number) => number, g: (x: number) => number, xs: number[]): number {
  let w = 0;
  for (const x of xs) w = Math.max(w, ulps(f(x), g(x)));
  return w;
}

describe('deterministic math', () => {
  it('exp and expm1 agree with Math within 1 ulp over their whole range', () => {
    const xs = [...args(20000, -30, 9.4, true), ...args(2000, -1, 0.5, true)].filter((x) => Math.abs(x) < 700);
    expect(worst(exp, Math.exp, xs)).toBeLessThanOrEqual(BOUND);
    expect(worst(expm1, Math.expm1, xs)).toBeLessThanOrEqual(BOUND);
    // subnormal results
    expect(worst(exp, Math.exp, [-710, -720, -740, -745])).toBeLessThanOrEqual(BOUND);
  });

  it('log, log10 and log1p agree with Math within 1 ulp, subnormals included', () => {
    const xs = [...args(20000, -1074, 1023), ...args(5000, -1, 1)];
    expect(worst(log, Math.log, xs)).toBeLessThanOrEqual(BOUND);
    expect(worst(log10, Math.log10, xs)).toBeLessThanOrEqual(BOUND);
    const small = [...args(10000, -60, 10, true)].filter((x) => x > -1);
    expect(worst(log1p, Math.log1p, small)).toBeLessThanOrEqual(BOUND);
  });

  it('pow agrees with Math within 1 ulp for positive bases and any exponent', () => {
    let w = 0;
    for (let i = 0; i < 20000; i++) {
      const x = 2 ** (-40 + 80 * rng());
      const y = (rng() - 0.5) * 30;
      const want = Math.pow(x, y);
      if (Number.isFinite(want) && want !== 0) w = Math.max(w, ulps(pow(x, y), want));
    }
    expect(w).toBeLessThanOrEqual(BOUND);
  });

  it('tanPi(x) agrees with tan(pi x) away from its poles', () => {
    const xs = args(10000, -30, -1.01, true).map((x) => x * 0.98); // |x| < 0.49
    let w = 0;
    for (const x of xs) {
      // tan(pi x) near 0 is pi x (1 + ...): compare relative error against the double tan.
      const want = Math.tan(Math.PI * x);
      w = Math.max(w, Math.abs(tanPi(x) - want) / Math.abs(want));
    }
    // Math.PI * x itself is off by up to 1 ulp of pi x, and tan amplifies it near the poles by
    // |x tan'(pi x) / tan(pi x)| <= 1 / sin(2 pi 0.49) ~ 8: a few 1e-15 relative is the floor.
    expect(w).toBeLessThan(1e-14);
  });

  it('is exact where the answer is exact', () => {
    expect(exp(0)).toBe(1);
    expect(exp(1)).toBe(Math.E);
    expect(log(1)).toBe(0);
    expect(log(Math.E)).toBe(1);
    expect(log(2)).toBe(Math.LN2);
    expect(log10(1000)).toBe(3);
    expect(log10(1e-300)).toBe(-300);
    expect(pow(2, 0.5)).toBe(Math.SQRT2);
    expect(pow(3, 4)).toBe(81);
    expect(pow(2, -1074)).toBe(Number.MIN_VALUE);
    expect(pow(-2, 3)).toBe(-8);
    expect(pow(10, 22)).toBe(1e22);
    expect(tanPi(0.25)).toBeCloseTo(1, 15);
    expect(expm1(1e-20)).toBe(1e-20);
    expect(log1p(-0)).toBe(-0);
  });

  it('handles IEEE special values like Math does', () => {
    const specials = [NaN, Infinity, -Infinity, 0, -0, Number.MIN_VALUE, Number.MAX_VALUE, -1, 1, 710, -746];
    for (const x of specials) {
      expect(Object.is(exp(x), Math.exp(x)), `exp(${x})`).toBe(true);
      expect(Object.is(expm1(x), Math.expm1(x)), `expm1(${x})`).toBe(true);
      expect(Object.is(log(x), Math.log(x)), `log(${x})`).toBe(true);
      expect(Object.is(log1p(x), Math.log1p(x)), `log1p(${x})`).toBe(true);
      for (const y of specials) {
        expect(Object.is(pow(x, y), Math.pow(x, y)), `pow(${x}, ${y})`).toBe(true);
      }
    }
  });
});
