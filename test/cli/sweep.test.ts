import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/models/experiment.ts';
import { parseScenario } from '../../src/sim/scenario/parse.ts';
import { runCli } from '../helpers/runCli.ts';

const sweep = 'src/cli/sweep.ts';
const tmp = () => mkdtempSync(join(tmpdir(), 'queue-lab-sweep-'));
const rate = ['--param', 'producers[0].interarrival.rate'];

describe('npm run sweep', () => {
  it('writes every summary metric per point with CIs and theory beside, as JSON and CSV', () => {
    const dir = tmp();
    const [out, csv] = [join(dir, 's.json'), join(dir, 's.csv')];
    const r = runCli(sweep, ['scenarios/mm1.json', ...rate, '--values', '0.3:0.7:0.2', '--horizon', '2000', '--replications', '3', '--out', out, '--csv', csv, '--workers', '1']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^0\.5\s+\S+ ± \S+\s+0\.5\s/m); // Lq theory of M/M/1 at load 0.5
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result.sweep.params).toEqual([{ path: 'producers[0].interarrival.rate', values: [0.3, 0.5, 0.7] }]);
    expect(result.points.map((p: { values: object }) => p.values)).toEqual([0.3, 0.5, 0.7].map((v) => ({ 'producers[0].interarrival.rate': v })));
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    const header = lines[0].split(',');
    for (const col of ['producers[0].interarrival.rate', 'queues.q.meanWait', 'queues.q.meanWait.lo', 'queues.q.meanWait.hi', 'queues.q.meanWait.theory', 'consumers.workers.utilization.theory', 'messages.meanSojourn.theory', 'messages.endToEnd.p99', 'messages.produced']) {
      expect(header).toContain(col);
    }
    const row = Object.fromEntries(header.map((h, i) => [h, lines[2].split(',')[i]]));
    expect(Number(row['queues.q.meanWait.theory'])).toBe(1); // Wq = rho / (mu - lambda) = 0.5 / 0.5
    expect(Number(row['queues.q.meanWait.lo'])).toBeLessThan(Number(row['queues.q.meanWait']));
    expect(Number(row['queues.q.meanWait'])).toBe(result.points[1].summary.queues.q.meanWait.mean);
  });

  it('a point gives the summary npm run sim gives for its scenario (a 2-parameter grid)', () => {
    const dir = tmp();
    const out = join(dir, 's.json');
    const r = runCli(sweep, ['scenarios/tandem.json', '--param', 'consumers[writer].count', '--values', '1,2', '--param', 'seed', '--values', '7,8', '--horizon', '1500', '--replications', '2', '--out', out, '--quiet', '--workers', '2']);
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result.points.map((p: { values: Record<string, number> }) => Object.values(p.values))).toEqual([[1, 7], [1, 8], [2, 7], [2, 8]]);
    const raw = JSON.parse(readFileSync('scenarios/tandem.json', 'utf8'));
    raw.consumers[1].count = 2;
    const scenario = parseScenario({ ...raw, seed: 7, horizon: 1500, replications: 2 });
    expect(result.points[2].scenario).toEqual(JSON.parse(JSON.stringify(scenario)));
    expect(result.points[2].summary).toEqual(JSON.parse(JSON.stringify(runExperiment(scenario).summary)));
  });

  it('a bad value gives one line per problem naming the point, exit 2, no file', () => {
    const dir = tmp();
    const out = join(dir, 's.json');
    const r = runCli(sweep, ['scenarios/mm1.json', ...rate, '--values=-1,0.5,0', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'scenarios/mm1.json: at producers[0].interarrival.rate = -1: producers[0].interarrival.rate: must be > 0 (got -1)',
      'scenarios/mm1.json: at producers[0].interarrival.rate = 0: producers[0].interarrival.rate: must be > 0 (got 0)',
    ]);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('counts one point and one replication in the singular', () => {
    const r = runCli(sweep, ['scenarios/mm1.json', ...rate, '--values', '0.5', '--replications', '1', '--horizon', '2000']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('M/M/1 at 90% load: 1 point x 1 replication, seed 42');
  });

  it('bad flags: each problem on its own line, exit 2', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'x.json'), '{');
    const cases: [string[], string[]][] = [
      [['scenarios/mm1.json', ...rate], ['--param given 1 times but --values 0 times: give one --values after each --param']],
      [['scenarios/mm1.json', '--param', 'queues[9].capacity', '--values', '1'], ['scenarios/mm1.json: --param queues[9].capacity: queues has no element [9] (it has 1)']],
      [['scenarios/mm1.json', ...rate, '--values', '1:0:1', '--shard', '3/2', '--csv', 'x.csv'], [
        '--values 1:0:1: STEP 1 does not lead from 1 to 0',
        '--shard: must be K/N with 1 <= K <= N (got "3/2")',
        '--shard: give --out PART.json for the shard file (npm run merge reads it)',
        '--csv: not with --shard; merge the shards, then write the CSV (npm run merge -- ... --csv S.csv)',
      ]],
      [[join(dir, 'x.json'), ...rate, '--values', '1'], [expect.stringContaining('x.json: not valid JSON')]],
      [['scenarios/mm1.json', ...rate, '--values', '1', '--out', join(dir, 'none', 's.json')], [`--out ${join(dir, 'none', 's.json')}: cannot write: no directory ${join(dir, 'none')}`]],
    ];
    for (const [args, lines] of cases) {
      const r = runCli(sweep, args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toEqual(lines);
    }
  });
});
