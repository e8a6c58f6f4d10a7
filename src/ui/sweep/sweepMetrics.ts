// The metrics a sweep can plot: every summary figure with a 95% CI (`summary.queues.q.meanWait`,
// ...), and, for one of them, the points of the plot read off the sweep result: the swept value,
// the mean and its CI, and the theory of the sweep table's `.theory` column (src/models/sweep/table).
import type { SweepPointResult, SweepResult } from '../../models/sweep/result.ts';
import { sweepColumns } from '../../models/sweep/table.ts';
import type { Scenario } from '../../sim/scenario/types.ts';
import type { MeanCI } from '../../sim/stats/meanCI.ts';
import type { Summary } from '../../sim/summary.ts';

export interface MetricChoice {
  /** `summary.queues.q.meanWait` */
  path: string;
  label: string;
  unit: string;
}

const QUEUE: [string, string, string][] = [
  ['meanWait', 'mean wait', 's'],
  ['meanSojourn', 'mean sojourn', 's'],
  ['meanLength', 'mean queue length Lq', 'messages'],
  ['meanInSystem', 'mean number in system L', 'messages'],
  ['lossProbability', 'loss probability', 'fraction'],
  ['expiredFraction', 'expired fraction', 'fraction'],
  ['arrivalRate', 'arrival rate', '1/s'],
];
const CONSUMER: [string, string, string][] = [
  ['utilization', 'utilisation', 'fraction'],
  ['throughput', 'throughput', 'messages/s'],
  ['meanCount', 'mean servers', 'servers'],
  ['consumerSeconds', 'consumer-seconds', 's'],
  ['scaleChanges', 'scale changes', 'per replication'],
  ['reversals', 'scaling reversals', 'per replication'],
];
const MESSAGES: [string, string, string][] = [
  ['meanSojourn', 'mean sojourn, first queue to last handling', 's'],
  ['throughput', 'throughput', 'messages/s'],
  ['goodput', 'goodput', 'messages/s'],
];

/** Every metric with a CI of the scenario's summary; `summary` adds its priority classes. */
export function metricChoices(scenario: Scenario, summary?: Summary): MetricChoice[] {
  const out: MetricChoice[] = [];
  for (const q of scenario.queues) for (const [k, label, unit] of QUEUE) out.push({ path: `summary.queues.${q.id}.${k}`, label: `${label} at queue ${q.id}`, unit });
  for (const c of scenario.consumers) for (const [k, label, unit] of CONSUMER) out.push({ path: `summary.consumers.${c.id}.${k}`, label: `${label} of ${c.id}`, unit });
  for (const [k, label, unit] of MESSAGES) out.push({ path: `summary.messages.${k}`, label: `messages: ${label}`, unit });
  for (const v of Object.keys(summary?.classes ?? {})) {
    out.push({ path: `summary.classes.${v}.meanWait`, label: `mean wait of priority ${v}`, unit: 's' });
    out.push({ path: `summary.classes.${v}.meanSojourn`, label: `mean sojourn of priority ${v}`, unit: 's' });
  }
  return out;
}

export interface MetricPoints {
  x: number[];
  mean: (number | null)[];
  lo: (number | null)[];
  hi: (number | null)[];
  /** At the swept values, null where no theory applies. */
  theory: (number | null)[];
  /** The `.theory` column's name (for the curve between the points), or null when there is none. */
  theoryColumn: string | null;
  /** The theory models behind the metric over the points ("M/M/1", ...), for the legend. */
  models: string[];
}

function isMeanCI(v: unknown): v is MeanCI {
  return typeof v === 'object' && v !== null && 'mean' in v && 'ci95' in v;
}

/** The summary's figure at `path` (`summary.` and the rest split at dots; ids with dots are not reachable). */
function readMetric(summary: Summary, path: string): MeanCI | null {
  let v: unknown = summary;
  for (const key of path.replace(/^summary\./, '').split('.')) {
    if (typeof v !== 'object' || v === null) return null;
    v = (v as Record<string, unknown>)[key];
  }
  return isMeanCI(v) ? v : null;
}

/** The plot's points for `metric`, in the order of the swept values. */
export function metricPoints(result: SweepResult, metric: string): MetricPoints {
  const param = result.sweep.params[0].path;
  const name = metric.replace(/^summary\./, '');
  const column = sweepColumns(result).find((c) => c.name === `${name}.theory`);
  const out: MetricPoints = { x: [], mean: [], lo: [], hi: [], theory: [], theoryColumn: column ? column.name : null, models: [] };
  for (const p of result.points) {
    const m = readMetric(p.summary, metric);
    out.x.push(Number(p.values[param]));
    out.mean.push(m?.mean ?? null);
    out.lo.push(m?.ci95?.[0] ?? null);
    out.hi.push(m?.ci95?.[1] ?? null);
    const th = column ? column.value(p) : null;
    out.theory.push(typeof th === 'number' && Number.isFinite(th) ? th : null);
    const model = typeof th === 'number' ? modelOf(p, name) : null;
    if (model && !out.models.includes(model)) out.models.push(model);
  }
  return out;
}

/** The model behind a metric's theory at a point: its queue's (a consumer's: its queue's), or the network's. */
function modelOf(p: SweepPointResult, name: string): string | null {
  const [room, id] = name.split('.');
  if (room === 'queues') return p.theory.queues[id]?.model ?? null;
  if (room === 'consumers') {
    const from = p.scenario.consumers.find((c) => c.id === id)?.from;
    return from === undefined ? null : (p.theory.queues[from]?.model ?? null);
  }
  if (room === 'classes') return Object.values(p.theory.queues).find((q) => q.result && 'classes' in q.result)?.model ?? null;
  return p.theory.network.model;
}
