// e^x and e^x - 1, the same bits on every engine (see ./index.ts).
import { HI, POW2, POW2_BIAS, fromWords, wordView } from './bits.ts';

const { f64, i32 } = wordView();
const pow2 = POW2;

const LN2_HI = 6.93147180369123816490e-1; // 0x3fe62e42 fee00000: k * LN2_HI is exact for |k| < 2000
const LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76
const INV_LN2 = 1.44269504088896338700; // 0x3ff71547 652b82fe
const OVERFLOW = 7.09782712893383973096e2; // 0x40862e42 fefa39ef: exp overflows above
const UNDERFLOW = -7.45133219101941108420e2; // 0xc0874910 d52d3051: exp underflows below
const E = 2.718281828459045; // 0x4005bf0a 8b145769, correctly rounded
// fdlibm's tests on the high word of |x|, as comparisons of doubles:
const HALF_LN2 = fromWords(0x3fd62e42, 0xffffffff); // high word > 0x3fd62e42: |x| > ln2 / 2
const THREE_HALVES_LN2 = fromWords(0x3ff0a2b2, 0); // high word < 0x3ff0a2b2: |x| < 3 ln2 / 2
const TWO_M28 = fromWords(0x3e300000, 0);
// Remez polynomial for R(r^2) = r (e^r + 1) / (e^r - 1) on [0, 0.34658], |error| < 2^-59.
const P1 = 1.66666666666666019037e-1; // 0x3fc55555 5555553e
const P2 = -2.77777777770155933842e-3; // 0xbf66c16c 16bebd93
const P3 = 6.61375632143793436117e-5; // 0x3f11566a af25de2c
const P4 = -1.65339022054652515390e-6; // 0xbebbbd41 c5d26bf1
const P5 = 4.13813679705723846039e-8; // 0x3e663769 72bea4d0

/** e^x, error < 1 ulp: a port of fdlibm 5.3 e_exp.c (Sun Microsystems, 1993). */
export function exp(x: number): number {
  if (!(x <= OVERFLOW && x >= UNDERFLOW)) return x !== x ? x : x > 0 ? Infinity : 0;
  // x = k ln2 + (hi - lo), |hi - lo| <= ln2 / 2
  const ax = Math.abs(x);
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (ax > HALF_LN2) {
    if (ax < THREE_HALVES_LN2) {
      if (x === 1) return E; // the reduction below gives e + 1 ulp (V8's port has this case too)
      k = x < 0 ? -1 : 1;
    } else {
      k = (INV_LN2 * x + (x < 0 ? -0.5 : 0.5)) | 0;
    }
    hi = x - k * LN2_HI;
    lo = k * LN2_LO;
    x = hi - lo;
  } else if (ax < TWO_M28) {
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  // y 2^k: exact when normal, like fdlibm's adding k to the exponent
  if (k >= -1021) return k < 1024 ? y * pow2[POW2_BIAS + k] : y * 2 * pow2[POW2_BIAS + 1023];
  return y * pow2[POW2_BIAS + k + 1000] * pow2[POW2_BIAS - 1000]; // subnormal: rounds once
}

// Remez polynomial for R1(r^2), r (e^r + 1) / (e^r - 1) = 2 + r^2/6 R1(r^2), coefficients
// scaled by 2^i (so z = r^2 / 2), |error| < 2^-61.
const Q1 = -3.33333333333331316428e-2; // 0xbfa11111 111110f4
const Q2 = 1.58730158725481460165e-3; // 0x3f5a01a0 19fe5585
const Q3 = -7.93650757867487942473e-5; // 0xbf14ce19 9eaadbb7
const Q4 = 4.00821782732936239552e-6; // 0x3ed0cfca 86e65239
const Q5 = -2.01099218183624371326e-7; // 0xbe8afdb7 6e09c32d

/** e^x - 1 accurate near 0, error < 1 ulp: a port of fdlibm 5.3 s_expm1.c (Sun Microsystems, 2004). */
export function expm1(x: number): number {
  f64[0] = x;
  const hx = i32[HI] & 0x7fffffff;
  const negative = x < 0;
  if (hx >= 0x4043687a) {
    // |x| >= 56 ln2, Infinity or NaN
    if (hx >= 0x40862e42) {
      if (hx >= 0x7ff00000) return x !== x ? x : negative ? -1 : x;
      if (x > OVERFLOW) return Infinity;
    }
    if (negative) return -1; // e^x < 2^-56
  }
  // x = k ln2 + r, r = hi - lo rounded, c = its rounding error
  let k = 0;
  let c = 0;
  if (hx > 0x3fd62e42) {
    // |x| > ln2 / 2
    let hi: number;
    let lo: number;
    if (hx < 0x3ff0a2b2) {
      // and |x| < 3 ln2 / 2
      k = negative ? -1 : 1;
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
    } else {
      k = (INV_LN2 * x + (negative ? -0.5 : 0.5)) | 0;
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
    c = hi - x - lo;
  } else if (hx < 0x3c900000) {
    return x; // |x| < 2^-54
  }
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const h2 = hxs * hxs;
  const h4 = h2 * h2;
  const r1 = 1 + hxs * Q1 + h2 * (Q2 + hxs * Q3) + h4 * (Q4 + hxs * Q5);
  let t = 3 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6 - x * t));
  if (k === 0) return x - (x * e - hxs);
  e = x * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) return x < -0.25 ? -2 * (e - (x + 0.5)) : 1 + 2 * (x - e);
  if (k <= -2 || k > 56) {
    f64[0] = 1 - (e - x);
    i32[HI] += k << 20; // times 2^k
    return f64[0] - 1;
  }
  let y: number;
  if (k < 20) {
    t = fromWords(0x3ff00000 - (0x200000 >> k), 0); // 1 - 2^-k
    y = t - (e - x);
  } else {
    t = fromWords((0x3ff - k) << 20, 0); // 2^-k
    y = x - (e + t) + 1;
  }
  f64[0] = y;
  i32[HI] += k << 20; // times 2^k
  return f64[0];
}
