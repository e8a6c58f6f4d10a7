// Throughput (rates of P, C, H, R, messages per second, with their fits) and the cumulative
// counts P, C, H, R: the gaps between the cumulative curves are the backlog, the work in flight
// and the replies outstanding.
import { scaleLinear } from 'd3-scale';
import { evaluateModel } from '../../models/expfit/index.ts';
import type { FittedSeries } from '../../models/experiment.ts';
import type { FigureSpec, Layer } from '../plots/figure.ts';
import type { HoverEntry } from '../plots/hover.ts';
import type { LegendItem } from '../plots/legend.ts';
import { NAMED, type Theme } from '../plots/palette.ts';
import type { LabData } from '../run/labData.ts';
import { MARGIN, marginFor, drawIndices, modelCurve, num, stepLookup, timeScale, yDomain } from './common.ts';

const NAMES: Record<'P' | 'C' | 'H' | 'R', string> = { P: 'produced', C: 'consumed (fetched)', H: 'handled', R: 'replied' };
type Key = keyof typeof NAMES;

function anyNonZero(y: ArrayLike<number> | undefined, n: number): boolean {
  if (!y) return false;
  for (let i = 0; i < n; i++) if (y[i] !== 0) return true;
  return false;
}

function flowSpec(lab: LabData, domain: [number, number], width: number, theme: Theme, onZoom: FigureSpec['onZoom'], rates: boolean): FigureSpec {
  const x = timeScale(domain, width);
  const t = lab.grid;
  const n = t.length;
  const layers: Layer[] = [];
  const legend: LegendItem[] = [];
  const hover: HoverEntry[] = [];
  const res = lab.result;
  if (rates && res) {
    const lambda = res.theory.network.throughput;
    if (lambda > 0) {
      layers.push({ kind: 'hrule', value: lambda, colour: theme.muted, label: `arrival rate theory = ${num(lambda)}/s` });
      legend.push({ label: 'arrival rate (theory)', colour: theme.muted, dash: '2 3' });
    }
  }
  for (const key of ['P', 'C', 'H', 'R'] as Key[]) {
    const colour = NAMED[key];
    const field = rates ? (`${key}rate` as const) : key;
    const mean = lab.mean?.[field];
    const live = lab.live ? lab.live[field] : undefined;
    const used = anyNonZero(mean, mean ? n : 0) || anyNonZero(live, lab.live?.taken ?? 0);
    if (!used) continue;
    const name = rates ? `${key} rate` : key;
    if (mean) {
      layers.push({ kind: 'line', t, y: mean, idx: drawIndices(t, mean, n, domain, width), colour, width: 1.75, step: rates, label: `${name} mean` });
      legend.push({ label: `${name}: ${NAMES[key]}`, colour, width: 1.75 });
      hover.push({ label: name, colour, at: stepLookup(t, mean, n) });
    }
    if (live && lab.live && lab.live.taken > 0) {
      layers.push({ kind: 'line', t, y: live, idx: drawIndices(t, live, lab.live.taken, domain, width), colour, width: 1, opacity: 0.5, step: rates, label: `${name} live` });
      if (!mean) legend.push({ label: `${name}: ${NAMES[key]} (live)`, colour, width: 1 });
      hover.push({ label: `${name} live`, colour, at: stepLookup(t, live, lab.live.taken) });
    }
    const fit = rates ? res?.fits?.[key as FittedSeries] : undefined;
    if (fit && !('error' in fit)) {
      const c = modelCurve(fit, domain);
      layers.push({ kind: 'line', t: c.t, y: c.y, idx: c.idx, colour, dash: '6 4', width: 2, label: `${key} fit` });
      legend.push({ label: `${key} rate fit, N = ${fit.terms.length}`, colour, dash: '6 4' });
      hover.push({ label: `${key} fit`, colour, at: (xv) => evaluateModel(fit, xv) });
    }
  }
  const height = 240;
  const margin = marginFor(legend, width);
  const y = scaleLinear().domain(yDomain(layers)).range([height - MARGIN.bottom, margin.top]).nice();
  return {
    id: rates ? 'throughput' : 'cumulative',
    title: rates ? 'Throughput' : 'Cumulative counts',
    width,
    height,
    margin,
    x,
    y,
    xLabel: 'simulated time (s)',
    yLabel: rates ? 'messages per second' : 'messages',
    layers,
    legend,
    hover,
    formatX: (v) => `t = ${num(v)} s`,
    formatY: rates ? (v) => `${num(v)}/s` : num,
    onZoom,
    theme,
  };
}

export const throughputSpec = (lab: LabData, domain: [number, number], width: number, theme: Theme, onZoom: FigureSpec['onZoom']) =>
  flowSpec(lab, domain, width, theme, onZoom, true);
export const cumulativeSpec = (lab: LabData, domain: [number, number], width: number, theme: Theme, onZoom: FigureSpec['onZoom']) =>
  flowSpec(lab, domain, width, theme, onZoom, false);
