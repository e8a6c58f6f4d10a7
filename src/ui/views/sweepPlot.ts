// A metric against the swept parameter: the simulated mean at each point with its 95% CI bar,
// joined by a thin line, and theory's curve (evaluated between the points by the worker, see
// src/models/sweep/theoryCurve.ts) where a model applies. Numbers in, a figure spec out.
import { scaleLinear } from 'd3-scale';
import type { TheoryCurves } from '../../models/sweep/theoryCurve.ts';
import type { FigureSpec, Layer } from '../plots/figure.ts';
import type { HoverEntry } from '../plots/hover.ts';
import type { LegendItem } from '../plots/legend.ts';
import { OKABE_ITO, type Theme } from '../plots/palette.ts';
import type { MetricPoints } from '../sweep/sweepMetrics.ts';
import { MARGIN, marginFor, num } from './common.ts';

export interface SweepPlotLabels {
  param: string;
  paramUnit: string;
  metric: string;
  metricUnit: string;
  replications: number;
  /** The theory model's name for the legend, or null. */
  model: string | null;
}

/** Up to this many points, the x ticks are the swept values themselves. */
const MAX_POINT_TICKS = 12;

const withUnit = (name: string, unit: string) => (unit ? `${name} (${unit})` : name);

/** The value at the x nearest to `at` among xs (finite values only), or null. */
function nearest(xs: ArrayLike<number>, ys: ArrayLike<number | null>, at: number): number | null {
  let best = -1;
  for (let i = 0; i < xs.length; i++) {
    const v = ys[i];
    if (v === null || !Number.isFinite(v)) continue;
    if (best < 0 || Math.abs(xs[i] - at) < Math.abs(xs[best] - at)) best = i;
  }
  return best < 0 ? null : ys[best];
}

export function sweepSpec(pts: MetricPoints, curves: TheoryCurves | null, labels: SweepPlotLabels, width: number, theme: Theme): FigureSpec {
  const layers: Layer[] = [];
  const legend: LegendItem[] = [];
  const hover: HoverEntry[] = [];
  const sim = OKABE_ITO.blue;
  const th = OKABE_ITO.vermillion;
  const idx = pts.x.map((_, i) => i);
  const curve = pts.theoryColumn && curves ? curves.curves[pts.theoryColumn] : undefined;
  if (curve && curve.some((v) => v !== null)) {
    const cy = Float64Array.from(curve, (v) => (v === null ? NaN : v));
    layers.push({ kind: 'line', t: curves!.x, y: cy, idx: curves!.x.map((_, i) => i), colour: th, width: 2, dash: '6 3', label: 'theory' });
    legend.push({ label: labels.model ? `theory (${labels.model})` : 'theory', colour: th, dash: '6 3', width: 2 });
  }
  const means = Float64Array.from(pts.mean, (v) => (v === null ? NaN : v));
  layers.push({ kind: 'line', t: pts.x, y: means, idx, colour: sim, width: 1, opacity: 0.5, label: 'simulated mean line' });
  layers.push({ kind: 'points', x: pts.x, y: pts.mean, lo: pts.lo, hi: pts.hi, colour: sim, label: 'simulated' });
  legend.push({ label: `simulated mean, 95% CI (${labels.replications} replications per point)`, colour: sim, width: 2 });
  hover.push({ label: 'simulated mean', colour: sim, at: (x) => nearest(pts.x, pts.mean, x) });
  hover.push({ label: 'CI low', colour: sim, at: (x) => nearest(pts.x, pts.lo, x) });
  hover.push({ label: 'CI high', colour: sim, at: (x) => nearest(pts.x, pts.hi, x) });
  if (pts.theory.some((v) => v !== null)) hover.push({ label: 'theory', colour: th, at: (x) => nearest(pts.x, pts.theory, x) });

  const finite = (vs: readonly (number | null)[] | ArrayLike<number | null>) => Array.from(vs as ArrayLike<number | null>).filter((v): v is number => v !== null && Number.isFinite(v));
  const ys = [...finite(pts.mean), ...finite(pts.lo), ...finite(pts.hi), ...(curve ? finite(curve) : [])];
  const yMax = Math.max(0, ...ys);
  const yMin = Math.min(0, ...ys);
  const [x0, x1] = [Math.min(...pts.x), Math.max(...pts.x)];
  const pad = x1 > x0 ? (x1 - x0) * 0.05 : Math.abs(x0) * 0.1 || 1;
  const margin = marginFor(legend, width);
  const height = 300;
  const x = scaleLinear().domain([x0 - pad, x1 + pad]).range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear().domain([yMin, yMax > yMin ? yMax * 1.08 : 1]).range([height - MARGIN.bottom, margin.top]).nice();
  return {
    id: 'sweep',
    title: `${labels.metric} against ${labels.param}`,
    width,
    height,
    margin,
    x,
    y,
    xLabel: withUnit(labels.param, labels.paramUnit),
    xTickFormat: '~g',
    yTickFormat: ',~f',
    // Few points: a tick at each swept value (whole servers stay whole); many: round ticks.
    xTickValues: pts.x.length <= MAX_POINT_TICKS ? [...pts.x] : undefined,
    yLabel: withUnit(labels.metric, labels.metricUnit),
    layers,
    legend,
    hover,
    formatX: (v) => `${labels.param} = ${num(Number(pts.x.reduce((b, xi) => (Math.abs(xi - v) < Math.abs(b - v) ? xi : b), pts.x[0])))}`,
    formatY: (v) => num(v),
    theme,
  };
}
