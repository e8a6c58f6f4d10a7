// A sweep as a table, one row per point: the parameters, then every summary metric as mean, lo,
// hi (the 95% CI) and, where the theory of that point gives it, its theory value. The CSV of
// `npm run sweep --csv` and the lab's metric-vs-parameter plot read the same columns.
import type { ClassResult, QueueResult } from '../theory/index.ts';
import { consumerTheory, QUEUE_THEORY_FIELDS } from '../theory/summaryPairs.ts';
import { csvField } from '../../sim/seriesCsv.ts';
import type { MeanCI } from '../../sim/stats/meanCI.ts';
import type { QueueSummary, Summary } from '../../sim/summary.ts';
import type { SweepPointResult, SweepResult } from './result.ts';

export type Cell = number | string | boolean | null;

export interface SweepColumn {
  /** `producers[0].interarrival.rate`, `queues.q.meanWait`, `queues.q.meanWait.lo`, ... */
  name: string;
  value: (p: SweepPointResult) => Cell;
  /** On `.theory` columns: the value for any scenario and its theory, run or not (the lab's theory curve). */
  theory?: (p: TheoryPoint) => number | null;
}

/** What a theory column reads: a checked scenario and theoryFor(scenario). */
export type TheoryPoint = Pick<SweepPointResult, 'scenario' | 'theory'>;


export function sweepColumns(result: SweepResult): SweepColumn[] {
  const columns: SweepColumn[] = result.sweep.params.map((param) => ({ name: param.path, value: (p) => p.values[param.path] }));
  columns.push({ name: 'warmup', value: (p) => p.summary.warmup });
  const queueIds = union(result.points.map((p) => Object.keys(p.summary.queues)));
  for (const id of queueIds) {
    const first = result.points.find((p) => p.summary.queues[id])!.summary.queues[id];
    for (const metric of Object.keys(first) as (keyof QueueSummary)[]) {
      const th = QUEUE_THEORY_FIELDS[metric];
      columns.push(
        ...meanColumns(`queues.${id}.${metric}`, (p) => p.summary.queues[id]?.[metric], th && ((p) => queueResult(p, id)?.[th])),
      );
    }
  }
  const consumerIds = union(result.points.map((p) => Object.keys(p.summary.consumers)));
  for (const id of consumerIds) {
    for (const metric of ['utilization', 'throughput'] as const) {
      columns.push(...meanColumns(`consumers.${id}.${metric}`, (p) => p.summary.consumers[id]?.[metric], (p) => consumerTheory(p.scenario, p.theory, id, metric)));
    }
  }
  const classIds = union(result.points.map((p) => Object.keys(p.summary.classes ?? {})));
  for (const v of classIds) {
    for (const metric of ['meanWait', 'meanSojourn'] as const) {
      const th = metric === 'meanWait' ? 'Wq' : 'W';
      columns.push(...meanColumns(`classes.${v}.${metric}`, (p) => p.summary.classes?.[v]?.[metric], (p) => classTheory(p, Number(v))?.[th]));
    }
  }
  columns.push(...meanColumns('messages.meanSojourn', (p) => p.summary.messages.meanSojourn, (p) => p.theory.network.W));
  for (const q of ['mean', 'p50', 'p95', 'p99', 'max'] as const) {
    columns.push({ name: `messages.endToEnd.${q}`, value: (p) => p.summary.messages.endToEnd[q] });
  }
  const totals = Object.keys(result.points[0]?.summary.messages ?? {}).filter(
    (k) => typeof result.points[0].summary.messages[k as keyof Summary['messages']] === 'number',
  );
  for (const k of totals) columns.push({ name: `messages.${k}`, value: (p) => p.summary.messages[k as keyof Summary['messages']] as number });
  return columns;
}

/** The table as CSV (numbers in JavaScript's shortest round-trip form; empty for none). */
export function sweepCsv(result: SweepResult): string {
  const columns = sweepColumns(result);
  const lines = [columns.map((c) => csvCell(c.name)).join(',')];
  for (const p of result.points) lines.push(columns.map((c) => csvCell(c.value(p))).join(','));
  return lines.join('\n') + '\n';
}

function meanColumns(
  name: string,
  get: (p: SweepPointResult) => MeanCI | undefined,
  theory?: (p: TheoryPoint) => number | null | undefined,
): SweepColumn[] {
  const columns: SweepColumn[] = [
    { name, value: (p) => get(p)?.mean ?? null },
    { name: `${name}.lo`, value: (p) => get(p)?.ci95?.[0] ?? null },
    { name: `${name}.hi`, value: (p) => get(p)?.ci95?.[1] ?? null },
  ];
  if (theory) columns.push({ name: `${name}.theory`, value: (p) => theory(p) ?? null, theory: (p) => theory(p) ?? null });
  return columns;
}

function queueResult(p: TheoryPoint, id: string): QueueResult | null {
  return p.theory.queues[id]?.result ?? null;
}

/** A priority class's theory, when exactly one queue has a priority model (classes are counted over all queues). */
function classTheory(p: TheoryPoint, priority: number): ClassResult | null {
  const withClasses = Object.values(p.theory.queues).flatMap((q) => (q.result && 'classes' in q.result ? [q.result.classes] : []));
  if (withClasses.length !== 1) return null;
  return withClasses[0].find((c) => c.priority === priority) ?? null;
}

function union(lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}

function csvCell(x: Cell): string {
  return x === null ? '' : csvField(String(x));
}
