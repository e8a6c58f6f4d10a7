// The values a swept parameter takes: `A:B:STEP` (a grid, both ends included) or a comma list.

/** A value a parameter can be set to: what a scenario file can hold at that place. */
export type ParamValue = number | string | boolean | null;

/** At most this many values per parameter (a typo like 0:1e6:1 should not start a year-long run). */
export const MAX_VALUES = 10_000;

/**
 * Parses `--values`: `A:B:STEP` gives A, A + STEP, ... up to B (STEP may be negative when B < A;
 * each value rounded to 12 significant digits, so 0.1:0.9:0.1 gives 0.3, not
 * 0.30000000000000004); otherwise a comma list whose items are JSON (`0.5`, `true`, `null`,
 * `"x"`) or, failing that, bare strings (`fifo,lifo`). Throws an Error naming the problem.
 */
export function parseValues(spec: string): ParamValue[] {
  const text = spec.trim();
  if (text === '') throw new Error('no values: give A:B:STEP or a comma list');
  const grid = /^([^:,]+):([^:,]+):([^:,]+)$/.exec(text);
  if (grid) return range(grid[1], grid[2], grid[3]);
  // Numbers joined by colons are a range with a part missing or extra (1:3), not a word.
  const parts = text.split(':');
  if (parts.length > 1 && !text.includes(',') && parts.every((x) => x.trim() !== '' && Number.isFinite(Number(x)))) {
    throw new Error(`A:B:STEP needs three numbers (got ${parts.length}: "${text}"), e.g. ${parts[0].trim()}:${parts[1].trim()}:1`);
  }
  return text.split(',').map(listItem);
}

function range(a: string, b: string, s: string): number[] {
  const [from, to, step] = [a, b, s].map((x) => Number(x.trim()));
  for (const [name, text, x] of [['A', a, from], ['B', b, to], ['STEP', s, step]] as const) {
    if (text.trim() === '' || !Number.isFinite(x)) throw new Error(`${name} of A:B:STEP must be a number (got "${text.trim()}")`);
  }
  if (step === 0) throw new Error('STEP of A:B:STEP must not be 0');
  if ((to - from) * step < 0) throw new Error(`STEP ${step} does not lead from ${from} to ${to}`);
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > MAX_VALUES) throw new Error(`${from}:${to}:${step} gives ${count} values, more than ${MAX_VALUES}`);
  return Array.from({ length: count }, (_, k) => Number((from + k * step).toPrecision(12)));
}

function listItem(item: string): ParamValue {
  const text = item.trim();
  if (text === '') throw new Error('empty item in the comma list');
  try {
    const v: unknown = JSON.parse(text);
    if (v === null || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  } catch {
    // not JSON: a bare word such as fifo
  }
  return text;
}
