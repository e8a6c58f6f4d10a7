// Helpers the views share: the time scale of the shared zoom, decimated indices, nearest-sample
// lookups for tooltips, a fitted model evaluated for drawing, the y range of what is shown.
import { scaleLinear } from 'd3-scale';
import { evaluateModel, type ExpModel } from '../../models/expfit/index.ts';
import { minMaxIndices, visibleRange } from '../plots/downsample.ts';
import type { Layer } from '../plots/figure.ts';
import { legendRows, type LegendItem } from '../plots/legend.ts';

export const MARGIN = { top: 34, right: 16, bottom: 38, left: 56 };

/** Four significant digits, plain notation where it reads well. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e-3 && a < 1e7 ? String(Number(x.toPrecision(4))) : x.toExponential(3);
}

export function timeScale(domain: [number, number], width: number) {
  return scaleLinear().domain(domain).range([MARGIN.left, width - MARGIN.right]);
}

/** Indices of y to draw over the visible part of t[0..n), decimated to the plot's width. */
export function drawIndices(t: ArrayLike<number>, y: ArrayLike<number>, n: number, domain: [number, number], width: number): number[] {
  if (n === 0) return [];
  const [from, to] = visibleRange(t, n, domain[0], domain[1]);
  return minMaxIndices(t, y, from, to, Math.max(50, Math.floor((width - MARGIN.left - MARGIN.right) / 3)));
}

/** The value of the last sample at or before x (the series are step functions of time). */
export function stepLookup(t: ArrayLike<number>, y: ArrayLike<number>, n: number): (x: number) => number | null {
  return (x) => {
    if (n === 0 || x < t[0]) return null;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (t[mid] <= x) lo = mid;
      else hi = mid - 1;
    }
    return Number.isFinite(y[lo]) ? y[lo] : null;
  };
}

/** A fitted model X(t) on `points` times across the domain, for drawing. */
export function modelCurve(model: ExpModel, domain: [number, number], points = 300): { t: Float64Array; y: Float64Array; idx: number[] } {
  const t = new Float64Array(points);
  const y = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    t[i] = domain[0] + ((domain[1] - domain[0]) * i) / (points - 1);
    y[i] = evaluateModel(model, t[i]);
  }
  return { t, y, idx: Array.from({ length: points }, (_, i) => i) };
}

/** [0, max] over everything the layers draw (with headroom); quantities here are never negative.
 *  Nothing above floor * 1e-9 (a queue that never waits, theory's Lq of 1e-62) is drawn on
 *  [0, floor], not on an axis of nano-messages. */
export function yDomain(layers: Layer[], floor = 1): [number, number] {
  let max = 0;
  let min = 0;
  for (const l of layers) {
    const see = (v: number) => {
      if (Number.isFinite(v)) {
        if (v > max) max = v;
        if (v < min) min = v;
      }
    };
    if (l.kind === 'line') for (const i of l.idx) see(l.y[i]);
    else if (l.kind === 'band') for (const i of l.idx) see(l.hi[i]);
    else if (l.kind === 'hrule') see(l.value);
  }
  return [min, max > floor * 1e-9 ? max * 1.08 : floor];
}

/** The margins for a plot whose legend takes `legendRows` rows above the plotting area. */
export function marginFor(legend: LegendItem[], width: number): typeof MARGIN {
  return { ...MARGIN, top: 12 + 14 * legendRows(legend, MARGIN.left, width - MARGIN.right) };
}
