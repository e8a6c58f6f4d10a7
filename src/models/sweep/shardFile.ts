// The file one shard of a sweep writes (`npm run sweep -- ... --shard K/N --out part.json`) and
// `npm run merge` reads: the sweep's definition, which jobs it ran, and their results. Numbers
// go through JSON exactly (shortest round-trip form); the few that JSON cannot hold (NaN for a
// mean with no data, Infinity for an empty histogram's minimum, -0) are written as strings.
import type { Shard, SweepSpec } from '../../sim/sweep/plan.ts';
import type { JobResult, WarmupChoice } from './run.ts';

export const SHARD_FORMAT = 'queue-lab sweep shard';
export const SHARD_VERSION = 1;

export interface SweepShardFile {
  format: typeof SHARD_FORMAT;
  version: typeof SHARD_VERSION;
  spec: SweepSpec;
  shard: Shard;
  /** This shard ran jobs [from, to) of the sweep's `total`. */
  jobs: { from: number; to: number; total: number };
  warmups: WarmupChoice[];
  results: JobResult[];
}

export function shardFileText(file: SweepShardFile): string {
  return JSON.stringify({ ...file, results: encodeNumbers(file.results) }) + '\n';
}

/** Reads a shard file's text; throws an Error saying what is wrong with it. */
export function parseShardFile(text: string): SweepShardFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`not valid JSON: ${(err as Error).message}`);
  }
  const f = raw as SweepShardFile;
  if (f === null || typeof f !== 'object' || f.format !== SHARD_FORMAT) throw new Error(`not a sweep shard file (no "format": "${SHARD_FORMAT}")`);
  if (f.version !== SHARD_VERSION) throw new Error(`shard file version ${String(f.version)}; this queue-lab reads version ${SHARD_VERSION}`);
  if (!f.spec || !f.shard || !f.jobs || !Array.isArray(f.warmups) || !Array.isArray(f.results)) {
    throw new Error('incomplete shard file (spec, shard, jobs, warmups and results are needed)');
  }
  return { ...f, results: decodeNumbers(f.results) as JobResult[] };
}

export interface MergedShards {
  spec: SweepSpec;
  warmups: WarmupChoice[];
  results: JobResult[];
}

/**
 * Checks that the parts are shards of one sweep that together ran every job exactly once, and
 * joins them. Throws an Error with one line per problem (`lines`).
 */
export function mergeShards(parts: readonly { name: string; file: SweepShardFile }[]): MergedShards {
  const problems: string[] = [];
  if (parts.length === 0) throw new MergeError(['no shard files given']);
  const first = parts[0];
  const specText = JSON.stringify(first.file.spec);
  for (const p of parts.slice(1)) {
    if (JSON.stringify(p.file.spec) !== specText) problems.push(`${p.name}: a different sweep from ${first.name} (scenario or parameters differ)`);
    else if (p.file.jobs.total !== first.file.jobs.total) problems.push(`${p.name}: ${p.file.jobs.total} jobs, but ${first.name} has ${first.file.jobs.total}`);
  }
  if (problems.length > 0) throw new MergeError(problems);

  const total = first.file.jobs.total;
  const sorted = [...parts].sort((a, b) => a.file.jobs.from - b.file.jobs.from || a.file.jobs.to - b.file.jobs.to);
  let covered = 0;
  for (const p of sorted) {
    const { from, to } = p.file.jobs;
    if (from === to) continue;
    if (from > covered) problems.push(`jobs ${covered}..${from - 1} of ${total} are in none of the files (a shard is missing)`);
    if (from < covered) problems.push(`${p.name}: jobs ${from}..${Math.min(to, covered) - 1} are also in another file (shard ${p.file.shard.k}/${p.file.shard.n} given twice?)`);
    covered = Math.max(covered, to);
  }
  if (covered < total) problems.push(`jobs ${covered}..${total - 1} of ${total} are in none of the files (a shard is missing)`);

  const warmups = new Map<number, WarmupChoice>();
  for (const p of sorted) {
    if (p.file.results.length !== p.file.jobs.to - p.file.jobs.from) problems.push(`${p.name}: ${p.file.results.length} results for ${p.file.jobs.to - p.file.jobs.from} jobs`);
    for (const w of p.file.warmups) {
      const seen = warmups.get(w.point);
      if (seen && (seen.warmup !== w.warmup || seen.warning !== w.warning)) {
        problems.push(`${p.name}: point ${w.point} ran with warm-up ${w.warmup}, another shard with ${seen.warmup}`);
      }
      warmups.set(w.point, seen ?? w);
    }
  }
  if (problems.length > 0) throw new MergeError(problems);
  return {
    spec: first.file.spec,
    warmups: [...warmups.values()].sort((a, b) => a.point - b.point),
    results: sorted.flatMap((p) => p.file.results),
  };
}

export class MergeError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

const special = new Map<string, number>([
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
  ['-0', -0],
]);

function encodeNumbers(x: unknown): unknown {
  if (typeof x === 'number') return Number.isFinite(x) && !Object.is(x, -0) ? x : String(Object.is(x, -0) ? '-0' : x);
  if (Array.isArray(x)) return x.map(encodeNumbers);
  if (x !== null && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, encodeNumbers(v)]));
  return x;
}

function decodeNumbers(x: unknown): unknown {
  if (typeof x === 'string') return special.has(x) ? special.get(x) : x;
  if (Array.isArray(x)) return x.map(decodeNumbers);
  if (x !== null && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, decodeNumbers(v)]));
  return x;
}
