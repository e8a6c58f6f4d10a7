// Problem paths as the core prints them ("producers[0].interarrival.rate", `queues[0]["my key"]`)
// read and written on plain JSON values.

export type Segment = string | number;

/** "a.b[0]['c d']" -> ["a", "b", 0, "c d"]; the inverse of the core's formatPath. */
export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  const re = /([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|(\.)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(JSON.parse(m[3]) as string);
  }
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The value at `path`, or undefined where the path leaves the document. */
export function getAt(root: unknown, path: Segment[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (!isObject(v)) return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/**
 * A copy of `root` with `value` at `path` (intermediate objects created; `undefined` deletes the
 * key). Returns null when the path runs through something that is not an object or array.
 */
export function setAt(root: unknown, path: Segment[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const base: unknown = root === undefined ? (typeof head === 'number' ? [] : {}) : root;
  if (!isObject(base)) return null;
  const child = setAt((base as Record<string | number, unknown>)[head], rest, value);
  if (child === null && rest.length > 0) return null;
  const copy = (Array.isArray(base) ? [...base] : { ...base }) as Record<string | number, unknown>;
  if (value === undefined && rest.length === 0) delete copy[head];
  else copy[head] = child;
  return copy;
}

/** Whether a problem at `problemPath` belongs to the field at `fieldPath` (it or inside it). */
export function pathWithin(problemPath: string, fieldPath: string): boolean {
  if (problemPath === fieldPath) return true;
  return problemPath.startsWith(fieldPath + '.') || problemPath.startsWith(fieldPath + '[');
}
