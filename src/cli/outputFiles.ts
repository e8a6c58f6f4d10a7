// The files a command writes (--out, --csv): checked before the run, so that a mistyped
// directory is answered at once (one line, exit 2) rather than by a stack trace after minutes of
// simulation; and written with the same one-line answer should writing still fail.
import { accessSync, constants, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './loadScenario.ts';

/** One line per output path (keyed by its flag's name) that cannot be written. */
export function outputProblems(outputs: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  for (const [flag, path] of Object.entries(outputs)) {
    if (path === undefined) continue;
    const problem = whyNotWritable(path);
    if (problem !== null) problems.push(`--${flag} ${path.trim() === '' ? JSON.stringify(path) : path}: cannot write: ${problem}`);
  }
  return problems;
}

function whyNotWritable(path: string): string | null {
  if (path.trim() === '') return 'give a file name';
  const dir = dirname(resolve(path));
  const dirStats = statOrNull(dir);
  if (dirStats === null) return `no directory ${dir}`;
  if (!dirStats.isDirectory()) return `${dir} is not a directory`;
  const stats = statOrNull(path);
  if (stats?.isDirectory()) return 'it is a directory';
  try {
    accessSync(stats === null ? dir : path, constants.W_OK);
  } catch (err) {
    return `${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
  }
  return null;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** writeFileSync, but a failure is a UsageError naming the flag (one line, exit 2). */
export function writeOutput(flag: string, path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (err) {
    throw new UsageError([`--${flag} ${path}: cannot write: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`]);
  }
}
