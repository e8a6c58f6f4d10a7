import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/loadScenario.ts';
import { outputProblems, writeOutput } from '../../src/cli/outputFiles.ts';

describe('output files of the CLIs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'queue-lab-out-'));
  const file = join(dir, 'f.txt');
  writeFileSync(file, 'x');

  it('names each flag whose path cannot be written, and only those', () => {
    expect(outputProblems({ out: join(dir, 'r.json'), csv: undefined, other: file })).toEqual([]);
    expect(
      outputProblems({ out: join(dir, 'nope', 'r.json'), csv: dir, json: join(file, 'r.json'), x: '' }),
    ).toEqual([
      `--out ${join(dir, 'nope', 'r.json')}: cannot write: no directory ${join(dir, 'nope')}`,
      `--csv ${dir}: cannot write: it is a directory`,
      `--json ${join(file, 'r.json')}: cannot write: ${file} is not a directory`,
      '--x "": cannot write: give a file name',
    ]);
  });

  it('writes a file, and turns a failed write into a one-line UsageError', () => {
    writeOutput('out', join(dir, 'w.txt'), 'hello');
    expect(readFileSync(join(dir, 'w.txt'), 'utf8')).toBe('hello');
    expect(() => writeOutput('out', dir, 'x')).toThrow(UsageError);
    let caught: unknown = null;
    try {
      writeOutput('csv', join(dir, 'nope', 'w.csv'), 'x');
    } catch (err) {
      caught = err;
    }
    expect((caught as UsageError).lines).toEqual([`--csv ${join(dir, 'nope', 'w.csv')}: cannot write: ENOENT`]);
    expect(existsSync(join(dir, 'nope'))).toBe(false);
  });
});
