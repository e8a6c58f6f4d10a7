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
