// The lab's plan worker: the goal seek of `npm run plan` (src/models/plan) with its replications
// run by a pool of job workers, each tried value reported as it comes in; the JSON it sends back
// is the CLI's `--json` output for the same scenario and goal. One plan per worker.
/// <reference lib="webworker" />
import { planJson } from '../../models/plan/json.ts';
import { plan, PlanInputError } from '../../models/plan/plan.ts';
import { parseTarget } from '../../models/plan/target.ts';
import { runHere, type JobRunner } from '../../sim/replicate.ts';
import { JobPool } from './jobPool.ts';
import type { FromPlanWorker, PlanInputs, ToPlanWorker } from './planProtocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const send = (msg: FromPlanWorker) => self.postMessage(msg);

async function seekGoal(inputs: PlanInputs): Promise<void> {
  const started = performance.now();
  let target;
  try {
    target = parseTarget(inputs.target);
  } catch (err) {
    send({ type: 'error', lines: [`target ${(err as Error).message}`] });
    return;
  }
  const threads = navigator.hardwareConcurrency || 1;
  const pool = threads > 1 && typeof Worker === 'function' ? new JobPool(threads) : null;
  const runner: JobRunner = pool ? pool.run : runHere;
  // Progress of the value being tried: its replications' simulated time over replications x horizon
  // (the probes are tried one after another; a 'tried' report starts the next value's count).
  let times: number[] = [];
  let lastSent = -Infinity; // the first report goes at once
  const run: JobRunner = (job, onProgress) => {
    const k = times.push(0) - 1;
    const whole = job.scenario.replications * job.scenario.horizon;
    return runner(job, (time, produced) => {
      times[k] = time;
      onProgress?.(time, produced);
      const now = performance.now();
      if (now - lastSent > 100) {
        lastSent = now;
        send({ type: 'progress', fraction: Math.min(1, times.reduce((a, b) => a + b, 0) / whole) });
      }
    });
  };
  try {
    const result = await plan({ base: inputs.base, vary: inputs.vary, target, min: inputs.min, max: inputs.max }, run, (tried) => {
      times = [];
      send({ type: 'tried', tried });
    });
    send({ type: 'finished', result, json: planJson(result), elapsedMs: performance.now() - started });
  } catch (err) {
    send({ type: 'error', lines: err instanceof PlanInputError ? err.lines : [err instanceof Error ? err.message : String(err)] });
  } finally {
    pool?.close();
  }
}

let busy = false;
self.onmessage = (e: MessageEvent<ToPlanWorker>) => {
  if (e.data.type !== 'start' || busy) return;
  busy = true;
  void seekGoal(e.data.inputs);
};
