// Rules within one producer: its arrival process (an open loop on a clock, or a closed loop of
// clients), its active window and its transport.
import { distSchema, hasZeroMean, toDistSpec } from './distSchema.ts';
import { finite, given, orDefault, type Add, type Item, type Path } from './rawInput.ts';
import { isRecord, show } from './show.ts';

const NOT_ON_A_CLOCK = 'a closed loop sends when a reply comes back, not on a clock';

export function checkProducer({ item, path }: Item, add: Add): void {
  const replies = orDefault(item.replies, 'async');
  if (replies === 'async') checkOpenLoop(item, path, add);
  if (replies === 'sync') checkClosedLoop(item, path, add);
  const start = orDefault(item.start, 0);
  if (finite(start) && start >= 0 && finite(item.stop) && !(item.stop > start)) {
    add([...path, 'stop'], `must be > start (got ${item.stop}, start ${start})`);
  }
  if (isRecord(item.transport)) checkTransport(item.transport, [...path, 'transport'], add);
  checkRetry(item, path, add);
}

/** A retry needs a timeout to trigger it. */
function checkRetry(item: Record<string, unknown>, path: Path, add: Add): void {
  if (given(item.retry) && !given(item.timeout)) {
    add([...path, 'retry'], 'needs "timeout": a retry is sent when an attempt times out');
  }
  const r = item.retry;
  if (isRecord(r) && finite(r.cap) && finite(r.base) && r.cap < r.base) {
    add([...path, 'retry', 'cap'], `must be >= base (got ${r.cap}, base ${r.base})`);
  }
}

function checkOpenLoop(item: Record<string, unknown>, path: Path, add: Add): void {
  const hasInterarrival = given(item.interarrival);
  if (hasInterarrival === given(item.rate)) {
    const got = hasInterarrival ? 'both' : 'neither';
    add(path, `needs exactly one of "interarrival" and "rate" (got ${got})`);
  }
  const dist = distSchema.safeParse(item.interarrival);
  if (dist.success && hasZeroMean(toDistSpec(dist.data))) {
    add([...path, 'interarrival'], 'mean must be > 0 (got 0): zero time between messages would never advance the clock');
  }
  // 1 and null are what a checked open-loop producer holds, so that it reads back as a file.
  if (item.clients !== undefined && item.clients !== 1) {
    add([...path, 'clients'], `only with replies "sync" (got ${show(item.clients)})`);
  }
  if (given(item.think)) add([...path, 'think'], `only with replies "sync" (got ${show(item.think)})`);
}

function checkClosedLoop(item: Record<string, unknown>, path: Path, add: Add): void {
  for (const key of ['interarrival', 'rate']) {
    if (given(item[key])) {
      add([...path, key], `must be absent with replies "sync" (got ${show(item[key])}): ${NOT_ON_A_CLOCK}`);
    }
  }
}

function checkTransport(t: Record<string, unknown>, path: Path, add: Add): void {
  const { protocol } = t;
  if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'http') return; // the schema says why
  // A checked udp transport holds the default rto, 1: accepted, so that it reads back as a file.
  if (protocol === 'udp' && t.rto !== undefined && t.rto !== 1) {
    add([...path, 'rto'], `only with protocol "tcp" or "http" (got ${show(t.rto)}, protocol "udp")`);
  }
  if (protocol !== 'http' && given(t.overhead)) {
    add([...path, 'overhead'], `only with protocol "http" (got ${show(t.overhead)}, protocol ${show(protocol)})`);
  }
}
