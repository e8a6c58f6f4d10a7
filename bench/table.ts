// The bench report: its figures and how they print.
import type { Spread } from './measure.ts';

export interface Figure extends Omit<Spread, 'median' | 'min' | 'max'> {
  /** Stable key, e.g. `mm1.messages`, `memory.rss.1000000`. */
  id: string;
  label: string;
  /** messages/s, events/s, customers/s, MB, s, ratio (a fraction), x (a factor). */
  unit: string;
  /** null when the figure could not be measured (see note). */
  median: number | null;
  min: number | null;
  max: number | null;
  /** Engine figures: the median per CPU second of the process instead of per wall-clock second. */
  perCpuSecond?: number;
  /** median / the Lindley reference's median (engine figures). */
  vsLindley?: number;
  /** The target, and whether the median meets it. */
  target?: { atLeast: number } | { atMost: number };
  met?: boolean;
  note?: string;
}

export interface Report {
  machine: { node: string; platform: string; cpu: string; cores: number; memoryGB: number; loadAverage: { before: number[]; after: number[] } };
  quick: boolean;
  runs: number;
  figures: Figure[];
}

export function figureTable(report: Report): string {
  const m = report.machine;
  const head =
    `queue-lab benchmarks${report.quick ? ' (--quick: smoke-test sizes, not the figures)' : ''}: ` +
    `Node ${m.node}, ${m.platform}, ${m.cores} cores (${m.cpu}), ${m.memoryGB} GB; ` +
    `load average ${m.loadAverage.before.join(' ')} before, ${m.loadAverage.after.join(' ')} after`;
  const rows = report.figures.map((f) => [
    f.label,
    value(f.median, f.unit),
    value(f.min, f.unit),
    value(f.max, f.unit),
    f.perCpuSecond === undefined ? '' : value(f.perCpuSecond, f.unit),
    f.vsLindley === undefined ? '' : f.vsLindley >= 1 ? `${f.vsLindley.toFixed(2)}x` : `1/${(1 / f.vsLindley).toFixed(1)}`,
    target(f),
    f.note ?? '',
  ]);
  const header = ['figure', 'median', 'min', 'max', 'per CPU s', 'vs Lindley', 'target', 'note'];
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (cells: string[]) => cells.map((c, j) => (j >= 1 && j <= 4 ? c.padStart(widths[j]) : c.padEnd(widths[j]))).join('  ').trimEnd();
  return [head, '', line(header), ...rows.map(line), ''].join('\n');
}

function target(f: Figure): string {
  if (!f.target) return '';
  const goal = 'atLeast' in f.target ? `>= ${value(f.target.atLeast, f.unit)}` : `<= ${value(f.target.atMost, f.unit)}`;
  if (f.met === undefined || f.median === null) return goal;
  if (f.met) return `${goal} met`;
  // How far off: the share missing below a floor, the excess over a ceiling.
  const miss = 'atLeast' in f.target ? 1 - f.median / f.target.atLeast : f.median - f.target.atMost;
  return `${goal} NOT met (${(100 * miss).toFixed(0)}% ${'atLeast' in f.target ? 'short' : 'over'})`;
}

function value(x: number | null, unit: string): string {
  if (x === null) return '-';
  if (unit.endsWith('/s')) return x >= 1e6 ? `${(x / 1e6).toFixed(2)} M/s` : `${(x / 1e3).toFixed(0)} k/s`;
  if (unit === 'MB') return `${x.toFixed(1)} MB`;
  if (unit === 's') return x < 1 ? `${(x * 1000).toFixed(0)} ms` : `${x.toFixed(2)} s`;
  if (unit === 'ratio') return `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}%`;
  if (unit === 'x') return `${x.toFixed(2)}x`;
  return String(x);
}
