// npm run fit -- DATA.csv [--terms N|auto] [--no-constant] [--initial V] [--json]
// A thin shell: parse the arguments, read the CSV, call fitSeries, print. Bad input: one line
// per problem on stderr, exit code 2.

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { fitSeries, formatFit, type FitOptions, type TermCount } from '../models/expfit/index.ts';
import { ignoreClosedStdout } from './closedPipe.ts';
import { parseSeriesCsv } from './csv.ts';

const USAGE = 'usage: npm run fit -- DATA.csv [--terms N|auto] [--no-constant] [--initial V] [--json]';

export interface FitArgs {
  file: string;
  options: FitOptions;
  json: boolean;
}

/** Parse the command line; returns the arguments or every problem found. */
export function parseFitArgs(argv: readonly string[]): FitArgs | { problems: string[]; help?: boolean } {
  const problems: string[] = [];
  const options: FitOptions = { terms: 'auto', constant: true, initial: null };
  let file: string | null = null;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? (i + 1 < argv.length ? argv[++i] : undefined);
    if (flag === '--help' || flag === '-h') return { problems: [], help: true };
    else if (flag === '--json') json = true;
    else if (flag === '--no-constant') options.constant = false;
    else if (flag === '--terms') {
      const v = value();
      if (v === 'auto') options.terms = 'auto';
      else if (v !== undefined && /^[0-4]$/.test(v)) options.terms = Number(v) as TermCount;
      else problems.push(`--terms must be 0, 1, 2, 3, 4 or auto, got ${v === undefined ? 'nothing' : JSON.stringify(v)}`);
    } else if (flag === '--initial') {
      const v = value();
      const x = v === undefined || v.trim() === '' ? NaN : Number(v);
      if (Number.isFinite(x)) options.initial = x;
      else problems.push(`--initial must be a finite number, got ${v === undefined ? 'nothing' : JSON.stringify(v)}`);
    } else if (arg.startsWith('-') && arg !== '-') problems.push(`unknown option ${arg}`);
    else if (file === null) file = arg;
    else problems.push(`unexpected extra argument ${JSON.stringify(arg)} (one data file only)`);
  }
  if (file === null) problems.push(`missing the data file (${USAGE})`);
  return problems.length ? { problems } : { file: file!, options, json };
}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  readFile: (path: string) => string;
}

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
};

/** Run the command; returns the exit code (0 ok, 2 bad input). */
export function main(argv: readonly string[], io: Io = processIo): number {
  const args = parseFitArgs(argv);
  if ('problems' in args) {
    if (args.help) {
      io.out(`${USAGE}\n`);
      return 0;
    }
    for (const p of args.problems) io.err(`fit: ${p}\n`);
    return 2;
  }
  let text: string;
  try {
    text = io.readFile(args.file);
  } catch (e) {
    io.err(`fit: cannot read ${args.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 2;
  }
  try {
    const { t, y } = parseSeriesCsv(text);
    const result = fitSeries(t, y, args.options);
    io.out(args.json ? `${JSON.stringify(result)}\n` : `${formatFit(result)}\n`);
    return 0;
  } catch (e) {
    io.err(`fit: ${args.file}: ${(e as Error).message}\n`);
    return 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  ignoreClosedStdout();
  process.exitCode = main(process.argv.slice(2));
}
