// The search of a goal seek, apart from what a probe costs: the least good value of a parameter
// that still meets a target, assuming that meeting it is monotone in the parameter (more
// consumers never hurt a latency target). Values are tried in "goodness" order u: 0 at the worst
// end of the range, growing toward the best; the answer is the smallest u that meets.
import { log10, pow } from '../../sim/math/index.ts';

/** Where to search: [min, max] on a grid of `step` (integers: 1), or continuously to `tolerance`. */
export interface SearchSpace {
  min: number;
  max: number;
  /** Grid spacing from min; null: continuous. */
  step: number | null;
  /** Continuous: stop when the bracket is this narrow. */
  tolerance: number;
}

/** 'up': the metric improves as the parameter grows (answer: the smallest value that meets); 'down': the opposite. */
export type Direction = 'up' | 'down';

export interface SearchOutcome {
  /** The least good value that met, or null when none did (the best end of the range fails). */
  value: number | null;
  /** false when the probe budget ran out before the bracket closed (value: the best met so far). */
  converged: boolean;
  /** The failing value next to the answer (the bracket's other side), or null. */
  failing: number | null;
}

/** v rounded to a tenth of the tolerance's order of magnitude (tolerance 0.024: to 0.001). */
export function roundToTolerance(v: number, tolerance: number): number {
  const unit = pow(10, Math.floor(log10(tolerance)) - 1);
  return Number((Math.round(v / unit) * unit).toPrecision(12));
}

class BudgetSpent extends Error {}

/**
 * Finds the answer with as few probes as it can: from a guess (theory's answer), galloping away
 * from it in doubling steps until the outcome flips, then bisecting; without a guess, the best
 * end first (nothing to find if it fails), then the worst end, then bisection. Each value is
 * probed at most once; at most `maxProbes` probes.
 */
export async function seek(
  space: SearchSpace,
  direction: Direction,
  guess: number | null,
  meets: (value: number) => Promise<boolean>,
  maxProbes = 20,
): Promise<SearchOutcome> {
  const { min, max, step } = space;
  const grid = step !== null;
  const top = grid ? Math.round((max - min) / step) : max - min;
  const res = grid ? 1 : space.tolerance;
  // Grid values rounded to 12 significant digits (0.1 steps give 0.3, not 0.30000000000000004);
  // continuous ones to a tenth of the tolerance, so that reports read 1.7562, not 1.7562011718749986.
  const valueAt = (u: number) => {
    const v = direction === 'up' ? min + (grid ? u * step : u) : max - (grid ? u * step : u);
    return grid ? Number(v.toPrecision(12)) : roundToTolerance(v, space.tolerance);
  };
  const toU = (v: number) => {
    const u = direction === 'up' ? v - min : max - v;
    return Math.min(top, Math.max(0, grid ? Math.round(u / step) : u));
  };
  const seen = new Map<number, boolean>();
  const test = async (u: number): Promise<boolean> => {
    const known = seen.get(u);
    if (known !== undefined) return known;
    if (seen.size >= maxProbes) throw new BudgetSpent();
    const ok = await meets(valueAt(u));
    seen.set(u, ok);
    return ok;
  };
  let pass: number | null = null;
  let fail: number | null = null;
  try {
    if (guess !== null) {
      const g = toU(guess);
      let d = grid ? 1 : 2 * res;
      if (await test(g)) {
        pass = g;
        while (pass > 0) {
          const u = Math.max(0, pass - d);
          if (!(await test(u))) {
            fail = u;
            break;
          }
          pass = u;
          d *= 2;
        }
      } else {
        fail = g;
        while (fail < top) {
          const u = Math.min(top, fail + d);
          if (await test(u)) {
            pass = u;
            break;
          }
          fail = u;
          d *= 2;
        }
      }
    } else if (await test(top)) {
      pass = top;
      if (await test(0)) pass = 0;
      else fail = 0;
    } else {
      fail = top;
    }
    if (pass === null) return { value: null, converged: true, failing: valueAt(fail!) };
    let ok: number = pass;
    while (fail !== null && ok - fail > res) {
      const mid: number = grid ? Math.floor((fail + ok) / 2) : (fail + ok) / 2;
      if (await test(mid)) ok = mid;
      else fail = mid;
      pass = ok;
    }
    return { value: valueAt(ok), converged: true, failing: fail === null ? null : valueAt(fail) };
  } catch (err) {
    if (!(err instanceof BudgetSpent)) throw err;
    return { value: pass === null ? null : valueAt(pass), converged: false, failing: fail === null ? null : valueAt(fail) };
  }
}
