// Erlang's loss (B) and delay (C) formulas, computed without factorials so that hundreds of
// servers neither overflow nor lose precision.
import { integerAtLeast, nonNegative } from './result';

/**
 * Erlang B: probability that an arrival finds all c servers busy in M/M/c/c (= M/G/c/c),
 * with offered load a = lambda E[S] Erlangs.
 * Recursion B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)): Jagerman (1974), "Some properties of
 * the Erlang loss function", Bell Syst. Tech. J. 53(3), 525-551. Every step stays in [0, 1].
 */
export function erlangB(c: number, a: number): number {
  integerAtLeast('erlangB', 'c', c, 0);
  nonNegative('erlangB', 'a', a);
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/**
 * Erlang C: probability that an arrival waits in M/M/c with offered load a = lambda / mu < c.
 * From Erlang B: C = c B / (c - a (1 - B)) (divide the two textbook definitions, e.g. Gross,
 * Shortle, Thompson & Harris (2008), Fundamentals of Queueing Theory, 4th ed., eq. of section
 * 2.3 by that of section 2.6). For a >= c (no steady state) every arrival waits: returns 1.
 */
export function erlangC(c: number, a: number): number {
  integerAtLeast('erlangC', 'c', c, 1);
  nonNegative('erlangC', 'a', a);
  if (a >= c) return 1;
  const b = erlangB(c, a);
  return (c * b) / (c - a * (1 - b));
}
