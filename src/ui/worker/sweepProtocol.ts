// Messages between the lab page and the sweep worker (structured-clone safe). The page sends the
// scenario JSON and the parameter; the worker checks every point itself, as `npm run sweep` does.
import type { SweepResult } from '../../models/sweep/result.ts';
import type { TheoryCurves } from '../../models/sweep/theoryCurve.ts';
import type { SweepParam } from '../../sim/sweep/plan.ts';

/** Page -> worker. Cancel is the page terminating the worker. */
export type ToSweepWorker = { type: 'start'; base: unknown; param: SweepParam };

export interface SweepProgress {
  /** Jobs (point, replication) finished, and all of them (warm-up pilots included). */
  done: number;
  jobs: number;
  /** Overall fraction of the simulated time done, 0..1. */
  fraction: number;
  /** Messages produced so far over all jobs, and wall-clock milliseconds since the start. */
  messages: number;
  elapsedMs: number;
}

/** Worker -> page. */
export type FromSweepWorker =
  | { type: 'progress'; progress: SweepProgress }
  | {
      type: 'finished';
      result: SweepResult;
      /** The files, exactly as `npm run sweep -- ... --out S.json --csv S.csv` writes them. */
      json: string;
      csv: string;
      /** Theory between the points, per `.theory` column. */
      curves: TheoryCurves;
      elapsedMs: number;
      /** Of which running the jobs (the rest: assembling, the files, the theory curve). */
      simulatingMs: number;
      messages: number;
    }
  | { type: 'error'; message: string };
