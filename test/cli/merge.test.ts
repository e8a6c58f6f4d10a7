import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'queue-lab-merge-'));

describe('npm run merge', () => {
  // A 2 x 2 grid, 2 replications per point, "auto" warm-up (each shard runs the pilots it needs):
  // 8 jobs in 3 uneven shards, one of them on 2 worker threads.
  const dir = tmp();
  const file = join(dir, 'tandem.json');
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync('scenarios/tandem.json', 'utf8')), warmup: 'auto' }));
  const sweepArgs = [file, '--param', 'producers[0].interarrival.rate', '--values', '0.3,0.6', '--param', 'consumers[writer].count', '--values', '1:2:1', '--horizon', '1500', '--replications', '2', '--quiet'];
  const part = (k: number) => join(dir, `part${k}.json`);
  const shards = [1, 2, 3].map((k) => runCli('src/cli/sweep.ts', [...sweepArgs, '--shard', `${k}/3`, '--out', part(k), '--workers', k === 2 ? '2' : '1']));

  it('joins the shards into exactly the files one unsharded run writes', () => {
    for (const s of shards) expect(s.status, s.stderr).toBe(0);
    const whole = runCli('src/cli/sweep.ts', [...sweepArgs, '--out', join(dir, 'whole.json'), '--csv', join(dir, 'whole.csv')]);
    expect(whole.status, whole.stderr).toBe(0);
    const merged = runCli('src/cli/merge.ts', [part(3), part(1), part(2), '--out', join(dir, 'merged.json'), '--csv', join(dir, 'merged.csv'), '--quiet']);
    expect(merged.status, merged.stderr).toBe(0);
    for (const ext of ['json', 'csv']) {
      expect(readFileSync(join(dir, `merged.${ext}`)).equals(readFileSync(join(dir, `whole.${ext}`))), ext).toBe(true);
    }
    const result = JSON.parse(readFileSync(join(dir, 'merged.json'), 'utf8'));
    expect(result.sweep).toMatchObject({ points: 4, jobs: 8 });
    expect(result.points[0].summary.warmup).toBeGreaterThanOrEqual(0);
  });

  it('names a missing shard, a shard given twice and a file of another sweep (exit 2)', () => {
    const other = join(dir, 'other.json');
    const o = runCli('src/cli/sweep.ts', [...sweepArgs.map((a) => (a === '0.3,0.6' ? '0.3,0.7' : a)), '--shard', '1/3', '--out', other]);
    expect(o.status, o.stderr).toBe(0);
    const cases: [string[], string[]][] = [
      [[part(1), part(3)], ['jobs 2..4 of 8 are in none of the files (a shard is missing)']],
      [[part(1), part(2), part(2), part(3)], [`${part(2)}: jobs 2..4 are also in another file (shard 2/3 given twice?)`]],
      [[part(1), other], [`${other}: a different sweep from ${part(1)} (scenario or parameters differ)`]],
      [[file], [`${file}: not a sweep shard file (no "format": "queue-lab sweep shard")`]],
      [[part(1), part(2), part(3), '--csv', dir], [`--csv ${dir}: cannot write: it is a directory`]],
    ];
    for (const [args, lines] of cases) {
      const r = runCli('src/cli/merge.ts', [...args, '--quiet']);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toEqual(lines);
    }
  });
});
