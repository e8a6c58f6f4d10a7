// Word access to doubles for the deterministic math kernels, like fdlibm's __HI(x) / __LO(x),
// through 8-byte buffers made at module load, so no call allocates.

/** One double and its two 32-bit words, sharing 8 bytes. */
export interface WordView {
  /** Write a value here, then read or change its words through HI / LO. */
  readonly f64: Float64Array;
  /** The words as signed integers (read the high word here: its sign is the double's). */
  readonly i32: Int32Array;
  /** The words as unsigned integers (read the low word here). */
  readonly u32: Uint32Array;
}

/**
 * A new view; each kernel file makes its own at load. V8 optimizes typed arrays held in a
 * module's own constants much better than imported ones (several times faster under tsx).
 */
export function wordView(): WordView {
  const buffer = new ArrayBuffer(8);
  return { f64: new Float64Array(buffer), i32: new Int32Array(buffer), u32: new Uint32Array(buffer) };
}

const view = wordView();
view.f64[0] = 1; // 0x3ff00000 00000000: the high word tells the byte order
/** Index of the high word (sign, exponent, top 20 bits of the fraction): 1 on little-endian. */
export const HI = view.i32[1] === 0x3ff00000 ? 1 : 0;
/** Index of the low word (bottom 32 bits of the fraction). */
export const LO = 1 - HI;

/** The double with the given high and low words (for constants and rare paths). */
export function fromWords(hi: number, lo: number): number {
  view.i32[HI] = hi;
  view.u32[LO] = lo;
  return view.f64[0];
}

/** x with its low word set to 0 (its top 21 fraction bits kept): fdlibm's SET_LOW_WORD(x, 0). */
export function clearLowWord(x: number): number {
  view.f64[0] = x;
  view.u32[LO] = 0;
  return view.f64[0];
}

/**
 * 2^j for j = -1074 .. 1023 at index j + 1074 (doubling from the least subnormal is exact).
 * Scaling by a table entry is exact whenever the result is normal, the same as fdlibm's adding
 * to the exponent word, and faster in JavaScript (writing a word and reading the double back
 * stalls the processor's store forwarding).
 */
export const POW2 = new Float64Array(2098);
for (let i = 0, p = Number.MIN_VALUE; i < POW2.length; i++, p *= 2) POW2[i] = p;
/** Index of 2^0 in POW2. */
export const POW2_BIAS = 1074;
