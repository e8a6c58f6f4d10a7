// The theory of a one-parameter sweep between and beyond its points: the scenario set to many
// values of the parameter, each checked and given to theoryFor, and every `.theory` column of
// the sweep table read off it. The lab draws it as the theory curve behind the simulated points
// (the hockey stick of mean wait against load is a curve, not four segments).
import { checkScenario } from '../../sim/scenario/parse.ts';
import { setParam } from '../../sim/sweep/paramPath.ts';
import type { SweepParam } from '../../sim/sweep/plan.ts';
import { theoryFor } from '../theory/index.ts';
import type { SweepColumn } from './table.ts';

export interface TheoryCurves {
  /** Parameter values, ascending: those where the scenario checks (a count stays an integer). */
  x: number[];
  /** Per `.theory` column (`queues.q.meanWait.theory`, ...): the value at each x, null where no theory applies. */
  curves: Record<string, (number | null)[]>;
}

/**
 * `count` evenly spaced values from the smallest swept value to the largest, and the swept
 * values themselves, ascending without repeats (12 significant digits, as parseValues rounds).
 */
export function curveValues(values: readonly number[], count = 101): number[] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const grid = hi > lo ? Array.from({ length: count }, (_, k) => lo + ((hi - lo) * k) / (count - 1)) : [];
  const all = [...values, ...grid].map((v) => Number(v.toPrecision(12)));
  return [...new Set(all)].sort((a, b) => a - b);
}

/** The theory columns' values with `param` set to each of `xs` in `base` (the sweep's scenario JSON). */
export function theoryCurves(base: unknown, param: SweepParam, columns: readonly SweepColumn[], xs: readonly number[]): TheoryCurves {
  const theoryColumns = columns.filter((c) => c.theory !== undefined);
  const out: TheoryCurves = { x: [], curves: Object.fromEntries(theoryColumns.map((c) => [c.name, []])) };
  for (const x of xs) {
    let raw: unknown;
    try {
      raw = setParam(base, param.path, x);
    } catch {
      continue;
    }
    const checked = checkScenario(raw);
    if (!checked.ok) continue; // e.g. 1.5 servers: the curve has only the values a scenario can take
    const point = { scenario: checked.scenario, theory: theoryFor(checked.scenario) };
    out.x.push(x);
    for (const c of theoryColumns) {
      const v = c.theory!(point);
      out.curves[c.name].push(v !== null && Number.isFinite(v) ? v : null);
    }
  }
  return out;
}
