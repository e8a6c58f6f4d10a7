// What `npm run sweep` (unsharded) and `npm run merge` both do with a complete set of job
// results: the sweep result, its JSON and CSV files, the terminal table and the warnings.
import { assembleSweep } from '../models/sweep/result.ts';
import type { JobResult, WarmupChoice } from '../models/sweep/run.ts';
import { sweepCsv } from '../models/sweep/table.ts';
import { pointLabel, type SweepPoint, type SweepSpec } from '../sim/sweep/plan.ts';
import { writeOutput } from './outputFiles.ts';
import { sweepTable } from './sweepTable.ts';

export function writeSweep(
  spec: SweepSpec,
  points: readonly SweepPoint[],
  warmups: readonly WarmupChoice[],
  results: readonly JobResult[],
  options: { out?: string; csv?: string; quiet: boolean },
): void {
  const result = assembleSweep(spec, points, warmups, results);
  // A file that cannot be written throws a UsageError (one line, exit 2).
  if (options.out) writeOutput('out', options.out, JSON.stringify(result, null, 2) + '\n');
  if (options.csv) writeOutput('csv', options.csv, sweepCsv(result));
  if (!options.quiet) process.stdout.write(sweepTable(result));
  for (const p of result.points) {
    for (const w of p.warnings) process.stderr.write(`warning: at ${pointLabel(spec.params, points[p.index].values)}: ${w}\n`);
  }
}
