import { describe, expect, it } from 'vitest';
import { figureTable, type Report } from '../../bench/table.ts';
import { runCli } from '../helpers/runCli.ts';

describe('npm run bench -- --quick --json', () => {
  it('prints one JSON object: the machine and every figure as median, min and max (or a note)', () => {
    const r = runCli('bench/index.ts', ['--quick', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.quick).toBe(true);
    expect(report.machine.cores).toBeGreaterThanOrEqual(1);
    expect(report.machine.node).toBe(process.version);
    const ids = report.figures.map((f) => f.id);
    for (const id of [
      'lindley.mathRandom',
      'mm1.messages',
      'mm1.events',
      'producers.events',
      'network.events',
      'atLeastOnce.messages',
      'memory.rss.100000',
      'memory.heap.100000',
      'memory.rssGrowth',
      'fit.seconds',
      'parallel.speedup',
    ]) {
      expect(ids).toContain(id);
    }
    for (const f of report.figures) {
      if (f.median === null) {
        expect(f.note, f.id).toBeTruthy();
        continue;
      }
      expect(f.min!, f.id).toBeLessThanOrEqual(f.median);
      expect(f.max!, f.id).toBeGreaterThanOrEqual(f.median);
      if (f.unit.endsWith('/s')) expect(f.median, f.id).toBeGreaterThan(0);
    }
    expect(report.figures.find((f) => f.id === 'mm1.events')!.vsLindley).toBeGreaterThan(0);
    const table = figureTable(report).split('\n');
    expect(table[0]).toMatch(/^queue-lab benchmarks \(--quick/);
    expect(table[2]).toMatch(/^figure\s+median\s+min\s+max\s+per CPU s\s+vs Lindley\s+target\s+note$/);
    expect(table.length).toBeGreaterThanOrEqual(report.figures.length + 3);
  });
});
