import { describe, expect, it } from 'vitest';
import { joinNegativeValues, parseCliArgs } from '../../src/cli/args.ts';

const options = { seed: { type: 'string' }, quiet: { type: 'boolean' }, values: { type: 'string', multiple: true } } as const;

describe('command-line options', () => {
  it('take a negative number as the value of an option that has one', () => {
    expect(joinNegativeValues(['f.json', '--seed', '-1', '--values', '-.5,1', '--quiet'], options)).toEqual([
      'f.json',
      '--seed=-1',
      '--values=-.5,1',
      '--quiet',
    ]);
    const { values, positionals } = parseCliArgs(['f.json', '--seed', '-7', '--values', '-2:2:1'], options);
    expect(values).toEqual({ seed: '-7', values: ['-2:2:1'] });
    expect(positionals).toEqual(['f.json']);
  });

  it('leave everything else to parseArgs: flags, unknown options, what follows --', () => {
    expect(joinNegativeValues(['--quiet', '-1', '--seed', '-x', '--', '--seed', '-1'], options)).toEqual([
      '--quiet',
      '-1',
      '--seed',
      '-x',
      '--',
      '--seed',
      '-1',
    ]);
    expect(() => parseCliArgs(['--bogus', '-1'], options)).toThrow(/Unknown option '--bogus'/);
  });
});
