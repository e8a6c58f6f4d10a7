// The theory value of a summary metric, where theoryFor gives one: the pairing of the sweep
// table's `.theory` columns (../theory/summaryPairs.ts: Lq beside meanLength, Wq beside meanWait,
// ...), plus the latency percentiles of a lone M/M/c queue (mmcSojournQuantile). Infinity where
// the metric has no steady state (a queue that grows without bound).
import type { Scenario } from '../../sim/scenario/types.ts';
import type { PathStep } from '../../sim/sweep/paramPath.ts';
import { mmcSojournQuantile } from '../theory/mmcSojourn.ts';
import { consumerTheory, QUEUE_THEORY_FIELDS } from '../theory/summaryPairs.ts';
import type { QueueSummary } from '../../sim/summary.ts';
import type { ScenarioTheory } from '../theory/index.ts';


/** Fields whose long-run value is infinite without a steady state. */
const growing = new Set(['Lq', 'L', 'Wq', 'W']);

const percentiles: Record<string, number> = { p50: 0.5, p95: 0.95, p99: 0.99 };

/** The theory of the metric at `steps` (inside summary), or null when no model gives it. */
export function theoryOfMetric(scenario: Scenario, theory: ScenarioTheory, steps: readonly PathStep[]): number | null {
  const names = steps.map((s) => ('key' in s ? s.key : 'id' in s ? s.id : String(s.index)));
  const [room, id, metric, sub] = names;
  if (room === 'queues' && names.length === 3) {
    const field = QUEUE_THEORY_FIELDS[metric as keyof QueueSummary];
    const r = theory.queues[id]?.result;
    if (field === undefined || !r) return null;
    const x = r[field] as number | null;
    return x === null ? (growing.has(field) && !r.stable ? Infinity : null) : x;
  }
  if (room === 'consumers' && names.length === 3 && (metric === 'utilization' || metric === 'throughput')) {
    return consumerTheory(scenario, theory, id, metric);
  }
  if (room !== 'messages') return null;
  const unstable = !theory.network.stable && theory.network.model !== null;
  if (names.length === 2 && id === 'meanSojourn') return theory.network.W ?? (unstable ? Infinity : null);
  if (names.length !== 3 || id !== 'endToEnd') return null;
  if (metric === 'mean') return theory.network.endToEnd ?? (unstable ? Infinity : null);
  const q = percentiles[metric];
  return q === undefined || sub !== undefined ? null : loneQueueQuantile(scenario, theory, q);
}

/**
 * The q-quantile of the end-to-end time when it is the sojourn of one exact FIFO M/M/c queue:
 * one queue, no transport, no reply delay, no retries (end-to-end mean = the queue's W).
 */
function loneQueueQuantile(scenario: Scenario, theory: ScenarioTheory, q: number): number | null {
  if (scenario.queues.length !== 1) return null;
  const qt = theory.queues[scenario.queues[0].id];
  const r = qt?.result;
  if (!r || !qt.exact || qt.retries !== null || (r.model !== 'M/M/1' && r.model !== 'M/M/c')) return null;
  if (scenario.queues[0].discipline !== 'fifo' || r.capacity !== null) return null;
  if (!r.stable) return Infinity;
  const e2e = theory.network.endToEnd;
  if (e2e === null || r.W === null || Math.abs(e2e - r.W) > 1e-9 * r.W) return null;
  return mmcSojournQuantile(r.lambda, 1 / r.meanService, r.servers, q);
}
