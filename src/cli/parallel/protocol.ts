// Messages between the CLI's worker pool and its worker threads (structured-clone safe).
import type { ReplicationJob, ReplicationResult } from '../../sim/replicate.ts';

export type ToWorker = { id: number; job: ReplicationJob };

export type FromWorker =
  | { type: 'progress'; id: number; time: number; produced: number }
  | { type: 'done'; id: number; result: ReplicationResult }
  | { type: 'error'; id: number; message: string };
