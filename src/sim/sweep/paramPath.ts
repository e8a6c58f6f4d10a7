// Where a swept parameter lives in a scenario file: `producers[0].interarrival.rate` (or
// `producers.0.interarrival.rate`), `consumers[workers].count` (an element picked by its id), `horizon`.
import type { ParamValue } from './values.ts';

/** A key of an object, a position in an array, or the element of an array with this id. */
export type PathStep = { key: string } | { index: number } | { id: string };

/** Parses PATH; throws an Error saying what is wrong with it. */
export function parseParamPath(path: string): PathStep[] {
  const steps: PathStep[] = [];
  const re = /^(?:\.?([A-Za-z_$][\w$-]*)|\[\s*(\d+)\s*\]|\.(\d+)(?![\w$-])|\[([^\]]+)\])/;
  let rest = path.trim();
  if (rest === '' || rest.startsWith('.') || rest.startsWith('[')) {
    throw new Error(`"${path}" must start with a field name, e.g. producers[0].interarrival.rate`);
  }
  while (rest !== '') {
    const m = re.exec(rest);
    if (!m) throw new Error(`"${path}": cannot read "${rest}" (expected .field, [number], .number or [id])`);
    if (m[1] !== undefined) steps.push({ key: m[1] });
    else if (m[2] !== undefined || m[3] !== undefined) steps.push({ index: Number(m[2] ?? m[3]) });
    else steps.push({ id: m[4].trim() });
    rest = rest.slice(m[0].length);
  }
  return steps;
}

/**
 * A copy of the scenario file's JSON with the value at `path` set. Every step but the last must
 * exist; the last may add a field (e.g. `queues[0].capacity`) but not an array element.
 */
export function setParam(raw: unknown, path: string, value: ParamValue): unknown {
  const root: unknown = structuredClone(raw);
  const { holder, at } = locate(root, path);
  if (Array.isArray(holder)) holder[at as number] = value;
  else holder[at as string] = value;
  return root;
}

/**
 * The one spelling of the place `path` names in this scenario file, whichever way it is written:
 * `producers[0].interarrival.rate` for `producers.0.interarrival.rate` and
 * `producers[orders].interarrival.rate`. Throws as setParam does.
 */
export function paramLocation(raw: unknown, path: string): string {
  return locate(raw, path).where;
}

/** The object or list that holds the value at `path`, its key or position there, and the place's spelling. */
function locate(root: unknown, path: string): { holder: Record<string, unknown> | unknown[]; at: string | number; where: string } {
  const steps = parseParamPath(path);
  let node: unknown = root;
  let where = '';
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    const last = i === steps.length - 1;
    if ('key' in step) {
      if (!isObject(node)) throw new Error(`${path}: ${where || 'the scenario'} is not an object`);
      const here = where === '' ? step.key : `${where}.${step.key}`;
      if (last) return { holder: node, at: step.key, where: here };
      if (!(step.key in node)) throw new Error(`${path}: ${where || 'the scenario'} has no field ${step.key}`);
      node = node[step.key];
      where = here;
    } else {
      if (!Array.isArray(node)) throw new Error(`${path}: ${where} is not a list`);
      const at = 'index' in step ? step.index : node.findIndex((x) => isObject(x) && x.id === step.id);
      if (at < 0 || at >= node.length) {
        const what = 'index' in step ? `no element [${step.index}] (it has ${node.length})` : `no element with id "${step.id}"`;
        throw new Error(`${path}: ${where} has ${what}`);
      }
      if (last) return { holder: node, at, where: `${where}[${at}]` };
      node = node[at];
      where = `${where}[${at}]`;
    }
  }
  throw new Error(`"${path}" must start with a field name, e.g. producers[0].interarrival.rate`); // no steps: parseParamPath refuses that
}

function isObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}
