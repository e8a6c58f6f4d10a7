// The fit CLI: in-process through main() for the many input cases, and as a real process
// (node --import tsx src/cli/fit.ts) for what only a process shows: stdout holding exactly one
// JSON object, the exit code, one line on stderr.

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { main, parseFitArgs } from '../../src/cli/fit.ts';
import { parseSeriesCsv } from '../../src/cli/csv.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => `test/fixtures/fit/${name}`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/fit.ts', ...args], { cwd: root, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

function runInProcess(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = main(args, {
    out: (s) => (stdout += s),
    err: (s) => (stderr += s),
    readFile: (path) => readFileSync(new URL(path, `file://${root}`), 'utf8'),
  });
  return { code, stdout, stderr };
}

describe('fit CLI as a process', () => {
  // Both processes start at once: tsx's start-up dominates their run time.
  let json: Run;
  let bad: Run;
  beforeAll(async () => {
    [json, bad] = await Promise.all([run([fixture('two-terms.csv'), '--terms', 'auto', '--json']), run([fixture('bad-nan.csv'), '--json'])]);
  });

  it('--json prints exactly one JSON object with the DESIGN.md section 4 fields, and nothing else', () => {
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    expect(json.stdout.trim().split('\n')).toHaveLength(1);
    const fit = JSON.parse(json.stdout);
    for (const key of ['x0', 'terms', 'sse', 'rmse', 'r2', 'aic', 'bic', 'stderr']) expect(fit).toHaveProperty(key);
    expect(fit.terms).toHaveLength(2);
    expect(fit.x0).toBeCloseTo(1, 9);
    expect(fit.terms[0]).toEqual({ amplitude: expect.closeTo(2, 9), rate: expect.closeTo(0.1, 9) });
    expect(fit.stderr.terms).toHaveLength(2);
  });

  it('bad CSV: exit 2, one line on stderr, nothing on stdout', () => {
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('fit: test/fixtures/fit/bad-nan.csv: line 4: y = "NaN" is not a finite number\n');
  });
});

describe('fit CLI main()', () => {
  it('prints a readable table without --json', () => {
    const r = runInProcess([fixture('two-terms.csv'), '--terms', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^X\(t\) = x0 \+ sum Xi exp\(-ri t\): 2 terms/);
    for (const text of ['time constant 1/r', 'half-life ln2/r', 'R^2 = ', 'RMSE = ', 'AIC = ', 'BIC = ', 'converged: yes', 'identifiable: yes']) {
      expect(r.stdout).toContain(text);
    }
  });

  it('prints R^2 = 0 for a constant fitted to a ramp, not its rounding residue', () => {
    const json = JSON.parse(runInProcess([fixture('ramp.csv'), '--terms', '0', '--json']).stdout);
    expect(json.r2).not.toBe(0); // the premise: 1 - SSE/SST leaves a residue of about 1e-16
    expect(Math.abs(json.r2)).toBeLessThan(1e-12);
    expect(runInProcess([fixture('ramp.csv'), '--terms', '0']).stdout).toContain('R^2 = 0   RMSE = ');
  });

  it('--no-constant fixes x0 = 0 and --initial V makes X(0) = V', () => {
    const a = JSON.parse(runInProcess([fixture('two-terms.csv'), '--terms', '2', '--no-constant', '--json']).stdout);
    expect(a.x0).toBe(0);
    const b = JSON.parse(runInProcess([fixture('two-terms.csv'), '--terms=2', '--initial=6', '--json']).stdout);
    expect(b.x0 + b.terms[0].amplitude + b.terms[1].amplitude).toBeCloseTo(6, 13);
    expect(b.initial).toBe(6);
  });

  it('uses columns named t and y wherever they are, else the first two', () => {
    const named = runInProcess([fixture('named-columns.csv'), '--terms', '1', '--json']);
    expect(named.code).toBe(0);
    expect(JSON.parse(named.stdout).n).toBe(7);
    const renamed = runInProcess([fixture('renamed-columns.csv'), '--json']);
    expect(renamed.code).toBe(0);
    expect(JSON.parse(renamed.stdout).n).toBe(9);
  });

  const bad: [string, string[], string][] = [
    ['an empty file', [fixture('empty.csv')], 'empty file: expected a header with columns t and y, then data rows'],
    ['a header and no rows', [fixture('header-only.csv')], 'no data: the file has a header (t, y) but no data rows'],
    [
      'one column',
      [fixture('one-column.csv')],
      'no t and y columns: the header "t" has 1 column; expected columns named t and y (or at least two columns)',
    ],
    ['no header', [fixture('no-header.csv')], 'no header: the first line "0,1" is numbers; add a header line naming the columns t and y'],
    ['t out of order', [fixture('bad-order.csv')], 't must be strictly increasing: t[2] = 1 follows t[1] = 2'],
    ['fewer points than parameters', [fixture('too-few.csv'), '--terms', '2'], 'too few points: 3 points for 5 parameters (2 terms, a constant)'],
  ];
  for (const [name, args, message] of bad) {
    it(`${name}: exit 2 and one line on stderr`, () => {
      const r = runInProcess(args);
      expect(r).toEqual({ code: 2, stdout: '', stderr: `fit: ${args[0]}: ${message}\n` });
    });
  }

  it('a missing file: exit 2 and one line', () => {
    const r = runInProcess(['test/fixtures/fit/none.csv']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'fit: cannot read test/fixtures/fit/none.csv: ENOENT\n' });
  });

  it('bad arguments: exit 2 and one line per problem', () => {
    const r = runInProcess(['--terms', '7', '--initial', 'abc', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      'fit: --terms must be 0, 1, 2, 3, 4 or auto, got "7"',
      'fit: --initial must be a finite number, got "abc"',
      'fit: unknown option --bogus',
      'fit: missing the data file (usage: npm run fit -- DATA.csv [--terms N|auto] [--no-constant] [--initial V] [--json])',
    ]);
  });

  it('parseFitArgs fills the defaults', () => {
    expect(parseFitArgs(['d.csv'])).toEqual({ file: 'd.csv', options: { terms: 'auto', constant: true, initial: null }, json: false });
  });
});

describe('parseSeriesCsv', () => {
  it('with only t or only y named, takes the first other column for the other', () => {
    expect(parseSeriesCsv('Q,t\n5,0\n3,1\n')).toEqual({ t: [0, 1], y: [5, 3], columns: ['t', 'Q'] });
    expect(parseSeriesCsv('y,time\n5,0\n3,1\n')).toEqual({ t: [0, 1], y: [5, 3], columns: ['time', 'y'] });
    expect(parseSeriesCsv('t,id,y\n0,7,5\n')).toEqual({ t: [0], y: [5], columns: ['t', 'y'] });
  });

  it('reads quoted fields, tabs, CRLF, a BOM and comment lines', () => {
    expect(parseSeriesCsv('\uFEFF# c\r\nt\ty\r\n0\t"1.5"\r\n\r\n1\t2\r\n')).toEqual({ t: [0, 1], y: [1.5, 2], columns: ['t', 'y'] });
  });

  it('names the line and column of a bad value', () => {
    expect(() => parseSeriesCsv('t,y\n0,1\n1,\n')).toThrow('line 3: y = "" is not a finite number');
    expect(() => parseSeriesCsv('t,y\n0\n')).toThrow('line 2: 1 field, expected at least 2');
  });
});
