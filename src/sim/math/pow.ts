// x^y, the same bits on every engine (see ./index.ts).
import { HI, LO, POW2, POW2_BIAS, clearLowWord, fromWords, wordView } from './bits.ts';

const { f64, i32, u32 } = wordView();

const TWO53 = 9007199254740992; // 0x43400000 00000000
const DP_H = 5.84962487220764160156e-1; // 0x3fe2b803 40000000: log2(1.5), high part
const DP_L = 1.35003920212974897128e-8; // 0x3e4cfdeb 43cfd006: its tail
// Polynomial for (3/2) (log(x) - 2s - (2/3) s^3), s = (x - 1) / (x + 1).
const L1 = 5.99999999999994648725e-1; // 0x3fe33333 33333303
const L2 = 4.28571428578550184252e-1; // 0x3fdb6db6 db6fabff
const L3 = 3.33333329818377432918e-1; // 0x3fd55555 518f264d
const L4 = 2.72728123808534006489e-1; // 0x3fd17460 a91d4101
const L5 = 2.30660745775561754067e-1; // 0x3fcd864a 93c9db65
const L6 = 2.06975017800338417784e-1; // 0x3fca7e28 4a454eef
// The exp polynomial of e_exp.c.
const P1 = 1.66666666666666019037e-1; // 0x3fc55555 5555553e
const P2 = -2.77777777770155933842e-3; // 0xbf66c16c 16bebd93
const P3 = 6.61375632143793436117e-5; // 0x3f11566a af25de2c
const P4 = -1.65339022054652515390e-6; // 0xbebbbd41 c5d26bf1
const P5 = 4.13813679705723846039e-8; // 0x3e663769 72bea4d0
const LG2 = 6.93147180559945286227e-1; // 0x3fe62e42 fefa39ef: ln 2
const LG2_H = 6.93147182464599609375e-1; // 0x3fe62e43 00000000
const LG2_L = -1.90465429995776804525e-9; // 0xbe205c61 0ca86c39
const OVT = 8.0085662595372944372e-17; // -(1024 - log2(overflow threshold + 0.5 ulp))
const CP = 9.61796693925975554329e-1; // 0x3feec709 dc3a03fd: 2 / (3 ln 2)
const CP_H = 9.61796700954437255859e-1; // 0x3feec709 e0000000: (float) CP
const CP_L = -7.02846165095275826516e-9; // 0xbe3e2fe0 145b01f5: tail of CP_H
const IVLN2 = 1.44269504088896338700; // 0x3ff71547 652b82fe: 1 / ln 2
const IVLN2_H = 1.44269502162933349609; // 0x3ff71547 60000000: its 24 high bits
const IVLN2_L = 1.92596299112661746887e-8; // 0x3e54ae0b f85ddf44: its tail
const Z_MINUS_1075 = 0xc090cc00 | 0; // high word of -1075, as a signed integer

/**
 * x^y, error < 1 ulp, exact for integer powers of integers when representable: a port of
 * fdlibm 5.3 e_pow.c (Sun Microsystems, 2004), with the special values of ECMAScript's Math.pow
 * (x^NaN and (+-1)^(+-Infinity) are NaN).
 */
