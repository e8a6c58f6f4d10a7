// `npm run sweep -- FILE --param PATH --values A:B:STEP [--param PATH2 --values LIST] ...`
// A thin shell: read the scenario file, check the scenario at every point, run the
// (point, replication) jobs (all, or one shard's slice) in worker threads, write the files.
import { ignoreClosedStdout } from './closedPipe.ts';
import { badInput, readCommandLine } from './args.ts';
import { parseParamPath } from '../sim/sweep/paramPath.ts';
import { parseShard, shardRange, sweepJobs, sweepPoints, type Shard, type SweepParam } from '../sim/sweep/plan.ts';
import { parseValues } from '../sim/sweep/values.ts';
import { readScenarioJson, UsageError } from './loadScenario.ts';
import { outputProblems, writeOutput } from './outputFiles.ts';
import { defaultWorkers, parseWorkers, withRunner } from './parallel/pool.ts';
import { progressBar } from './progress.ts';

const usage =
  'usage: npm run sweep -- FILE --param PATH --values A:B:STEP|V1,V2,... [--param PATH --values ...] ' +
  '[--replications N] [--seed N] [--horizon S] [--out S.json] [--csv S.csv] [--shard K/N] [--workers N] [--quiet]';

async function main(argv: string[]): Promise<number> {
  const args = readCommandLine(
    argv,
    {
      param: { type: 'string', multiple: true },
      values: { type: 'string', multiple: true },
      seed: { type: 'string' },
      replications: { type: 'string' },
      horizon: { type: 'string' },
      out: { type: 'string' },
      csv: { type: 'string' },
      shard: { type: 'string' },
      workers: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
    usage,
    { count: 'one', what: 'scenario file' },
  );
  if (typeof args === 'number') return args;
  const v = args.values;
  const file = args.positionals[0];
  const problems: string[] = [];
  const paths = v.param ?? [];
  const specs = v.values ?? [];
  if (paths.length === 0) problems.push('--param: give at least one parameter, with its --values');
  else if (paths.length !== specs.length) problems.push(`--param given ${paths.length} times but --values ${specs.length} times: give one --values after each --param`);
  const params: SweepParam[] = [];
  paths.forEach((path, i) => {
    const param: SweepParam = { path, values: [] };
    try {
      parseParamPath(path);
    } catch (err) {
      problems.push(`--param ${(err as Error).message}`);
    }
    try {
      if (specs[i] !== undefined) param.values = parseValues(specs[i]);
    } catch (err) {
      problems.push(`--values ${specs[i]}: ${(err as Error).message}`);
    }
    params.push(param);
  });
  let shard: Shard | null = null;
  if (v.shard !== undefined) {
    try {
      shard = parseShard(v.shard);
    } catch (err) {
      problems.push((err as Error).message);
    }
    if (v.out === undefined) problems.push('--shard: give --out PART.json for the shard file (npm run merge reads it)');
    if (v.csv !== undefined) problems.push('--csv: not with --shard; merge the shards, then write the CSV (npm run merge -- ... --csv S.csv)');
  }
  const workers = parseWorkers(v.workers);
  if (typeof workers === 'string') problems.push(workers);
  problems.push(...outputProblems({ out: v.out, csv: v.csv }));

  let base: unknown = null;
  try {
    const read = readScenarioJson(file, { seed: v.seed, replications: v.replications, horizon: v.horizon });
    base = read.raw;
    problems.push(...read.flagErrors);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    problems.push(...err.lines);
  }
  if (problems.length > 0) return badInput(problems);
  const spec = { base, params };
  const planned = sweepPoints(spec);
  if (!planned.ok) return badInput(planned.problems.map((p) => `${file}: ${p}`));
  const points = planned.points;
  const total = sweepJobs(points).length;
  const range = shard ? shardRange(total, shard) : { from: 0, to: total };

  // Loaded only once the input is good (as in sim.ts).
  const { runSweepSlice } = await import('../models/sweep/run.ts');
  const progress = progressBar(process.stderr, v.quiet);
  const threads = Math.min(typeof workers === 'number' ? workers : defaultWorkers(), Math.max(1, range.to - range.from));
  const slice = await withRunner(threads, (run) => runSweepSlice(points, range, run, progress.update));
  progress.done();

  try {
    if (shard) {
      const { shardFileText, SHARD_FORMAT, SHARD_VERSION } = await import('../models/sweep/shardFile.ts');
      writeOutput(
        'out',
        v.out!,
        shardFileText({ format: SHARD_FORMAT, version: SHARD_VERSION, spec, shard, jobs: { ...range, total }, ...slice }),
      );
      if (!v.quiet) process.stderr.write(`shard ${shard.k}/${shard.n}: jobs ${range.from}..${range.to - 1} of ${total} written to ${v.out}\n`);
      return 0;
    }
    const { writeSweep } = await import('./sweepOutput.ts');
    writeSweep(spec, points, slice.warmups, slice.results, { out: v.out, csv: v.csv, quiet: v.quiet });
  } catch (err) {
    if (err instanceof UsageError) return badInput(err.lines);
    throw err;
  }
  return 0;
}

ignoreClosedStdout();
process.exitCode = await main(process.argv.slice(2));
