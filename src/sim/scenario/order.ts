// Problems sorted in document order: by component, then by field in the order of the format.
import type { ScenarioProblem } from './problem.ts';
import { consumerSchema, producerSchema, queueSchema, scenarioFileSchema } from './schema.ts';

const FIELDS = [
  ...new Set([
    ...Object.keys(scenarioFileSchema.shape),
    ...Object.keys(producerSchema.shape),
    ...Object.keys(queueSchema.shape),
    ...Object.keys(consumerSchema.shape),
    ...['dist', 'rate', 'mean', 'value', 'min', 'max', 'k', 'shape', 'scale', 'cv', 'probs', 'rates', 'values'],
    ...['x0', 'terms', 'amplitude', 'p'],
    // transport, fetch, ack, outages and failures, in an order that fits each of them
    ...['mode', 'failure', 'protocol', 'delay', 'loss', 'rto', 'overhead', 'visibilityTimeout', 'maxDeliveries'],
    ...['deadLetter', 'interval', 'batch', 'wait', 'end', 'mtbf', 'mttr'],
  ]),
];
const RANK = new Map(FIELDS.map((f, i) => [f, i]));

// "producers[0].to[1]" -> ["producers", "0", "to", "1"]
const segments = (path: string) => path.match(/[^.[\]]+/g) ?? [];

function compareSegment(a: string, b: string): number {
  const [na, nb] = [Number(a), Number(b)];
  if (Number.isInteger(na) && Number.isInteger(nb)) return na - nb;
  const [ra, rb] = [RANK.get(a) ?? FIELDS.length, RANK.get(b) ?? FIELDS.length];
  return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
}

/** A stable sort: problems at the same path keep the order of the rules that found them. */
export function sortProblems(problems: ScenarioProblem[]): ScenarioProblem[] {
  return [...problems].sort((p, q) => {
    const [a, b] = [segments(p.path), segments(q.path)];
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compareSegment(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  });
}
