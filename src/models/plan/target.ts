// A goal: "summary.messages.endToEnd.p99 < 2". Which summary number, which side of which
// threshold, and whether a simulated mean with its confidence interval is confidently there.
import { parseParamPath, type PathStep } from '../../sim/sweep/paramPath.ts';
import type { MeanCI } from '../../sim/stats/meanCI.ts';

export type Comparison = '<' | '<=' | '>' | '>=';

export interface Target {
  /** The metric's path in the result file, as given: `summary.messages.endToEnd.p99`. */
  metric: string;
  /** The same path inside `summary` (the leading `summary.` dropped). */
  steps: PathStep[];
  op: Comparison;
  threshold: number;
}

/** Parses `PATH < X` (or <=, >, >=); throws an Error naming what is wrong. */
export function parseTarget(text: string): Target {
  const m = /^\s*(.+?)\s*(<=|>=|<|>)\s*(\S+)\s*$/.exec(text);
  if (!m) throw new Error(`"${text}": expected METRIC < NUMBER or METRIC > NUMBER, e.g. "summary.messages.endToEnd.p99 < 2"`);
  const [, metric, op, number] = m;
  const threshold = Number(number);
  if (!Number.isFinite(threshold)) throw new Error(`"${text}": the threshold must be a number (got "${number}")`);
  const steps = parseParamPath(metric);
  if ('key' in steps[0] && steps[0].key === 'summary') steps.shift();
  if (steps.length === 0) throw new Error(`"${text}": name a metric inside summary, e.g. summary.queues.q.meanWait`);
  return { metric, steps, op: op as Comparison, threshold };
}

/** Whether smaller values are better for this target (`<`, `<=`). */
export const lowerIsBetter = (t: Target): boolean => t.op === '<' || t.op === '<=';

/** Whether a plain number (a theory value, a mean) is on the target's side of the threshold. */
export function meetsValue(t: Target, x: number): boolean {
  switch (t.op) {
    case '<':
      return x < t.threshold;
    case '<=':
      return x <= t.threshold;
    case '>':
      return x > t.threshold;
    case '>=':
      return x >= t.threshold;
  }
}

/**
 * Met with 95% confidence: the whole interval, not just the mean, on the target's side (for
 * `<`, its upper end below the threshold). No interval (one replication) is never confident.
 */
export function meetsConfidently(t: Target, m: MeanCI): boolean {
  if (m.mean === null || m.ci95 === null) return false;
  return meetsValue(t, lowerIsBetter(t) ? m.ci95[1] : m.ci95[0]);
}

/**
 * The value at a path inside an object (a summary, a scenario), or undefined when the path leads
 * nowhere. In a list, `[2]` is a position and `[id]` the element with that id; in an object both
 * read keys, so `queues[q]` and `queues.q` name queue q of a summary.
 */
export function readPath(root: unknown, steps: readonly PathStep[]): unknown {
  let node: unknown = root;
  for (const step of steps) {
    if (node === null || typeof node !== 'object') return undefined;
    if (Array.isArray(node) && 'id' in step) node = node.find((x: unknown) => (x as { id?: unknown } | null)?.id === step.id);
    else node = (node as Record<string | number, unknown>)['key' in step ? step.key : 'index' in step ? step.index : step.id];
  }
  return node;
}

/** A MeanCI as found at a summary path, or null when the node is not one. */
export function asMeanCI(node: unknown): MeanCI | null {
  if (node === null || typeof node !== 'object' || !('mean' in node) || !('ci95' in node)) return null;
  return node as MeanCI;
}
