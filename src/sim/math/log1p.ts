// log(1 + x), the same bits on every engine (see ./index.ts). On the simulator's hot path (one
// call per exponential sample), so the rare cases live in functions of their own: V8 inlines
// only small functions, and a call that is not inlined boxes its double result.
import { HI, POW2, POW2_BIAS, fromWords, wordView } from './bits.ts';

const { f64, i32 } = wordView();
const pow2 = POW2;
const LN2_HI = 6.93147180369123816490e-1; // 0x3fe62e42 fee00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76
// The polynomial of e_log.c (log(1 + f) = 2s + s R, s = f / (2 + f)), |error| < 2^-58.45.
const LP1 = 6.666666666666735130e-1; // 0x3fe55555 55555593
const LP2 = 3.999999999940941908e-1; // 0x3fd99999 9997fa04
const LP3 = 2.857142874366239149e-1; // 0x3fd24924 94229359
const LP4 = 2.222219843214978396e-1; // 0x3fcc71c5 1d8e78af
const LP5 = 1.818357216161805012e-1; // 0x3fc74664 96cb03de
const LP6 = 1.531383769920937332e-1; // 0x3fc39a09 d078c69f
const LP7 = 1.479819860511658591e-1; // 0x3fc2f112 df3e5244
// fdlibm's tests on the high word, as comparisons of doubles:
const UPPER = fromWords(0x3fda827a, 0); // high word < 0x3fda827a: x < 0.41422 (sqrt(2) - 1)
// FreeBSD's bound (msun s_log1p.c; V8's port has it too): fdlibm's 0xbfd2bec3 sends the x of
// high word 0xbfd2bec4 down the reduction with k = 0, which drops c (errors up to 1.8 ulp).
const LOWER = -fromWords(0x3fd2bec5, 0); // high word <= 0xbfd2bec4: x > -0.29289 (sqrt(2)/2 - 1)
const TWO_M29 = fromWords(0x3e200000, 0);
const TWO_M54 = fromWords(0x3c900000, 0);
const TWO_53 = fromWords(0x43400000, 0);

/** log(1 + x) accurate near 0, error < 1 ulp: a port of fdlibm 5.3 s_log1p.c (Sun Microsystems, 1993), FreeBSD's bound. */
export function log1p(x: number): number {
  let k = 0;
  let f = x; // 1 + x = 2^k (1 + f) + c, 1 + f in [sqrt(2)/2, sqrt(2))
  let c = 0;
  if (!(x > LOWER && x < UPPER)) {
    if (!(x > -1 && x < TWO_53)) return log1pOutside(x);
    const u = 1 + x;
    f64[0] = u;
    let hu = i32[HI];
    k = (hu >> 20) - 1023;
    c = (k > 0 ? 1 - (u - x) : x - (u - 1)) / u; // the rounding error of 1 + x, relative
    hu &= 0x000fffff;
    if (hu >= 0x6a09e) {
      k += 1; // u / 2^k in [sqrt(2)/2, 1), else in [1, sqrt(2))
      hu = (0x00100000 - hu) >> 2;
    }
    f = u * pow2[POW2_BIAS - k] - 1; // exact
    if (hu === 0) return log1pNearPowerOfTwo(f, k, c);
  } else if (x < TWO_M29 && x > -TWO_M29) {
    return x < TWO_M54 && x > -TWO_M54 ? x : x - x * x * 0.5;
  }
  const hfsq = 0.5 * f * f;
  const s = f / (2 + f);
  const z = s * s;
  const R = z * (LP1 + z * (LP2 + z * (LP3 + z * (LP4 + z * (LP5 + z * (LP6 + z * LP7))))));
  if (k === 0) return f - (hfsq - s * (hfsq + R));
  return k * LN2_HI - (hfsq - (s * (hfsq + R) + (k * LN2_LO + c)) - f);
}

/** |f| < 2^-20 (1 + x within 2^-20 of a power of two, k != 0). */
function log1pNearPowerOfTwo(f: number, k: number, c: number): number {
  if (f === 0) return k * LN2_HI + (c + k * LN2_LO);
  const R = 0.5 * f * f * (1 - 0.66666666666666666 * f);
  return k * LN2_HI - (R - (k * LN2_LO + c) - f);
}

/** x <= -1, x >= 2^53 (where 1 + x rounds to x), Infinity and NaN. */
function log1pOutside(x: number): number {
  if (x <= -1) return x === -1 ? -Infinity : NaN;
  if (!(x < Infinity)) return x + x;
  f64[0] = x;
  let hu = i32[HI];
  let k = (hu >> 20) - 1023;
  hu &= 0x000fffff;
  if (hu < 0x6a09e) {
    i32[HI] = hu | 0x3ff00000;
  } else {
    k += 1;
    i32[HI] = hu | 0x3fe00000;
    hu = (0x00100000 - hu) >> 2;
  }
  const f = f64[0] - 1;
  if (hu === 0) return log1pNearPowerOfTwo(f, k, 0);
  const hfsq = 0.5 * f * f;
  const s = f / (2 + f);
  const z = s * s;
  const R = z * (LP1 + z * (LP2 + z * (LP3 + z * (LP4 + z * (LP5 + z * (LP6 + z * LP7))))));
  return k * LN2_HI - (hfsq - (s * (hfsq + R) + k * LN2_LO) - f);
}
