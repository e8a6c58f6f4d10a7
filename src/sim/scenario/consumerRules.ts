// Rules within one consumer group: handling, its dead-letter queue, its outage windows and its
// failure-repair process.
import { distSchema, hasZeroMean, toDistSpec } from './distSchema.ts';
import { formatPath } from './problem.ts';
import { finite, given, orDefault, type Add, type Item, type Path } from './rawInput.ts';
import { isRecord, show } from './show.ts';

export function checkConsumer({ item, path }: Item, add: Add): void {
  if (orDefault(item.handling, 'sync') === 'sync') checkSyncHandling(item, path, add);
  if (isRecord(item.ack) && item.ack.mode === 'manual') {
    const { deadLetter, loss, visibilityTimeout } = item.ack;
    if (typeof deadLetter === 'string' && deadLetter === item.from) {
      const why = 'dead letters would come straight back to this group';
      add([...path, 'ack', 'deadLetter'], `must differ from "from" (got ${show(deadLetter)}): ${why}`);
    }
    if (finite(loss) && loss > 0 && loss < 1 && (visibilityTimeout === undefined || visibilityTimeout === null)) {
      const why = 'without a visibility timeout a message whose ack is lost would stay in flight forever';
      add([...path, 'ack', 'visibilityTimeout'], `is needed when ack.loss > 0 (got loss ${loss}): ${why}`);
    }
  }
  if (Array.isArray(item.outages)) checkWindows(item.outages, [...path, 'outages'], add, 'outages');
  if (Array.isArray(item.slowdowns)) checkWindows(item.slowdowns, [...path, 'slowdowns'], add, 'slowdowns');
  if (isRecord(item.autoscale)) checkAutoscale(item, item.autoscale, [...path, 'autoscale'], add);
  if (isRecord(item.failures)) checkFailures(item.failures, [...path, 'failures'], add);
}

function checkSyncHandling(item: Record<string, unknown>, path: Path, add: Add): void {
  const { concurrency, shared } = item;
  if (Number.isInteger(concurrency) && (concurrency as number) > 1) {
    const message = `must be 1 with handling "sync" (got ${concurrency}): a sync server handles one message at a time`;
    add([...path, 'concurrency'], message);
  }
  if (shared === true) add([...path, 'shared'], 'only with handling "async" (got true)');
}

type Window = { start: number; end: number; at: string };

const span = (w: { start: number; end: number }) => `[${w.start}, ${w.end}]`;

/** Each window ends after it starts; together they are sorted by start and do not overlap. */
function checkWindows(list: unknown[], path: Path, add: Add, name: 'outages' | 'slowdowns'): void {
  let previous: Window | undefined;
  let latest: Window | undefined; // the window that ends last so far
  list.forEach((w, i) => {
    if (!isRecord(w) || !finite(w.start) || w.start < 0 || !finite(w.end)) return; // the schema says why
    if (!(w.end > w.start)) {
      add([...path, i, 'end'], `must be > start (got ${w.end}, start ${w.start})`);
      return;
    }
    const here: Window = { start: w.start, end: w.end, at: formatPath([name, i]) };
    if (previous && here.start < previous.start) {
      add([...path, i], `${name} must be sorted by start (got ${span(here)} after ${previous.at} ${span(previous)})`);
    } else if (latest && here.start < latest.end) {
      add([...path, i], `${name} must not overlap (got ${span(here)}, which overlaps ${latest.at} ${span(latest)})`);
    }
    previous = here;
    if (!latest || here.end > latest.end) latest = here;
  });
}

const ZERO_MEAN = {
  mtbf: 'zero time between failures would never advance the clock',
  mttr: 'a failure repaired at once is no failure',
};

function checkFailures(failures: Record<string, unknown>, path: Path, add: Add): void {
  for (const key of ['mtbf', 'mttr'] as const) {
    const dist = distSchema.safeParse(failures[key]);
    if (dist.success && hasZeroMean(toDistSpec(dist.data))) {
      add([...path, key], `mean must be > 0 (got 0): ${ZERO_MEAN[key]}`);
    }
  }
}

/** min <= count <= max; a utilisation target is a share; features that move servers are not combined. */
function checkAutoscale(item: Record<string, unknown>, a: Record<string, unknown>, path: Path, add: Add): void {
  const { min, max, metric, target } = a;
  const count = orDefault(item.count, 1);
  if (Number.isInteger(min) && Number.isInteger(max)) {
    if ((max as number) < (min as number)) add([...path, 'max'], `must be >= min (got ${max}, min ${min})`);
    else if (Number.isInteger(count) && ((count as number) < (min as number) || (count as number) > (max as number))) {
      add([...path.slice(0, -1), 'count'], `must be within autoscale [min, max] = [${min}, ${max}] (got ${count}): it is the starting count`);
    }
  }
  if (metric === 'utilization' && finite(target) && target > 1) {
    add([...path, 'target'], `must be <= 1 with metric "utilization" (got ${target}): a server is at most fully busy`);
  }
  const why = 'not supported together with autoscale yet';
  if (Array.isArray(item.outages) && item.outages.length > 0) add([...path.slice(0, -1), 'outages'], `${why} (remove one)`);
  if (given(item.failures)) add([...path.slice(0, -1), 'failures'], `${why} (remove one)`);
}
