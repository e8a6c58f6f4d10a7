// Rules that look at more than one field: unique ids, references to queues, exactly one arrival
// process, warmup < horizon... They read the raw input defensively, skipping whatever has the
// wrong type (the schema reports that), so that they are reported together with shape errors.
import { distSchema, hasZeroMean, toDistSpec } from './distSchema.ts';
import type { ScenarioProblem } from './problem.ts';
import { formatPath } from './problem.ts';
import { isRecord, show } from './show.ts';

type Path = (string | number)[];
type Item = { item: Record<string, unknown>; path: Path };
type Add = (path: Path, message: string) => void;

const SECTIONS = ['producers', 'queues', 'consumers'] as const;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const given = (v: unknown) => v !== undefined && v !== null;

function items(input: Record<string, unknown>, section: string): Item[] {
  const list = input[section];
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown, i) => (isRecord(item) ? [{ item, path: [section, i] }] : []));
}

export function checkRules(input: unknown): ScenarioProblem[] {
  if (!isRecord(input)) return [];
  const problems: ScenarioProblem[] = [];
  const add: Add = (path, message) => problems.push({ path: formatPath(path), message });
  checkIds(input, add);
  checkReferences(input, add);
  for (const p of items(input, 'producers')) checkProducer(p, add);
  checkHorizon(input, add);
  return problems;
}

function checkIds(input: Record<string, unknown>, add: Add): void {
  const seen = new Map<string, Path>();
  for (const section of SECTIONS) {
    for (const { item, path } of items(input, section)) {
      if (typeof item.id !== 'string') continue;
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
  }
}

function checkProducer({ item, path }: Item, add: Add): void {
  const hasInterarrival = given(item.interarrival);
  if (hasInterarrival === given(item.rate)) {
    const got = hasInterarrival ? 'both' : 'neither';
    add(path, `needs exactly one of "interarrival" and "rate" (got ${got})`);
  }
  const dist = distSchema.safeParse(item.interarrival);
  if (dist.success && hasZeroMean(toDistSpec(dist.data))) {
    add([...path, 'interarrival'], 'mean must be > 0 (got 0): zero time between messages would never advance the clock');
  }
  const start = item.start === undefined ? 0 : item.start;
  if (finite(start) && start >= 0 && finite(item.stop) && !(item.stop > start)) {
    add([...path, 'stop'], `must be > start (got ${item.stop}, start ${start})`);
  }
}

function checkHorizon(input: Record<string, unknown>, add: Add): void {
  const { horizon, warmup, sampleEvery } = input;
  if (!finite(horizon) || horizon <= 0) return; // the schema reports a bad horizon
  if (finite(warmup) && warmup >= horizon) add(['warmup'], `must be < horizon (got ${warmup}, horizon ${horizon})`);
  if (finite(sampleEvery) && sampleEvery > horizon) {
    add(['sampleEvery'], `must be <= horizon (got ${sampleEvery}, horizon ${horizon})`);
  }
}
