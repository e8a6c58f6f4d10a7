// The scenario being edited: the JSON editor's text is the document; the form writes into it by
// path. Every change is parsed and checked by the core at once (checkScenario never throws), so
// the problems are always those of the text on screen.
import { checkScenario, type CheckResult, type ScenarioProblem } from '../../sim/scenario/parse.ts';
import { parseJsonText } from '../scenario/jsonText.ts';
import { parsePath, setAt } from '../scenario/paths.ts';

export type ChangeSource = 'editor' | 'form' | 'load';

export interface DocState {
  text: string;
  /** The parsed JSON, or undefined when the text is not JSON. */
  value: unknown;
  /** Where the text stops being JSON, or null. */
  jsonError: { message: string; line: number | null; column: number | null } | null;
  check: CheckResult | null;
  problems: ScenarioProblem[];
}

export class ScenarioDoc {
  private listeners: ((s: DocState, source: ChangeSource) => void)[] = [];
  state: DocState = { text: '', value: undefined, jsonError: null, check: null, problems: [] };

  onChange(f: (s: DocState, source: ChangeSource) => void): void {
    this.listeners.push(f);
  }

  setText(text: string, source: ChangeSource): void {
    const parsed = parseJsonText(text);
    if (!parsed.ok) {
      const jsonError = { message: parsed.message, line: parsed.line, column: parsed.column };
      this.state = { text, value: undefined, jsonError, check: null, problems: [{ path: '', message: parsed.message }] };
    } else {
      const check = checkScenario(parsed.value);
      this.state = { text, value: parsed.value, jsonError: null, check, problems: check.ok ? [] : check.problems };
    }
    for (const f of this.listeners) f(this.state, source);
  }

  /** Writes `value` at `path` (undefined deletes) and re-serialises the document. */
  setField(path: string, value: unknown): void {
    if (this.state.jsonError) return;
    const next = setAt(this.state.value, parsePath(path), value);
    if (next === null) return;
    this.setText(JSON.stringify(next, null, 2) + '\n', 'form');
  }

  get valid(): boolean {
    return this.state.check?.ok === true;
  }
}
