// Options of the file format that the engine does not implement yet. A file that uses one gets
// a "not implemented yet" problem instead of a generic one; the option is then removed from a
// copy of the input so that the schema does not report it a second time (as an unknown field
// of, say, { "mode": "manual", "failure": 0.01 }).
import type { ScenarioProblem } from './problem.ts';
import { formatPath } from './problem.ts';
import { isRecord, show } from './show.ts';

const COMING = 'coming with message-queue semantics';

type Section = 'producers' | 'queues' | 'consumers';

/** One option of the format that the engine does not implement yet. */
export interface Gate {
  section: Section;
  key: string;
  /** Does this value ask for the missing feature (rather than being a plain mistake)? */
  future: (value: unknown) => boolean;
  /** What to write instead; absent for keys that only exist with the feature. */
  use?: string;
  /** For { "mode": ... } options: the implemented mode; the problem points at `.mode`. */
  mode?: string;
}

/** Helpers for writing gates: the key is given at all; a { "mode" } object of another mode. */
export const present = (v: unknown) => v !== undefined;
export const otherMode = (mode: string) => (v: unknown) =>
  isRecord(v) && typeof v.mode === 'string' && v.mode !== mode;

/**
 * The table that checkScenario() consults: empty while the engine implements every option of
 * the format. An entry looks like
 *   { section: 'consumers', key: 'ack', future: otherMode('auto'), mode: 'auto' }
 *   { section: 'queues', key: 'preemptive', future: (v) => v === true, use: 'false' }
 *   { section: 'producers', key: 'clients', future: present }
 */
export const UNIMPLEMENTED: Gate[] = [];

/** The problems for options that are not implemented yet, and the input without them. */
export function takeUnimplemented(
  input: unknown,
  gates: readonly Gate[] = UNIMPLEMENTED,
): { problems: ScenarioProblem[]; rest: unknown } {
  if (!isRecord(input)) return { problems: [], rest: input };
  const problems: ScenarioProblem[] = [];
  const rest: Record<string, unknown> = { ...input };
  for (const section of ['producers', 'queues', 'consumers'] as const) {
    const list = input[section];
    if (!Array.isArray(list)) continue;
    rest[section] = list.map((item: unknown, i) => {
      if (!isRecord(item)) return item;
      const kept: Record<string, unknown> = { ...item };
      for (const gate of gates) {
        const value = item[gate.key];
        if (gate.section !== section || !gate.future(value)) continue;
        problems.push(problemFor(gate, value, [section, i, gate.key]));
        delete kept[gate.key];
      }
      return kept;
    });
  }
  return { problems, rest };
}

function problemFor(gate: Gate, value: unknown, path: (string | number)[]): ScenarioProblem {
  if (gate.mode !== undefined) {
    const mode = (value as Record<string, unknown>).mode;
    const message = `${show(mode)} is not implemented yet (${COMING}); use "${gate.mode}"`;
    return { path: formatPath([...path, 'mode']), message };
  }
  if (gate.use === undefined) return { path: formatPath(path), message: `not implemented yet (${COMING}); remove it` };
  return { path: formatPath(path), message: `${show(value)} is not implemented yet (${COMING}); use ${gate.use}` };
}
