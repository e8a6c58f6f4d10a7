import { readFileSync } from 'node:fs';
import { checkScenario, formatProblem } from '../sim/scenario/parse.ts';
import type { Scenario } from '../sim/scenario/types.ts';

/** Bad input for a CLI: one line per problem, printed on stderr, exit code 2. */
export class UsageError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

export interface Overrides {
  seed?: string;
  replications?: string;
  horizon?: string;
}

/**
 * Reads a scenario file, applies command-line overrides to the raw JSON (so they are checked by
 * the same schema, with the same messages) and returns the checked scenario.
 */
export function loadScenario(file: string, overrides: Overrides = {}): Scenario {
  const { raw, flagErrors } = readScenarioJson(file, overrides);
  const checked = checkScenario(raw);
  if (flagErrors.length > 0 || !checked.ok) {
    const problems = checked.ok ? [] : checked.problems.map((p) => `${file}: ${formatProblem(p)}`);
    throw new UsageError([...flagErrors, ...problems]);
  }
  return checked.scenario;
}

/**
 * The scenario file's JSON with the overrides applied, not yet checked (a sweep checks it at
 * each point), and the problems with the override flags. Throws a UsageError when the file
 * cannot be read or is not JSON.
 */
export function readScenarioJson(file: string, overrides: Overrides = {}): { raw: unknown; flagErrors: string[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError([`${file}: cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`]);
  }
  let raw: unknown;
  try {
    // A byte-order mark (Notepad, PowerShell) is not JSON, but it is not the user's mistake either.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UsageError([`${file}: not valid JSON: ${(err as Error).message}`]);
  }
  const flagErrors: string[] = [];
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    const obj = raw as Record<string, unknown>;
    for (const key of ['seed', 'replications', 'horizon'] as const) {
      const v = overrides[key];
      if (v === undefined) continue;
      const x = Number(v);
      if (v.trim() === '' || !Number.isFinite(x)) flagErrors.push(`--${key}: must be a number (got "${v}")`);
      else obj[key] = x;
    }
  }
  return { raw, flagErrors };
}
