// Natural and decimal logarithms, the same bits on every engine (see ./index.ts). log is on the
// simulator's hot path (the latency histogram), so its rare cases live in functions of their
// own: V8 inlines only small functions, and a call that is not inlined boxes its result.
import { HI, LO, POW2, POW2_BIAS, wordView } from './bits.ts';

const { f64, i32, u32 } = wordView();
const pow2 = POW2;
const LN2_HI = 6.93147180369123816490e-1; // 0x3fe62e42 fee00000: k * LN2_HI is exact for |k| < 2000
const LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76
const TWO54 = 1.8014398509481984e16; // 0x43500000 00000000
// Remez polynomial for R(s) in log(1 + f) = 2s + s R, s = f / (2 + f), |error| < 2^-58.45.
const LG1 = 6.666666666666735130e-1; // 0x3fe55555 55555593
const LG2 = 3.999999999940941908e-1; // 0x3fd99999 9997fa04
const LG3 = 2.857142874366239149e-1; // 0x3fd24924 94229359
const LG4 = 2.222219843214978396e-1; // 0x3fcc71c5 1d8e78af
const LG5 = 1.818357216161805012e-1; // 0x3fc74664 96cb03de
const LG6 = 1.531383769920937332e-1; // 0x3fc39a09 d078c69f
const LG7 = 1.479819860511658591e-1; // 0x3fc2f112 df3e5244

/** log(x), error < 1 ulp: a port of fdlibm 5.3 e_log.c (Sun Microsystems, 1993). */
export function log(x: number): number {
  f64[0] = x;
  const hx = i32[HI];
  if (hx < 0x00100000 || hx >= 0x7ff00000) return logOutside(x, hx);
  return logNormal(x, hx, 0);
}

/** log(x) for x >= 2^-1022 finite, with high word hx; `scale`: x is the argument times 2^-scale. */
function logNormal(x: number, hx: number, scale: number): number {
  let k = (hx >> 20) - 1023 + scale;
  const m = hx & 0x000fffff;
  const i = (m + 0x95f64) & 0x100000; // set when the fraction is >= sqrt(2)
  k += i >> 20;
  const f = x * pow2[POW2_BIAS + scale - k] - 1; // x / 2^k - 1 in [sqrt(2)/2 - 1, sqrt(2) - 1), exact
  if ((0x000fffff & (2 + m)) < 3) return logNearPowerOfTwo(f, k); // |f| < 2^-20
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const R = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7))) + w * (LG2 + w * (LG4 + w * LG6));
  if (((m - 0x6147a) | (0x6b851 - m)) > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + R));
    return k * LN2_HI - (hfsq - (s * (hfsq + R) + k * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - R);
  return k * LN2_HI - (s * (f - R) - k * LN2_LO - f);
}

function logNearPowerOfTwo(f: number, k: number): number {
  if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
  const R = f * f * (0.5 - 0.33333333333333333 * f);
  return k === 0 ? f - R : k * LN2_HI - (R - k * LN2_LO - f);
}

/** x < 2^-1022 (zero, subnormal or negative), Infinity and NaN. */
function logOutside(x: number, hx: number): number {
  if (hx >= 0x7ff00000) return x + x;
  if (((hx & 0x7fffffff) | u32[LO]) === 0) return -Infinity;
  if (hx < 0) return NaN;
  x *= TWO54; // subnormal: scale up, exactly
  f64[0] = x;
  return logNormal(x, i32[HI], -54);
}

const IVLN10 = 4.34294481903251816668e-1; // 0x3fdbcb7b 1526e50e
const LOG10_2HI = 3.01029995663611771306e-1; // 0x3fd34413 509f6000
const LOG10_2LO = 3.69423907715893078616e-13; // 0x3d59fef3 11f12b36

/** log10(x), exact at the powers of ten: a port of fdlibm 5.3 e_log10.c (Sun Microsystems, 1993). */
export function log10(x: number): number {
  f64[0] = x;
  let hx = i32[HI];
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | u32[LO]) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k = -54;
    x *= TWO54;
    f64[0] = x;
    hx = i32[HI];
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  const i = k >>> 31; // 1 when k < 0
  i32[HI] = (hx & 0x000fffff) | ((0x3ff - i) << 20); // x / 2^(k + i), in [1, 2) or [1/2, 1)
  const y = k + i;
  const z = y * LOG10_2LO + IVLN10 * log(f64[0]);
  return z + y * LOG10_2HI;
}
