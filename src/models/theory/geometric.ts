// Truncated geometric sums, the tails of every birth-death queue with a finite buffer.
import { exp, expm1, log } from '../../sim/math/index.ts';

/** Past this many terms geometricSums switches from summation to the closed forms. */
const MAX_TERMS = 10_000_000;

/**
 * g0 = sum_{j=0..m} r^j and g1 = sum_{j=0..m} j r^j for 0 <= r <= 1 and integer m >= -1
 * (m = -1 is the empty sum). Terms are summed (they only shrink, so no cancellation) until they
 * are negligible; the closed forms g0 = (1 - r^(m+1)) / (1 - r),
 * g1 = r (1 - (m+1) r^m + m r^(m+1)) / (1 - r)^2 are used only past MAX_TERMS terms.
 */
export function geometricSums(r: number, m: number): { g0: number; g1: number } {
  if (m < 0) return { g0: 0, g1: 0 };
  if (r === 1) return { g0: m + 1, g1: (m * (m + 1)) / 2 };
  let g0 = 0;
  let g1 = 0;
  let t = 1;
  const last = Math.min(m, MAX_TERMS);
  for (let j = 0; j <= last; j++) {
    g0 += t;
    g1 += j * t;
    t *= r;
    if (t < 1e-17 * g0 && (j + 1) * t < 1e-17 * g1) return { g0, g1 };
  }
  if (last === m) return { g0, g1 };
  const logR = log(r);
  const rm = exp(m * logR);
  return {
    g0: expm1((m + 1) * logR) / expm1(logR),
    g1: (r * (1 - (m + 1) * rm + m * rm * r)) / ((1 - r) * (1 - r)),
  };
}
