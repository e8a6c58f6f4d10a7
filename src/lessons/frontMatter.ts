// A lesson file's front matter: a small subset of YAML, read by hand (no dependency). What it
// reads is read as YAML would read it; what it does not read is an error with its line number.
//
//   key: value              a mapping entry; keys are [A-Za-z_][A-Za-z0-9_-]*
//   key:                    a nested block (more indented) follows: a mapping or a list
//   - value / - key: value  a list item; a "- key: value" item is a mapping whose other keys
//                           line up with the first one
//   [a, b] / {k: v, ...}    flow lists and mappings, on one line
//   "..." / '...'           quoted strings (JSON escapes / '' for a quote); anything else is a
//                           plain scalar: null, true, false, a number, or the text itself
//   # ...                   a comment (at the start of a line, or after a space)
// Not read: multi-line scalars (| and >), anchors, tags, several documents, tabs for indentation.

export type Yaml = null | boolean | number | string | Yaml[] | { [key: string]: Yaml };

/** Thrown with the line (1-based, counted in the whole file) and the rule. */
export class FrontMatterError extends Error {
  constructor(
    readonly line: number,
    readonly rule: string,
  ) {
    super(`line ${line}: ${rule}`);
  }
}

export interface SplitFile {
  /** The front matter's lines (without the --- fences), and the line number of the first. */
  frontMatter: string[];
  firstLine: number;
  /** The Markdown after the closing fence. */
  body: string;
}

/** Splits `---\n...\n---\nbody`; throws a FrontMatterError when the fences are missing. */
export function splitFrontMatter(text: string): SplitFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') throw new FrontMatterError(1, 'a lesson starts with a front matter: a line "---"');
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) throw new FrontMatterError(lines.length, 'the front matter has no closing "---" line');
  return { frontMatter: lines.slice(1, end), firstLine: 2, body: lines.slice(end + 1).join('\n').replace(/^\n+/, '') };
}

interface Line {
  no: number;
  indent: number;
  text: string;
}

/** Parses front-matter lines into a mapping. */
export function parseFrontMatter(source: string[], firstLine = 1): { [key: string]: Yaml } {
  const lines: Line[] = [];
  source.forEach((raw, i) => {
    const no = firstLine + i;
    if (/^\s*\t/.test(raw)) throw new FrontMatterError(no, 'indent with spaces, not tabs');
    const text = stripComment(raw, no).trimEnd();
    if (text.trim() === '') return;
    lines.push({ no, indent: text.length - text.trimStart().length, text: text.trimStart() });
  });
  if (lines.length === 0) return {};
  const reader = { lines, at: 0 };
  if (lines[0].indent !== 0) throw new FrontMatterError(lines[0].no, 'the first key must not be indented');
  const value = parseBlock(reader, 0);
  if (reader.at < lines.length) {
    const l = lines[reader.at];
    throw new FrontMatterError(l.no, `unexpected indentation before "${l.text}"`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new FrontMatterError(lines[0].no, 'the front matter must be a mapping of keys to values');
  }
  return value;
}

interface Reader {
  lines: Line[];
  at: number;
}

/** A block (mapping or list) whose lines are indented exactly `indent`. */
function parseBlock(r: Reader, indent: number): Yaml {
  const first = r.lines[r.at];
  return first.text === '-' || first.text.startsWith('- ') ? parseList(r, indent) : parseMapping(r, indent);
}

function parseList(r: Reader, indent: number): Yaml[] {
  const items: Yaml[] = [];
  while (r.at < r.lines.length) {
    const line = r.lines[r.at];
    if (line.indent < indent) break;
    if (line.indent > indent) throw new FrontMatterError(line.no, `unexpected indentation before "${line.text}"`);
    if (!(line.text === '-' || line.text.startsWith('- '))) {
      throw new FrontMatterError(line.no, `expected a list item "- ..." here, got "${line.text}"`);
    }
    const rest = line.text.slice(1).trimStart();
    const restIndent = indent + (line.text.length - rest.length);
    if (rest === '') {
      r.at++;
      items.push(nested(r, indent));
    } else if (keyOf(rest) !== null) {
      // "- key: value": a mapping whose keys line up with `key`.
      r.lines[r.at] = { no: line.no, indent: restIndent, text: rest };
      items.push(parseMapping(r, restIndent));
    } else {
      r.at++;
      items.push(parseScalar(rest, line.no));
    }
  }
  return items;
}

function parseMapping(r: Reader, indent: number): { [key: string]: Yaml } {
  const map: { [key: string]: Yaml } = {};
  while (r.at < r.lines.length) {
    const line = r.lines[r.at];
    if (line.indent < indent) break;
    if (line.indent > indent) throw new FrontMatterError(line.no, `unexpected indentation before "${line.text}"`);
    const kv = keyOf(line.text);
    if (kv === null) throw new FrontMatterError(line.no, `expected "key: value", got "${line.text}"`);
    if (Object.prototype.hasOwnProperty.call(map, kv.key)) throw new FrontMatterError(line.no, `key "${kv.key}" appears twice`);
    r.at++;
    // A list may start at the key's own indentation (YAML allows "key:\n- a").
    const next = r.lines[r.at];
    const listAtSameIndent = kv.value === '' && next !== undefined && next.indent === indent && (next.text === '-' || next.text.startsWith('- '));
    map[kv.key] =
      kv.value !== '' ? parseScalar(kv.value, line.no) : listAtSameIndent ? parseList(r, indent) : nested(r, indent);
  }
  return map;
}

/** The block after "key:" or "-": more indented than `indent`, or null when there is none. */
function nested(r: Reader, indent: number): Yaml {
  const next = r.lines[r.at];
  if (next === undefined || next.indent <= indent) return null;
  return parseBlock(r, next.indent);
}

/** "key: value" or "key:" -> { key, value } (value trimmed, '' when empty); null otherwise. */
function keyOf(text: string): { key: string; value: string } | null {
  const m = /^([A-Za-z_][A-Za-z0-9_-]*)\s*:(?:\s+(.*)|$)/.exec(text);
  return m ? { key: m[1], value: (m[2] ?? '').trim() } : null;
}

/** The line without its comment: "#" at the start or after whitespace, outside quotes. */
function stripComment(line: string, no: number): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote !== null) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) {
        if (quote === "'" && line[i + 1] === "'") i++;
        else quote = null;
      }
    } else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(line[i - 1]))) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return line.slice(0, i);
  }
  if (quote !== null) throw new FrontMatterError(no, `unclosed ${quote === '"' ? 'double' : 'single'} quote`);
  return line;
}

