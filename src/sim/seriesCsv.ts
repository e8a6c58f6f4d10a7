import type { Series } from './series.ts';

/**
 * The series as CSV, one row per sample time: t, P, Q, C, H, R, the four rates, then Q of each
 * queue as `Q:<id>`. The same text from the CLI (--csv) and the lab's export. Numbers are written
 * with JavaScript's shortest round-trip form, so a file read back gives the same doubles.
 */
export function seriesCsv(series: Series): string {
  const ids = Object.keys(series.queues);
  const header = ['t', 'P', 'Q', 'C', 'H', 'R', 'Prate', 'Crate', 'Hrate', 'Rrate', ...ids.map((id) => csvField(`Q:${id}`))];
  const columns = [
    series.t,
    series.P,
    series.Q,
    series.C,
    series.H,
    series.R,
    series.Prate,
    series.Crate,
    series.Hrate,
    series.Rrate,
    ...ids.map((id) => series.queues[id].Q),
  ];
  const lines = [header.join(',')];
  for (let k = 0; k < series.t.length; k++) lines.push(columns.map((c) => String(c[k])).join(','));
  return lines.join('\n') + '\n';
}

/** Quotes a field that holds a comma, a quote or a line break (ids are free text). */
export function csvField(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
