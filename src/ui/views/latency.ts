// End-to-end latency: the empirical CDF read off the core's pooled histogram, with the summary's
// p50 / p95 / p99 and mean marked, and theory's mean sojourn W where the network has one.
import { scaleLinear } from 'd3-scale';
import type { FigureSpec, Layer } from '../plots/figure.ts';
import type { LegendItem } from '../plots/legend.ts';
import { OKABE_ITO, type Theme } from '../plots/palette.ts';
import type { LabData } from '../run/labData.ts';
import { MARGIN, marginFor, num, stepLookup } from './common.ts';

export function latencySpec(lab: LabData, width: number, theme: Theme): { spec: FigureSpec; note: string } | null {
  const cdf = lab.latency;
  const res = lab.result;
  if (!cdf || !res) return null;
  const e = res.summary.messages.endToEnd;
  const cut = e.p99 !== null ? Math.min(cdf.max, e.p99 * 1.6) : cdf.max;
  const x = scaleLinear().domain([0, cut]).range([MARGIN.left, width - MARGIN.right]).nice();
  const height = 240;
  const layers: Layer[] = [];
  const legend: LegendItem[] = [];
  const idx = Array.from({ length: cdf.x.length }, (_, i) => i);
  layers.push({ kind: 'line', t: cdf.x, y: cdf.p, idx, colour: OKABE_ITO.blue, width: 2, step: true, label: 'latency CDF' });
  legend.push({ label: `CDF, ${cdf.count.toLocaleString('en')} messages`, colour: OKABE_ITO.blue, width: 2 });
  const marks: [string, number | null, string][] = [
    ['p50', e.p50, OKABE_ITO.green],
    ['p95', e.p95, OKABE_ITO.orange],
    ['p99', e.p99, OKABE_ITO.vermillion],
    ['mean', e.mean, theme.fg],
  ];
  marks.forEach(([name, v, colour], row) => {
    if (v === null) return;
    layers.push({ kind: 'vrule', value: v, colour, label: `${name} ${num(v)} s`, row });
  });
  legend.push({ label: 'p50 / p95 / p99 / mean (summary)', colour: theme.muted, dash: '4 3' });
  const W = res.theory.network.W;
  if (W !== null) {
    layers.push({ kind: 'vrule', value: W, colour: OKABE_ITO.purple, label: `W theory ${num(W)} s`, dash: '1.5 2.5', row: 4 });
    legend.push({ label: `mean sojourn W (theory, ${res.theory.network.model})`, colour: OKABE_ITO.purple, dash: '1.5 2.5' });
  }
  const margin = marginFor(legend, width);
  const y = scaleLinear().domain([0, 1]).range([height - MARGIN.bottom, margin.top]);
  const note =
    `Bins of ±${(cdf.relativeError * 100).toFixed(1)}% (the core's latency histogram); ` +
    (cut < cdf.max ? `x axis cut at 1.6 × p99; the slowest message took ${num(cdf.max)} s.` : `the slowest message took ${num(cdf.max)} s.`);
  return {
    spec: {
      id: 'latency',
      title: 'End-to-end latency',
      width,
      height,
      margin,
      x,
      y,
      xLabel: 'end-to-end latency (s)',
      yLabel: 'fraction of messages ≤ x',
      layers,
      legend,
      hover: [{ label: 'P(latency ≤ x)', colour: OKABE_ITO.blue, at: stepLookup(cdf.x, cdf.p, cdf.x.length) }],
      formatX: (v) => `latency ${num(v)} s`,
      formatY: (v) => num(v),
      theme,
    },
    note,
  };
}
