import type { SweepResult } from '../models/sweep/result.ts';
import { ci, num, table } from './summaryTable.ts';

/** At most this many queues get columns on the terminal; the files have them all. */
const SHOWN_QUEUES = 3;

/** The terminal report of `npm run sweep` / `merge`: one row per point, simulated beside theory. */
export function sweepTable(result: SweepResult): string {
  const points = result.points;
  if (points.length === 0) return 'no points\n';
  const params = result.sweep.params.map((p) => p.path);
  const queueIds = Object.keys(points[0].summary.queues);
  const shown = queueIds.slice(0, SHOWN_QUEUES);
  const header = [...params];
  for (const id of shown) header.push(`Lq ${id}`, 'theory', `Wq ${id} s`, 'theory', `loss ${id}`);
  header.push('sojourn s', 'theory');
  const th = (x: number | null | undefined) => (x === null || x === undefined ? '-' : num(x));
  const rows = points.map((p) => {
    const row = params.map((path) => String(p.values[path]));
    for (const id of shown) {
      const s = p.summary.queues[id];
      const r = p.theory.queues[id]?.result;
      row.push(ci(s.meanLength), th(r?.Lq), ci(s.meanWait), th(r?.Wq), ci(s.lossProbability));
    }
    row.push(ci(p.summary.messages.meanSojourn), th(p.theory.network.W));
    return row;
  });
  const first = points[0];
  const lines = [
    `${first.scenario.name}: ${plural(points.length, 'point')} x ${plural(first.summary.replications, 'replication')}, seed ${first.scenario.seed}`,
    '',
    table(header, rows),
  ];
  if (queueIds.length > shown.length) lines.push('', `(${queueIds.length - shown.length} more queues in the --out and --csv files)`);
  return lines.join('\n') + '\n';
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
