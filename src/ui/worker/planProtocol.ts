// Messages between the lab page and the plan worker (structured-clone safe). The page sends the
// scenario JSON and the goal as typed; the worker checks them itself, as `npm run plan` does.
import type { PlanResult } from '../../models/plan/plan.ts';
import type { Tried } from '../../models/plan/evidence.ts';

export interface PlanInputs {
  /** The scenario's JSON (replications already set). */
  base: unknown;
  vary: string;
  /** `METRIC < X`, as typed. */
  target: string;
  min?: number;
  max?: number;
}

/** Page -> worker. Cancel is the page terminating the worker. */
export type ToPlanWorker = { type: 'start'; inputs: PlanInputs };

/** Worker -> page. */
export type FromPlanWorker =
  | { type: 'tried'; tried: Tried }
  /** The value being simulated now: the share of its replications' simulated time done, 0..1. */
  | { type: 'progress'; fraction: number }
  | { type: 'finished'; result: PlanResult; json: string; elapsedMs: number }
  /** Bad input: one line per problem, as the CLI prints them. */
  | { type: 'error'; lines: string[] };
