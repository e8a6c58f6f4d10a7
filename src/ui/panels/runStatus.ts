// The status line of a run that is going or paused. Once the last replication has reached the
// horizon the worker still fits the models and computes theory (seconds, on a big run): saying
// "replication 10/10, t = 3600 s" all that time read as a hang.
import { num } from '../views/common.ts';
import type { LiveState } from '../worker/protocol.ts';
import { messagesStatus } from './messageRate.ts';

export function runningStatus(paused: boolean, s: LiveState | null, replications: number): string {
  if (s && !paused && s.phase === 'main' && s.fraction >= 1 - 1e-9) {
    return `Finishing: ${replications} replication${replications > 1 ? 's' : ''} simulated, ${messagesStatus(s.messages, null)}; fitting the models and computing theory…`;
  }
  const where = s ? `replication ${s.replication + 1}/${replications}${s.phase === 'pilot' ? ' (warm-up pilot)' : ''}, t = ${num(s.time)} s, ${messagesStatus(s.messages, s.messagesPerSecond)}` : 'starting';
  return `${paused ? 'Paused' : 'Running'}: ${where}.`;
}
