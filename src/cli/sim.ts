// `npm run sim -- FILE [--seed N] [--replications N] [--horizon S] [--out R.json] [--csv S.csv] [--fit] [--workers N]`
// A thin shell: read and check the scenario, run the experiment, print a table, write files.
import { ignoreClosedStdout } from './closedPipe.ts';
import { badInput, readCommandLine } from './args.ts';
import { seriesCsv } from '../sim/seriesCsv.ts';
import { loadScenario, UsageError } from './loadScenario.ts';
import { outputProblems, writeOutput } from './outputFiles.ts';
import { defaultWorkers, parseWorkers, withPool } from './parallel/pool.ts';
import { progressBar } from './progress.ts';
import { summaryTable } from './summaryTable.ts';
import type { Scenario } from '../sim/scenario/types.ts';

const usage =
  'usage: npm run sim -- FILE [--seed N] [--replications N] [--horizon S] [--out R.json] [--csv S.csv] [--fit] [--workers N] [--quiet]';

async function main(argv: string[]): Promise<number> {
  const args = readCommandLine(
    argv,
    {
      seed: { type: 'string' },
      replications: { type: 'string' },
      horizon: { type: 'string' },
      out: { type: 'string' },
      csv: { type: 'string' },
      fit: { type: 'boolean', default: false },
      workers: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
    usage,
    { count: 'one', what: 'scenario file' },
  );
  if (typeof args === 'number') return args;
  const workers = parseWorkers(args.values.workers);
  const problems = typeof workers === 'string' ? [workers] : [];
  problems.push(...outputProblems({ out: args.values.out, csv: args.values.csv }));
  let scenario: Scenario | undefined;
  try {
    scenario = loadScenario(args.positionals[0], {
      seed: args.values.seed,
      replications: args.values.replications,
      horizon: args.values.horizon,
    });
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    problems.push(...err.lines);
  }
  if (problems.length > 0 || scenario === undefined || typeof workers === 'string') return badInput(problems);

  // Loaded only for a valid scenario: bad input is answered before the models (and mathjs) load.
  const { runExperiment, runExperimentWith } = await import('../models/experiment.ts');
  const { simulateWith } = await import('../sim/replicate.ts');
  const progress = progressBar(process.stderr, args.values.quiet);
  const options = { fit: args.values.fit, onProgress: progress.update };
  // Replications in worker threads, or here for one: the same result file, byte for byte.
  const threads = Math.min(workers ?? defaultWorkers(), scenario.replications);
  const result =
    threads <= 1
      ? runExperiment(scenario, options)
      : await withPool(threads, (pool) => runExperimentWith(scenario, (s, o) => simulateWith(pool.run, s, o), options));
  progress.done();

  try {
    if (args.values.out) writeOutput('out', args.values.out, JSON.stringify(result, null, 2) + '\n');
    if (args.values.csv) writeOutput('csv', args.values.csv, seriesCsv(result.series));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    return badInput(err.lines);
  }
  if (!args.values.quiet) process.stdout.write(summaryTable(result));
  for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
  return 0;
}

ignoreClosedStdout();
process.exitCode = await main(process.argv.slice(2));
