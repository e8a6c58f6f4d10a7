import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.ts';

const sim = 'src/cli/sim.ts';
const tmp = () => mkdtempSync(join(tmpdir(), 'queue-lab-sim-'));

describe('npm run sim', () => {
  it('writes the result file whose M/M/1 meanWait CI contains the theory, 9.0', () => {
    const dir = tmp();
    const out = join(dir, 'r.json');
    const csv = join(dir, 's.csv');
    const r = runCli(sim, ['scenarios/mm1.json', '--out', out, '--csv', csv]);
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    const [lo, hi] = result.summary.queues.q.meanWait.ci95;
    expect(lo).toBeLessThan(9);
    expect(hi).toBeGreaterThan(9);
    for (const key of ['scenario', 'summary', 'theory', 'series', 'warnings']) expect(result).toHaveProperty(key);
    for (const key of ['t', 'P', 'Q', 'C', 'H', 'R', 'Prate', 'Crate', 'Hrate', 'Rrate']) {
      expect(result.series[key]).toHaveLength(result.series.t.length);
    }
    expect(r.stdout).toMatch(/^q\s+M\/M\/1\s+0\.9\s/m);
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('t,P,Q,C,H,R,Prate,Crate,Hrate,Rrate,Q:q');
    expect(lines).toHaveLength(result.series.t.length + 1);
  });

  it('gives a byte-identical result file for the same scenario and seed, and another for another seed', () => {
    const dir = tmp();
    const files = ['a.json', 'b.json', 'c.json'].map((f) => join(dir, f));
    const args = (f: string, seed: string) => ['scenarios/tandem.json', '--horizon', '5000', '--seed', seed, '--out', f, '--quiet'];
    expect(runCli(sim, args(files[0], '5')).status).toBe(0);
    expect(runCli(sim, args(files[1], '5')).status).toBe(0);
    expect(runCli(sim, args(files[2], '6')).status).toBe(0);
    const [a, b, c] = files.map((f) => readFileSync(f));
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
    expect(JSON.parse(a.toString()).scenario.seed).toBe(5);
  });

  it('reports every problem of a bad scenario on its own line, exits 2 and writes nothing', () => {
    const dir = tmp();
    const bad = join(dir, 'bad.json');
    const out = join(dir, 'r.json');
    writeFileSync(
      bad,
      JSON.stringify({
        name: 'bad',
        horizon: 100,
        producers: [{ id: 'p', to: 'nowhere', interarrival: { dist: 'exponential', rate: -1 } }],
        queues: [{ id: 'q', discipline: 'fifoo' }],
        consumers: [{ id: 'c', from: 'q', service: { dist: 'exponential', rate: 1 } }],
      }),
    );
    const r = runCli(sim, [bad, '--out', out]);
    expect(r.status).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(r.stderr).toContain('producers[0].to');
    expect(r.stderr).toContain('producers[0].interarrival.rate');
    expect(r.stderr).toContain('queues[0].discipline');
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 with one line for a file that is missing, not JSON, or a bad flag', () => {
    const dir = tmp();
    const notJson = join(dir, 'x.json');
    writeFileSync(notJson, '{ "name": ');
    for (const args of [[join(dir, 'missing.json')], [notJson], ['scenarios/mm1.json', '--seed', 'abc'], ['scenarios/mm1.json', '--bogus']]) {
      const r = runCli(sim, args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trim().length).toBeGreaterThan(0);
      expect(r.stdout).toBe('');
    }
  });

  it('an --out or --csv that cannot be written: one line each, exit 2, before running and writing nothing', () => {
    const dir = tmp();
    const out = join(dir, 'r.json');
    const missing = join(dir, 'no-such-dir', 's.csv');
    const r = runCli(sim, ['scenarios/mm1.json', '--out', out, '--csv', missing]);
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([`--csv ${missing}: cannot write: no directory ${join(dir, 'no-such-dir')}`]);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    const d = runCli(sim, ['scenarios/mm1.json', '--out', dir]);
    expect(d.status).toBe(2);
    expect(d.stderr.trimEnd().split('\n')).toEqual([`--out ${dir}: cannot write: it is a directory`]);
  });

  it('reads a scenario file that starts with a byte-order mark', () => {
    const file = join(tmp(), 'bom.json');
    writeFileSync(file, '\uFEFF' + readFileSync('scenarios/mm1.json', 'utf8'));
    const r = runCli(sim, [file, '--horizon', '2000', '--replications', '1', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('takes a negative seed after --seed (the schema allows it)', () => {
    const out = join(tmp(), 'r.json');
    const r = runCli(sim, ['scenarios/mm1.json', '--seed', '-1', '--horizon', '2000', '--replications', '1', '--quiet', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).scenario.seed).toBe(-1);
    const bad = runCli(sim, ['scenarios/mm1.json', '--horizon', '-5']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trimEnd().split('\n')).toEqual(['scenarios/mm1.json: horizon: must be > 0 (got -5)']);
  });

  it('an unstable system runs to the end and says so', () => {
    const dir = tmp();
    const file = join(dir, 'unstable.json');
    const out = join(dir, 'r.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'overloaded',
        horizon: 2000,
        producers: [{ id: 'p', to: 'q', interarrival: { dist: 'exponential', rate: 1.2 } }],
        queues: [{ id: 'q' }],
        consumers: [{ id: 'c', from: 'q', service: { dist: 'exponential', rate: 1 } }],
      }),
    );
    const r = runCli(sim, [file, '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warning: queue q is unstable: load 1\.2/);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result.warnings.some((w: string) => /unstable/.test(w))).toBe(true);
    expect(result.summary.messages.waiting).toBeGreaterThan(100);
  });
});
