import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkerPool, withRunner } from '../../src/cli/parallel/pool.ts';
import { runHere, type ReplicationJob } from '../../src/sim/replicate.ts';
import { parseScenario } from '../../src/sim/scenario/parse.ts';
import { runCli } from '../helpers/runCli.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'queue-lab-parallel-'));
const scenario = parseScenario({
  name: 'tandem',
  horizon: 1000,
  replications: 4,
  producers: [{ id: 'p', to: 'a', interarrival: { dist: 'exponential', rate: 0.5 } }],
  queues: [{ id: 'a' }, { id: 'b' }],
  consumers: [
    { id: 'x', from: 'a', service: { dist: 'exponential', rate: 1 }, then: 'b' },
    { id: 'y', from: 'b', service: { dist: 'exponential', rate: 0.8 } },
  ],
});
const job = (replication: number): ReplicationJob => ({ scenario, replication, warmup: 100, series: true });

describe('WorkerPool (worker_threads, TypeScript loaded through tsx)', () => {
  it('runs jobs in worker threads with the results of runHere, reporting progress', async () => {
    const pool = new WorkerPool(2);
    try {
      const progress: number[] = [];
      const results = await Promise.all([0, 1, 2, 3].map((r) => pool.run(job(r), (time) => progress.push(time))));
      const here = await Promise.all([0, 1, 2, 3].map((r) => runHere(job(r))));
      expect(results).toEqual(here);
      expect(results[2].series!.P).toBeInstanceOf(Float64Array);
      expect(Math.max(...progress)).toBe(1000);
    } finally {
      await pool.close();
    }
  });

  it('a job that throws in a worker rejects with its message; the pool goes on', async () => {
    const broken = { ...scenario, consumers: [{ ...scenario.consumers[0], service: null }, scenario.consumers[1]] };
    await withRunner(2, async (run) => {
      await expect(run({ ...job(0), scenario: broken as unknown as typeof scenario })).rejects.toThrow(/dist/);
      expect((await run(job(1))).replication).toBe(1);
    });
  });
});

describe('npm run sim --workers N', () => {
  it('writes the same result file, byte for byte, with 1 and 3 workers (auto warm-up: the pilot too)', () => {
    const dir = tmp();
    const file = join(dir, 'tandem.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync('scenarios/tandem.json', 'utf8')), warmup: 'auto' }));
    const outs = ['1', '3'].map((w) => {
      const out = join(dir, `r${w}.json`);
      const r = runCli('src/cli/sim.ts', [file, '--horizon', '3000', '--replications', '5', '--workers', w, '--out', out, '--quiet']);
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(out);
    });
    expect(outs[0].equals(outs[1])).toBe(true);
    expect(JSON.parse(outs[0].toString()).summary.replications).toBe(5);
  });

  it('refuses a bad --workers with one line and exit 2', () => {
    const r = runCli('src/cli/sim.ts', ['scenarios/mm1.json', '--workers', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('--workers: must be a whole number >= 1 (got "0")');
  });
});
