// A sweep: a scenario file, one or two parameters with their values (a grid), and replications
// per point. The work is a list of independent (point, replication) jobs in a fixed order, so
// any slice of it (a shard) can run anywhere: replication r of a point draws from the streams
// keyed (that point's seed, r, component id), the same whichever shard runs it. Every point has
// the scenario's seed (common random numbers: neighbouring points differ by the parameter, not
// by luck) unless `seed` itself is swept.
import { checkScenario, formatProblem } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/types.ts';
import { paramLocation, setParam } from './paramPath.ts';
import type { ParamValue } from './values.ts';

export interface SweepParam {
  /** Where in the scenario file, e.g. `producers[0].interarrival.rate` (see paramPath.ts). */
  path: string;
  values: ParamValue[];
}

/** Everything a sweep's numbers depend on; shard files carry it, so merging needs nothing else. */
export interface SweepSpec {
  /** The scenario file's JSON, command-line overrides (seed, replications, horizon) applied. */
  base: unknown;
  /** One parameter, or two for a grid (the first varies slowest). */
  params: SweepParam[];
}

export interface SweepPoint {
  index: number;
  /** The value of each parameter, in `params` order. */
  values: ParamValue[];
  scenario: Scenario;
}

export type PointsResult = { ok: true; points: SweepPoint[] } | { ok: false; problems: string[] };

/** The points of the grid, each scenario checked; every problem as one line (no duplicates). */
export function sweepPoints(spec: SweepSpec): PointsResult {
  const twice = sameField(spec);
  if (twice.length > 0) return { ok: false, problems: twice };
  const points: SweepPoint[] = [];
  const problems = new Set<string>();
  grid(spec.params).forEach((values, index) => {
    let raw = spec.base;
    try {
      spec.params.forEach((p, i) => (raw = setParam(raw, p.path, values[i])));
    } catch (err) {
      problems.add(`--param ${(err as Error).message}`);
      return;
    }
    const checked = checkScenario(raw);
    if (checked.ok) points.push({ index, values, scenario: checked.scenario });
    else for (const p of checked.problems) problems.add(`at ${pointLabel(spec.params, values)}: ${formatProblem(p)}`);
  });
  return problems.size > 0 ? { ok: false, problems: [...problems] } : { ok: true, points };
}

/** A field swept twice (however spelt) would take only the last one's values, silently. */
function sameField(spec: SweepSpec): string[] {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  for (const p of spec.params) {
    let place: string;
    try {
      place = paramLocation(spec.base, p.path);
    } catch {
      continue; // a path that leads nowhere is reported at every point
    }
    const first = seen.get(place);
    if (first === undefined) seen.set(place, p.path);
    else problems.push(`--param ${p.path}: the same field as --param ${first}; sweep each parameter once`);
  }
  return problems;
}

/** `producers[0].interarrival.rate = 0.5, consumers[0].count = 2` */
export function pointLabel(params: readonly SweepParam[], values: readonly ParamValue[]): string {
  return params.map((p, i) => `${p.path} = ${JSON.stringify(values[i])}`).join(', ');
}

/** Every combination of the parameters' values, the first parameter varying slowest. */
function grid(params: readonly SweepParam[]): ParamValue[][] {
  return params.reduce<ParamValue[][]>((rows, p) => rows.flatMap((row) => p.values.map((v) => [...row, v])), [[]]);
}

/** One replication of one point. Jobs are numbered point by point, replications in order. */
export interface SweepJob {
  point: number;
  replication: number;
}

export function sweepJobs(points: readonly SweepPoint[]): SweepJob[] {
  return points.flatMap((p) => Array.from({ length: p.scenario.replications }, (_, r) => ({ point: p.index, replication: r })));
}

/** Shard k of n (1 <= k <= n). */
export interface Shard {
  k: number;
  n: number;
}

/** Parses `K/N`; throws an Error naming the rule. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const k = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || n < 1 || k < 1 || k > n) throw new Error(`--shard: must be K/N with 1 <= K <= N (got "${text}")`);
  return { k, n };
}

/** Jobs [from, to) of shard k of n: contiguous slices whose sizes differ by at most one. */
export function shardRange(jobs: number, shard: Shard): { from: number; to: number } {
  return { from: Math.floor((jobs * (shard.k - 1)) / shard.n), to: Math.floor((jobs * shard.k) / shard.n) };
}
