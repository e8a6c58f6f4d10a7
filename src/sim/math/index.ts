/**
 * Deterministic math: the same bits on every JavaScript engine.
 *
 * IEEE 754 basic operations (+ - * / sqrt) and Math.abs / floor / ceil / round / trunc / min /
 * max / fround are exact, so every engine agrees on them. The transcendental functions are not:
 * Node 20 (V8 11) and Chromium 156 round Math.exp, log, pow, sin, ... differently in the last
 * bit for about 10% of arguments, and `x ** y` is Math.pow (x ** 3 differs too). A simulation
 * that uses them gives different results in the browser than in Node for the same seed.
 *
 * So src/sim and src/models use only these: ports of fdlibm (Sun's freely distributable libm,
 * the algorithms V8 itself used for years), written with IEEE arithmetic and bit access through
 * one shared buffer (./bits.ts). Errors are below 1 ulp, like fdlibm's. test/sim/determinism
 * fails on any other Math function or `**` in those folders.
 */
export { exp, expm1 } from './exp.ts';
export { log, log10 } from './log.ts';
export { log1p } from './log1p.ts';
export { pow } from './pow.ts';
export { tanPi } from './tanPi.ts';
