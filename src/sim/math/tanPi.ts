// tan(pi x), the same bits on every engine (see ./index.ts). Only the kernel on [-pi/4, pi/4]
// is needed: the reduction of x by whole and half periods is exact, so no Payne-Hanek.
import { HI, LO, clearLowWord, wordView } from './bits.ts';

const { f64, i32, u32 } = wordView();

const PIO4 = 7.85398163397448278999e-1; // 0x3fe921fb 54442d18
const PIO4_LO = 3.06161699786838301793e-17; // 0x3c81a626 33145c07
// Odd polynomial for tan on [0, 0.67434], |tan(x) / x - (1 + T0 x^2 + ... + T12 x^26)| <= 2^-59.2.
const T0 = 3.33333333333334091986e-1; // 0x3fd55555 55555563
const T1 = 1.33333333333201242699e-1; // 0x3fc11111 1110fe7a
const T2 = 5.39682539762260521377e-2; // 0x3faba1ba 1bb341fe
const T3 = 2.18694882948595424599e-2; // 0x3f9664f4 8406d637
const T4 = 8.86323982359930005737e-3; // 0x3f8226e3 e96e8493
const T5 = 3.59207910759131235356e-3; // 0x3f6d6d22 c9560328
const T6 = 1.45620945432529025516e-3; // 0x3f57dbc8 fee08315
const T7 = 5.88041240820264096874e-4; // 0x3f4344d8 f2f26501
const T8 = 2.46463134818469906812e-4; // 0x3f3026f7 1a8d1068
const T9 = 7.81794442939557092300e-5; // 0x3f147e88 a03792a6
const T10 = 7.14072491382608190305e-5; // 0x3f12b80f 32f0a7e9
const T11 = -1.85586374855275456654e-5; // 0xbef375cb db605373
const T12 = 2.59073051863633712884e-5; // 0x3efb2a70 74bf7ad4

/**
 * tan(x + y) (iy = 1) or -1 / tan(x + y) (iy = -1) for |x| <= ~pi/4, y the tail of x: a port of
 * fdlibm 5.3 k_tan.c (Sun Microsystems, 2004).
 */
function kernelTan(x: number, y: number, iy: 1 | -1): number {
  f64[0] = x;
  const hx = i32[HI];
  const ix = hx & 0x7fffffff;
  if (ix < 0x3e300000) {
    // |x| < 2^-28
    if (((ix | u32[LO]) === 0) && iy === -1) return 1 / Math.abs(x); // -1 / tan(+-0)
    return iy === 1 ? x : -1 / x;
  }
  const big = ix >= 0x3fe59428; // |x| >= 0.6744: tan(x) = tan(pi/4 - (pi/4 - x))
  if (big) {
    if (hx < 0) {
      x = -x;
      y = -y;
    }
    x = PIO4 - x + (PIO4_LO - y);
    y = 0;
  }
  let z = x * x;
  let w = z * z;
  // x^5 (T1 + x^2 T2 + ...) split into its even and odd terms in x^4
  let r = T1 + w * (T3 + w * (T5 + w * (T7 + w * (T9 + w * T11))));
  let v = z * (T2 + w * (T4 + w * (T6 + w * (T8 + w * (T10 + w * T12)))));
  let s = z * x;
  r = y + z * (s * (r + v) + y);
  r += T0 * s;
  w = x + r;
  if (big) {
    v = iy;
    return (1 - ((hx >> 30) & 2)) * (v - 2 * (x - ((w * w) / (w + v) - r)));
  }
  if (iy === 1) return w;
  // -1 / (x + r), accurately
  z = clearLowWord(w);
  v = r - (z - x); // z + v = x + r
  const a = -1 / w;
  const t = clearLowWord(a);
  s = 1 + t * z;
  return t + a * (s + t * v);
}

const PI_HI = 3.141592653589793; // 0x400921fb 54442d18
const PI_LO = 1.2246467991473532e-16; // 0x3ca1a626 33145c07: pi - PI_HI
const SPLIT = 134217729; // 2^27 + 1, Veltkamp's splitter
const PI_HI_H = PI_HI * SPLIT - (PI_HI * SPLIT - PI_HI); // PI_HI = PI_HI_H + PI_HI_L, 26 bits each
const PI_HI_L = PI_HI - PI_HI_H;

/** The kernel at pi r for |r| <= 1/4, with pi r carried to about 106 bits (Dekker's product). */
function kernelAtPi(r: number, iy: 1 | -1): number {
  const hi = PI_HI * r;
  const c = r * SPLIT;
  const rh = c - (c - r);
  const rl = r - rh;
  const err = PI_HI_H * rh - hi + PI_HI_H * rl + PI_HI_L * rh + PI_HI_L * rl; // PI_HI r - hi, exactly
  const x = hi + (err + PI_LO * r);
  return kernelTan(x, hi - x + (err + PI_LO * r), iy);
}

/**
 * tan(pi x), error about 1 ulp; NaN for non-finite x, +Infinity at the poles x = k + 1/2. The
 * half-period reduction r = x - round(x) (and r -+ 1/2) is exact, unlike tan(Math.PI * x).
 * Built on fdlibm's kernel (k_tan.c) so it gives the same bits on every engine.
 */
export function tanPi(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (x === 0) return x; // keeps the sign of -0
  const r = x - Math.round(x); // exact, in [-1/2, 1/2]
  if (r > 0.25) return kernelAtPi(r - 0.5, -1); // tan(pi r) = -1 / tan(pi (r - 1/2))
  if (r < -0.25) return kernelAtPi(r + 0.5, -1);
  return kernelAtPi(r, 1);
}