export function pow(x: number, y: number): number {
  f64[0] = y;
  const hy = i32[HI];
  const ly = u32[LO];
  const iy = hy & 0x7fffffff;
  if ((iy | ly) === 0) return 1; // x^0 = 1, even for NaN
  if (x !== x || y !== y) return NaN;
  f64[0] = x;
  const hx = i32[HI];
  const lx = u32[LO];
  let ix = hx & 0x7fffffff;

  // When x < 0: is y an odd integer (1), an even one (2), or no integer (0)?
  let yIsInt = 0;
  if (hx < 0) {
    if (iy >= 0x43400000) yIsInt = 2; // |y| >= 2^53, or Infinity: even
    else if (Math.floor(y) === y) yIsInt = y % 2 === 0 ? 2 : 1;
  }

  if (ly === 0) {
    if (iy === 0x7ff00000) {
      // y = +-Infinity
      if (((ix - 0x3ff00000) | lx) === 0) return NaN; // (+-1)^(+-Infinity)
      if (ix >= 0x3ff00000) return hy >= 0 ? y : 0; // |x| > 1
      return hy < 0 ? -y : 0; // |x| < 1
    }
    if (iy === 0x3ff00000) return hy < 0 ? 1 / x : x; // y = +-1
    if (hy === 0x40000000) return x * x; // y = 2
    if (hy === 0x3fe00000 && hx >= 0) return Math.sqrt(x); // y = 1/2, x >= +0
  }

  const ax = Math.abs(x);
  if (lx === 0 && (ix === 0x7ff00000 || ix === 0 || ix === 0x3ff00000)) {
    // x = +-0, +-Infinity, +-1
    let z = hy < 0 ? 1 / ax : ax;
    if (hx < 0) {
      if (((ix - 0x3ff00000) | yIsInt) === 0) z = NaN; // (-1)^non-integer
      else if (yIsInt === 1) z = -z; // (-x)^odd = -(x^odd)
    }
    return z;
  }
  if (hx < 0 && yIsInt === 0) return NaN; // (x < 0)^non-integer

  // log2(|x|) = t1 + t2, t1 with its low word zero (so y1 t1 below is exact)
  let t1: number;
  let t2: number;
  if (iy > 0x41e00000) {
    // |y| > 2^31
    if (iy > 0x43f00000) {
      // |y| > 2^64: overflow or underflow
      if (ix <= 0x3fefffff) return hy < 0 ? Infinity : 0;
      return hy > 0 ? Infinity : 0;
    }
    if (ix < 0x3fefffff) return hy < 0 ? Infinity : 0; // x not close to 1
    if (ix > 0x3ff00000) return hy > 0 ? Infinity : 0;
    // |1 - x| <= 2^-20: log(x) by x - x^2/2 + x^3/3 - x^4/4
    const t = ax - 1;
    const w = t * t * (0.5 - t * (0.3333333333333333333333 - t * 0.25));
    const u = IVLN2_H * t; // IVLN2_H has 21 significant bits
    const v = t * IVLN2_L - w * IVLN2;
    t1 = clearLowWord(u + v);
    t2 = v - (t1 - u);
  } else {
    let n = 0;
    let a = ax;
    if (ix < 0x00100000) {
      // subnormal x
      a *= TWO53;
      n = -53;
      f64[0] = a;
      ix = i32[HI];
    }
    n += (ix >> 20) - 0x3ff;
    const j = ix & 0x000fffff;
    ix = j | 0x3ff00000; // a / 2^n in [1, 2)
    let k = 0;
    if (j <= 0x3988e) k = 0; // < sqrt(3/2)
    else if (j < 0xbb67a) k = 1; // < sqrt(3)
    else {
      n += 1;
      ix -= 0x00100000;
    }
    f64[0] = a;
    i32[HI] = ix;
    a = f64[0];
    const bp = k === 0 ? 1 : 1.5;
    const dpH = k === 0 ? 0 : DP_H;
    const dpL = k === 0 ? 0 : DP_L;

    // s = sH + sL = (a - 1) / (a + 1) or (a - 1.5) / (a + 1.5)
    let u = a - bp;
    let v = 1 / (a + bp);
    const s = u * v;
    const sH = clearLowWord(s);
    let tH = fromWords(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18), 0); // a + bp, high part
    let tL = a - (tH - bp);
    const sL = v * (u - sH * tH - sH * tL);
    // log(a)
    let s2 = s * s;
    let r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
    r += sL * (sH + s);
    s2 = sH * sH;
    tH = clearLowWord(3 + s2 + r);
    tL = r - (tH - 3 - s2);
    // u + v = s (1 + ...)
    u = sH * tH;
    v = sL * tH + tL * s;
    // 2 / (3 ln 2) (s + ...)
    const pH = clearLowWord(u + v);
    const pL = v - (pH - u);
    const zH = CP_H * pH;
    const zL = CP_L * pH + pL * CP + dpL;
    // log2(a) = n + dpH + zH + zL
    t1 = clearLowWord(zH + zL + dpH + n);
    t2 = zL - (t1 - n - dpH - zH);
  }

  const sign = hx < 0 && yIsInt === 1 ? -1 : 1; // (-x)^odd

  // y log2(x) = pH + pL, with y = y1 + (y - y1) split so that y1 t1 is exact
  const y1 = clearLowWord(y);
  let pL = (y - y1) * t1 + y * t2;
  let pH = y1 * t1;
  let z = pL + pH;
  f64[0] = z;
  let j = i32[HI];
  const i = u32[LO];
  if (j >= 0x40900000) {
    // z >= 1024
    if (j !== 0x40900000 || i !== 0) return sign * Infinity;
    if (pL + OVT > z - pH) return sign * Infinity;
  } else if ((j & 0x7fffffff) >= 0x4090cc00) {
    // z <= -1075
    if (j !== Z_MINUS_1075 || i !== 0) return sign * 0;
    if (pL <= z - pH) return sign * 0;
  }

  // 2^(pH + pL) = 2^n 2^(pH + pL - n), n = round(z)
  const iz = j & 0x7fffffff;
  let k = (iz >> 20) - 0x3ff;
  let n = 0;
  if (iz > 0x3fe00000) {
    // |z| > 1/2
    n = j + (0x00100000 >> (k + 1));
    k = ((n & 0x7fffffff) >> 20) - 0x3ff; // the exponent of n
    const t = fromWords(n & ~(0x000fffff >> k), 0);
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = -n;
    pH -= t;
  }
  const t = clearLowWord(pL + pH);
  const u = t * LG2_H;
  const v = (pL - (t - pH)) * LG2 + t * LG2_L;
  z = u + v;
  const w = v - (z - u);
  const zz = z * z;
  const c = z - zz * (P1 + zz * (P2 + zz * (P3 + zz * (P4 + zz * P5))));
  const r = (z * c) / (c - 2) - (w + z * w);
  z = 1 - (r - z);
  f64[0] = z;
  j = i32[HI] + (n << 20);
  if (j >> 20 <= 0) return sign * (z * POW2[POW2_BIAS + n + 1000] * POW2[POW2_BIAS - 1000]); // subnormal: rounds once
  i32[HI] = j;
  return sign * f64[0];
}
