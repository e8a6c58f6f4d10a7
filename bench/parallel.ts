// Parallel speed-up: 8 replications of an M/M/1 run one after the other in this thread, then
// on a worker pool of every core (pool start-up included, as `npm run sim` pays it).
import { WorkerPool } from '../src/cli/parallel/pool.ts';
import { runHere, type JobRunner } from '../src/sim/replicate.ts';
import type { Scenario } from '../src/sim/scenario/types.ts';
import { spread, type Spread } from './measure.ts';
import { mm1 } from './scenarios.ts';

const REPLICATIONS = 8;

async function timeAll(scenario: Scenario, run: JobRunner): Promise<number> {
  const start = performance.now();
  await Promise.all(Array.from({ length: REPLICATIONS }, (_, r) => run({ scenario, replication: r, warmup: 0, series: true })));
  return (performance.now() - start) / 1000;
}

export async function parallelSpeedup(
  messagesPerReplication: number,
  workers: number,
  runs: number,
): Promise<{ serialSeconds: Spread; parallelSeconds: Spread; speedup: Spread }> {
  const scenario = { ...mm1(messagesPerReplication), replications: REPLICATIONS };
  const serial: number[] = [];
  const parallel: number[] = [];
  for (let i = 0; i < runs; i++) {
    serial.push(await timeAll(scenario, runHere));
    const start = performance.now();
    const pool = new WorkerPool(workers);
    try {
      await timeAll(scenario, pool.run);
    } finally {
      await pool.close();
    }
    parallel.push((performance.now() - start) / 1000);
  }
  return { serialSeconds: spread(serial), parallelSeconds: spread(parallel), speedup: spread(serial.map((s, i) => s / parallel[i])) };
}