/** A value on one line: flow list / mapping, quoted string or plain scalar. */
export function parseScalar(text: string, no: number): Yaml {
  const p = { text, i: 0, no };
  const value = flowValue(p, false);
  skipSpace(p);
  if (p.i < text.length) throw new FrontMatterError(no, `unexpected "${text.slice(p.i)}" after the value`);
  return value;
}

interface Cursor {
  text: string;
  i: number;
  no: number;
}

function skipSpace(p: Cursor): void {
  while (p.i < p.text.length && /\s/.test(p.text[p.i])) p.i++;
}

function flowValue(p: Cursor, inFlow: boolean): Yaml {
  skipSpace(p);
  const c = p.text[p.i];
  if (c === '[') return flowList(p);
  if (c === '{') return flowMap(p);
  if (c === '"' || c === "'") return quoted(p);
  return plain(p, inFlow);
}

function flowList(p: Cursor): Yaml[] {
  p.i++; // [
  const items: Yaml[] = [];
  skipSpace(p);
  if (p.text[p.i] === ']') {
    p.i++;
    return items;
  }
  for (;;) {
    items.push(flowValue(p, true));
    skipSpace(p);
    const c = p.text[p.i];
    p.i++;
    if (c === ']') return items;
    if (c !== ',') throw new FrontMatterError(p.no, `expected "," or "]" in the list "${p.text}"`);
  }
}

function flowMap(p: Cursor): { [key: string]: Yaml } {
  p.i++; // {
  const map: { [key: string]: Yaml } = {};
  skipSpace(p);
  if (p.text[p.i] === '}') {
    p.i++;
    return map;
  }
  for (;;) {
    skipSpace(p);
    const m = /^([A-Za-z_][A-Za-z0-9_-]*)\s*:/.exec(p.text.slice(p.i));
    if (!m) throw new FrontMatterError(p.no, `expected "key: value" in the mapping "${p.text}"`);
    if (Object.prototype.hasOwnProperty.call(map, m[1])) throw new FrontMatterError(p.no, `key "${m[1]}" appears twice`);
    p.i += m[0].length;
    map[m[1]] = flowValue(p, true);
    skipSpace(p);
    const c = p.text[p.i];
    p.i++;
    if (c === '}') return map;
    if (c !== ',') throw new FrontMatterError(p.no, `expected "," or "}" in the mapping "${p.text}"`);
  }
}

function quoted(p: Cursor): string {
  const q = p.text[p.i];
  if (q === '"') {
    const m = /^"(?:[^"\\]|\\.)*"/.exec(p.text.slice(p.i));
    if (!m) throw new FrontMatterError(p.no, 'unclosed double quote');
    p.i += m[0].length;
    try {
      return JSON.parse(m[0]) as string;
    } catch {
      throw new FrontMatterError(p.no, `bad escape in ${m[0]}`);
    }
  }
  let out = '';
  let i = p.i + 1;
  for (;;) {
    if (i >= p.text.length) throw new FrontMatterError(p.no, 'unclosed single quote');
    if (p.text[i] === "'") {
      if (p.text[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      p.i = i + 1;
      return out;
    }
    out += p.text[i++];
  }
}

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

function plain(p: Cursor, inFlow: boolean): Yaml {
  const start = p.i;
  while (p.i < p.text.length && !(inFlow && /[,\]}]/.test(p.text[p.i]))) p.i++;
  const word = p.text.slice(start, p.i).trim();
  if (word === '') throw new FrontMatterError(p.no, `missing value in "${p.text}"`);
  if (word === 'null' || word === '~') return null;
  if (word === 'true') return true;
  if (word === 'false') return false;
  if (NUMBER.test(word)) return Number(word);
  // What YAML would read otherwise (a block scalar, an alias, a nested key...) must be quoted.
  if (/^(?:[-?:](?:\s|$)|[,[\]{}#&*!|>'"%@`])/.test(word) || /:(?:\s|$)/.test(word)) {
    throw new FrontMatterError(p.no, `quote the value ${word} (YAML reads it differently)`);
  }
  return word;
}
