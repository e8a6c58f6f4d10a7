// Which theory number stands beside which summary metric: the pairing shared by the sweep table's
// `.theory` columns and the goal seek's theory bracket (src/models/plan/theoryMetric.ts).
import type { Scenario } from '../../sim/scenario/types.ts';
import type { QueueSummary } from '../../sim/summary.ts';
import type { QueueResult, ScenarioTheory } from './index.ts';

/** The QueueResult field beside each queue metric of the summary. */
export const QUEUE_THEORY_FIELDS: Partial<Record<keyof QueueSummary, 'Lq' | 'L' | 'Wq' | 'W' | 'loss' | 'lambda'>> = {
  meanLength: 'Lq',
  meanInSystem: 'L',
  meanWait: 'Wq',
  meanSojourn: 'W',
  lossProbability: 'loss',
  arrivalRate: 'lambda',
};

/** A consumer group's utilisation or throughput by theory: its queue's, when it is the queue's only group. */
export function consumerTheory(scenario: Scenario, theory: ScenarioTheory, id: string, metric: 'utilization' | 'throughput'): number | null {
  const from = scenario.consumers.find((c) => c.id === id)?.from;
  if (from === undefined || scenario.consumers.filter((c) => c.from === from).length !== 1) return null;
  return (theory.queues[from]?.result as QueueResult | null | undefined)?.[metric] ?? null;
}
