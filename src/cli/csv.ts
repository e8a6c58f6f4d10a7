// A tiny CSV reader for two numeric columns: those named t and y in the header (with only one
// of them named, the other is the first other column), else the first two. Comma-separated (tab
// or semicolon when the header has no comma); blank lines and lines starting with # are skipped;
// fields may be double-quoted. Errors name the line.

export interface Series {
  t: number[];
  y: number[];
  /** The header names of the two columns used. */
  columns: [string, string];
}

export function parseSeriesCsv(text: string): Series {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n|\r/)
    .map((line, i) => ({ line, number: i + 1 }))
    .filter(({ line }) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  if (lines.length === 0) throw new Error('empty file: expected a header with columns t and y, then data rows');
  const head = lines[0].line;
  const sep = head.includes(',') ? ',' : head.includes('\t') ? '\t' : head.includes(';') ? ';' : ',';
  const header = split(head, sep).map((h) => h.trim());
  if (header.length < 2) {
    throw new Error(`no t and y columns: the header "${head.trim()}" has ${header.length} column; expected columns named t and y (or at least two columns)`);
  }
  const lower = header.map((h) => h.toLowerCase());
  let it = lower.indexOf('t');
  let iy = lower.indexOf('y');
  if (it < 0 && iy < 0) {
    it = 0;
    iy = 1;
  } else if (it < 0) it = iy === 0 ? 1 : 0; // only y named: t is the first other column
  else if (iy < 0) iy = it === 0 ? 1 : 0; // only t named (e.g. "queue,t"): y is the first other column
  if (header.every((h) => h !== '' && Number.isFinite(Number(h)))) {
    throw new Error(`no header: the first line "${head.trim()}" is numbers; add a header line naming the columns t and y`);
  }
  if (lines.length === 1) throw new Error(`no data: the file has a header (${header.join(', ')}) but no data rows`);
  const t: number[] = [];
  const y: number[] = [];
  for (const { line, number } of lines.slice(1)) {
    const fields = split(line, sep);
    const need = Math.max(it, iy) + 1;
    if (fields.length < need) {
      throw new Error(`line ${number}: ${fields.length} field${fields.length === 1 ? '' : 's'}, expected at least ${need}`);
    }
    t.push(toNumber(fields[it], header[it], number));
    y.push(toNumber(fields[iy], header[iy], number));
  }
  return { t, y, columns: [header[it], header[iy]] };
}

function toNumber(field: string, column: string, line: number): number {
  const s = field.trim();
  const x = s === '' ? NaN : Number(s);
  if (!Number.isFinite(x)) throw new Error(`line ${line}: ${column} = "${s}" is not a finite number`);
  return x;
}

/** Split on sep outside double quotes; "" inside quotes is a literal quote. */
function split(line: string, sep: string): string[] {
  if (!line.includes('"')) return line.split(sep);
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
