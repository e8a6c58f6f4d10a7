// The plan as a file: what `npm run plan --json` prints and the lab exports, the same bytes.

import type { PlanResult } from './plan.ts';

/** JSON of the result, two-space indented; theory's Infinity (no steady state) as the string "Infinity". */
export function planJson(result: PlanResult): string {
  return JSON.stringify(result, (_key, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x), 2) + '\n';
}
