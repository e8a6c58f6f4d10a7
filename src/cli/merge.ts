// `npm run merge -- PART.json... [--out S.json] [--csv S.csv] [--quiet]`
// Joins the shard files of one sweep (npm run sweep -- ... --shard K/N --out PART.json) into
// exactly the files one unsharded run writes.
import { ignoreClosedStdout } from './closedPipe.ts';
import { readFileSync } from 'node:fs';
import { MergeError, mergeShards, parseShardFile, type SweepShardFile } from '../models/sweep/shardFile.ts';
import { sweepPoints } from '../sim/sweep/plan.ts';
import { UsageError } from './loadScenario.ts';
import { outputProblems } from './outputFiles.ts';
import { badInput, readCommandLine } from './args.ts';

const usage = 'usage: npm run merge -- PART.json... [--out S.json] [--csv S.csv] [--quiet]';

async function main(argv: string[]): Promise<number> {
  const args = readCommandLine(
    argv,
    { out: { type: 'string' }, csv: { type: 'string' }, quiet: { type: 'boolean', default: false } },
    usage,
    { count: 'some', what: 'shard file' },
  );
  if (typeof args === 'number') return args;
  const problems: string[] = outputProblems({ out: args.values.out, csv: args.values.csv });
  const parts: { name: string; file: SweepShardFile }[] = [];
  for (const name of args.positionals) {
    try {
      parts.push({ name, file: parseShardFile(readFileSync(name, 'utf8')) });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problems.push(`${name}: ${code ? `cannot read: ${code}` : (err as Error).message}`);
    }
  }
  if (problems.length > 0) return badInput(problems);
  let merged;
  try {
    merged = mergeShards(parts);
  } catch (err) {
    if (err instanceof MergeError) return badInput(err.lines);
    throw err;
  }
  const planned = sweepPoints(merged.spec);
  if (!planned.ok) return badInput(planned.problems.map((p) => `${parts[0].name}: ${p}`));
  // Loaded only once the input is good (as in sim.ts): the models take a while to load.
  const { writeSweep } = await import('./sweepOutput.ts');
  try {
    writeSweep(merged.spec, planned.points, merged.warmups, merged.results, {
      out: args.values.out,
      csv: args.values.csv,
      quiet: args.values.quiet,
    });
  } catch (err) {
    if (err instanceof UsageError) return badInput(err.lines);
    throw err;
  }
  return 0;
}

ignoreClosedStdout();
process.exitCode = await main(process.argv.slice(2));
