// JSON text -> value, or where it stops being JSON (line and column for the editor).

export type JsonText = { ok: true; value: unknown } | { ok: false; message: string; line: number | null; column: number | null };

export function parseJsonText(text: string): JsonText {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    const raw = err instanceof Error ? err.message : String(err);
    const at = /position (\d+)/.exec(raw);
    if (!at) return { ok: false, message: `not valid JSON: ${raw}`, line: null, column: null };
    const pos = Number(at[1]);
    const before = text.slice(0, pos).split('\n');
    const line = before.length;
    const column = before[before.length - 1].length + 1;
    const why = raw.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
    return { ok: false, message: `not valid JSON at line ${line}, column ${column}: ${why}`, line, column };
  }
}

/** The editor's text for a value: two-space indented, as the CLI writes files. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
