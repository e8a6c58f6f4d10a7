// Rules that look at more than one field: unique ids, references to queues, warmup < horizon,
// and (in producerRules, consumerRules, queueRules) the rules between the fields of one
// component. They read the raw input defensively (see rawInput.ts), so that they are reported
// together with shape errors.
import { checkConsumer } from './consumerRules.ts';
import type { ScenarioProblem } from './problem.ts';
import { formatPath } from './problem.ts';
import { checkProducer } from './producerRules.ts';
import { checkPreemption } from './queueRules.ts';
import { finite, items, type Add, type Path } from './rawInput.ts';
import { isRecord, show } from './show.ts';

const SECTIONS = ['producers', 'queues', 'consumers'] as const;

export function checkRules(input: unknown): ScenarioProblem[] {
  if (!isRecord(input)) return [];
  const problems: ScenarioProblem[] = [];
  const add: Add = (path, message) => problems.push({ path: formatPath(path), message });
  checkIds(input, add);
  checkReferences(input, add);
  for (const p of items(input, 'producers')) checkProducer(p, add);
  checkPreemption(input, add);
  for (const c of items(input, 'consumers')) checkConsumer(c, add);
  checkHorizon(input, add);
  return problems;
}

function checkIds(input: Record<string, unknown>, add: Add): void {
  const seen = new Map<string, Path>();
  for (const section of SECTIONS) {
    for (const { item, path } of items(input, section)) {
      if (typeof item.id !== 'string') continue;
      // Results are keyed by id in plain objects, where assigning "__proto__" sets the prototype:
      // the queue would silently vanish from the result file.
      if (item.id === '__proto__') add([...path, 'id'], 'must not be "__proto__" (reserved in JavaScript objects)');
      const first = seen.get(item.id);
      if (first) add([...path, 'id'], `duplicate id ${show(item.id)} (also ${formatPath([...first, 'id'])})`);
      else seen.set(item.id, path);
    }
  }
}

function checkReferences(input: Record<string, unknown>, add: Add): void {
  const ids = items(input, 'queues').flatMap(({ item }) => (typeof item.id === 'string' ? [item.id] : []));
  if (ids.length === 0) return; // no queues to check against: the schema says why
  const known = new Set(ids);
  const listed = ids.join(', ');
  const ref = (value: unknown, path: Path) => {
    if (typeof value === 'string' && !known.has(value)) add(path, `unknown queue ${show(value)} (queues: ${listed})`);
  };
  for (const { item, path } of items(input, 'producers')) {
    if (Array.isArray(item.to)) item.to.forEach((to: unknown, j) => ref(to, [...path, 'to', j]));
    else ref(item.to, [...path, 'to']);
  }
  for (const { item, path } of items(input, 'consumers')) {
    ref(item.from, [...path, 'from']);
    if (Array.isArray(item.then)) {
      item.then.forEach((route: unknown, j) => isRecord(route) && ref(route.to, [...path, 'then', j, 'to']));
    } else ref(item.then, [...path, 'then']);
    // With ack mode "auto", a deadLetter is refused by the schema; no need to say more.
    if (isRecord(item.ack) && item.ack.mode === 'manual') ref(item.ack.deadLetter, [...path, 'ack', 'deadLetter']);
  }
}

/**
 * Samples per series at most: every replication keeps its series (P, Q, C, H, R and one per
 * queue and group) until they are combined, so a grid finer than this would exhaust memory
 * long before the run ends, instead of being answered as bad input.
 */
export const MAX_SAMPLES = 1_000_000;

function checkHorizon(input: Record<string, unknown>, add: Add): void {
  const { horizon, warmup, sampleEvery } = input;
  if (!finite(horizon) || horizon <= 0) return; // the schema reports a bad horizon
  if (finite(warmup) && warmup >= horizon) add(['warmup'], `must be < horizon (got ${warmup}, horizon ${horizon})`);
  if (finite(sampleEvery) && sampleEvery > horizon) {
    add(['sampleEvery'], `must be <= horizon (got ${sampleEvery}, horizon ${horizon})`);
  } else if (finite(sampleEvery) && sampleEvery > 0 && horizon / sampleEvery > MAX_SAMPLES) {
    add(['sampleEvery'], `must be >= horizon / ${MAX_SAMPLES} (got ${sampleEvery}, horizon ${horizon}: ${show(Math.floor(horizon / sampleEvery))} samples per series)`);
  }
}
