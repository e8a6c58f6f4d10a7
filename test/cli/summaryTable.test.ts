import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summaryTable } from '../../src/cli/summaryTable.ts';
import { runExperiment } from '../../src/models/experiment.ts';
import { parseScenario } from '../../src/sim/scenario/parse.ts';

const load = (name: string, overrides: object) =>
  parseScenario({ ...JSON.parse(readFileSync(`scenarios/${name}`, 'utf8')), ...overrides });

describe("npm run sim's table", () => {
  const result = runExperiment(load('priority.json', { horizon: 20000, replications: 3 }), { fit: true });
  const lines = summaryTable(result).split('\n');

  it("sets Cobham's per-class theory beside each priority class's wait and sojourn", () => {
    const header = lines.findIndex((l) => l.startsWith('priority'));
    expect(lines[header].split(/\s{2,}/)).toEqual(['priority', 'wait s (sim)', 'theory', 'sojourn s (sim)', 'theory']);
    // Classes 0 (lambda 0.4) and 1 (lambda 0.3), exponential service of mean 1: Wq 10/3 and 1.
    const cells = (k: string) => lines.find((l, i) => i > header && l.startsWith(`${k} `))!.split(/\s{2,}/);
    expect(cells('0')[2]).toBe('3.333');
    expect(cells('0')[4]).toBe('4.333');
    expect(cells('1')[2]).toBe('1');
    expect(cells('1')[4]).toBe('2');
  });

  it('prints R^2 with four decimals: a constant fitted to noise shows 0, not a residue like -3e-14', () => {
    // The premise: some fit here is a constant whose R^2 is a rounding residue, not exactly 0.
    expect(Object.values(result.fits!).some((f) => 'r2' in f && f.r2 !== null && f.r2 !== 0 && Math.abs(f.r2) < 1e-9)).toBe(true);
    const header = lines.findIndex((l) => l.startsWith('series'));
    const r2s = lines.slice(header + 1, header + 6).map((l) => l.trim().split(/\s+/).at(-1));
    expect(r2s).toHaveLength(5);
    for (const r2 of r2s) expect(r2).toMatch(/^-?\d+(\.\d{1,4})?$/);
  });
});
