// Node's parseArgs refuses `--seed -1` as ambiguous (the value looks like an option) and says so
// in three lines. A negative number is never an option here, so it is taken as the value.
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** `--flag -1.5` becomes `--flag=-1.5` for options that take a value; everything else as given. */
export function joinNegativeValues(argv: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') return [...out, ...argv.slice(i)];
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : null;
    const next = argv[i + 1];
    if (name !== null && options[name]?.type === 'string' && next !== undefined && /^-(\d|\.\d)/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** parseArgs with positionals allowed, accepting negative numbers as option values. */
export function parseCliArgs<O extends Options>(argv: readonly string[], options: O) {
  return parseArgs({ args: joinNegativeValues(argv, options), allowPositionals: true, options, strict: true });
}

/**
 * The command line every CLI reads the same way: options (negative numbers taken as values),
 * `--help` (usage on stdout, exit 0), and the positional files: exactly one, at least one, or
 * any number. Returns the parsed arguments, or the exit code after saying why on stderr.
 */
export function readCommandLine<O extends Options>(
  argv: readonly string[],
  options: O,
  usage: string,
  files: { count: 'one' | 'some' | 'any'; what: string },
) {
  let args;
  try {
    args = parseCliArgs(argv, { ...options, help: { type: 'boolean', default: false } });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${usage}\n`);
    return 2;
  }
  if ((args.values as { help?: boolean }).help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const n = args.positionals.length;
  const wrong =
    files.count === 'one' && n !== 1 ? `expected one ${files.what}, got ${n}` : files.count === 'some' && n === 0 ? `expected one or more ${files.what}s` : null;
  if (wrong !== null) {
    process.stderr.write(`${wrong}\n${usage}\n`);
    return 2;
  }
  return args;
}

/** Bad input: one line per problem on stderr, exit code 2 (DESIGN.md section 5). */
export function badInput(lines: readonly string[]): number {
  for (const line of lines) process.stderr.write(`${line}\n`);
  return 2;
}
