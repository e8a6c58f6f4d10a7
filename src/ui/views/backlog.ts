// Backlog Q(t) per queue: the replications' mean (step line) with its 95% band, the live
// replication, the fitted exponential model (dashed), theory's Lq (rule) and, where the queue is
// a birth-death chain, the exact transient E[Q(t)]; for a queue that starts with a backlog, its
// drain time by theory and simulated (vertical rules); slowdown windows shaded.
import type { FigureSpec, Layer } from '../plots/figure.ts';
import type { HoverEntry } from '../plots/hover.ts';
import type { LegendItem } from '../plots/legend.ts';
import { SERIES_COLOURS, type Theme } from '../plots/palette.ts';
import type { LabData } from '../run/labData.ts';
import type { Scenario } from '../../sim/scenario/types.ts';
import { scaleLinear } from 'd3-scale';
import { MARGIN, marginFor, drawIndices, modelCurve, num, stepLookup, timeScale, yDomain } from './common.ts';
import { evaluateModel } from '../../models/expfit/index.ts';

export function backlogSpec(lab: LabData, domain: [number, number], width: number, theme: Theme, onZoom: FigureSpec['onZoom'], scenario: Scenario | null = null): FigureSpec {
  const x = timeScale(domain, width);
  const t = lab.grid;
  const n = t.length;
  const layers: Layer[] = [];
  const legend: LegendItem[] = [];
  const hover: HoverEntry[] = [];
  const multi = lab.queueIds.length > 1;
  const res = lab.result;
  const warmup = res?.summary.warmup ?? 0;
  if (warmup > 0) layers.push({ kind: 'span', from: 0, to: warmup, colour: theme.muted, label: 'warm-up' });
  for (const c of scenario?.consumers ?? []) {
    for (const w of c.slowdowns) layers.push({ kind: 'span', from: w.start, to: w.end, colour: SERIES_COLOURS[3], label: `${c.id} ×${w.factor} slower` });
  }

  const band = lab.mean?.band?.Q;
  const totalColour = multi ? theme.fg : SERIES_COLOURS[0];
  if (band && lab.mean) {
    layers.push({ kind: 'band', t, lo: band.lo, hi: band.hi, idx: drawIndices(t, band.hi, n, domain, width), colour: totalColour, label: 'Q 95% band', step: true });
    legend.push({ label: `95% band${multi ? ' (all queues)' : ''}`, colour: totalColour, kind: 'band' });
    hover.push({ label: '95% band lo', colour: totalColour, at: stepLookup(t, band.lo, n) }, { label: '95% band hi', colour: totalColour, at: stepLookup(t, band.hi, n) });
  }
  lab.queueIds.forEach((id, i) => {
    const colour = SERIES_COLOURS[i % SERIES_COLOURS.length];
    const tr = lab.transients.find((c) => c.queue === id);
    if (tr) {
      const idx = drawIndices(tr.t, tr.meanQ, tr.t.length, domain, width);
      layers.push({ kind: 'line', t: tr.t, y: tr.meanQ, idx, colour, dash: '7 3 1.5 3', width: 1.5, label: `E[Q(t)] exact ${id}` });
      legend.push({ label: `E[Q(t)] exact, ${tr.model}${multi ? ` ${id}` : ''}`, colour, dash: '7 3 1.5 3' });
      hover.push({ label: `E[Q(t)] ${id}`, colour, at: (xv) => (xv < tr.t[0] ? null : stepLookup(tr.t, tr.meanQ, tr.t.length)(xv)) });
    }
    const th = res?.theory.queues[id]?.result;
    if (th && 'Lq' in th && th.Lq !== null) {
      layers.push({ kind: 'hrule', value: th.Lq, colour, label: `Lq theory ${multi ? id + ' ' : ''}= ${num(th.Lq)}` });
      legend.push({ label: `Lq theory (${res!.theory.queues[id].model})${multi ? ` ${id}` : ''}`, colour, dash: '2 3' });
    }
    // A backlog at t = 0 (queues[].initial): theory's drain time (exact where it applies, else
    // B / (c mu - lambda)) and the simulated one, both from the result.
    const drain = res?.theory.drain?.[id];
    const drainTheory = drain ? (drain.exact ?? drain.time) : null;
    if (drainTheory !== null) {
      layers.push({ kind: 'vrule', value: drainTheory, colour: theme.fg, label: `drain theory${multi ? ` ${id}` : ''} ${num(drainTheory)} s`, dash: '2 3', row: 0 });
      legend.push({ label: `drain time, theory: ${drain!.exact !== null ? '(B − c)/(cμ − λ)' : 'B/(cμ − λ)'}`, colour: theme.fg, dash: '2 3' });
    }
    const drainSim = res?.summary.queues[id]?.drainTime?.mean ?? null;
    if (drainSim !== null) {
      layers.push({ kind: 'vrule', value: drainSim, colour, label: `drain simulated${multi ? ` ${id}` : ''} ${num(drainSim)} s`, dash: '6 2', row: 1 });
      legend.push({ label: `drain time, simulated${multi ? ` ${id}` : ''}`, colour, dash: '6 2' });
    }
    const mean = lab.mean?.queues[id]?.Q;
    if (mean) {
      layers.push({ kind: 'line', t, y: mean, idx: drawIndices(t, mean, n, domain, width), colour, width: 2, step: true, label: `Q ${id} mean` });
      legend.push({ label: `Q ${id}, mean of ${lab.meanOf}${lab.phase === 'pilot' ? ' (pilot)' : ''}`, colour, width: 2 });
      hover.push({ label: `Q ${id} mean`, colour, at: stepLookup(t, mean, n) });
    }
    const live = lab.live;
    if (live && live.taken > 0) {
      const y = live.queueQ[i];
      layers.push({ kind: 'line', t, y, idx: drawIndices(t, y, live.taken, domain, width), colour, width: 1, opacity: 0.5, step: true, label: `Q ${id} live` });
      legend.push({ label: `Q ${id}, replication ${live.replication + 1} (live)`, colour, width: 1 });
      hover.push({ label: `Q ${id} live`, colour, at: stepLookup(t, y, live.taken) });
    }
  });
  if (multi && lab.mean) {
    const y = lab.mean.Q;
    layers.push({ kind: 'line', t, y, idx: drawIndices(t, y, n, domain, width), colour: theme.fg, width: 1.5, step: true, label: 'Q total mean' });
    legend.push({ label: 'Q all queues, mean', colour: theme.fg, width: 1.5 });
    hover.push({ label: 'Q all queues', colour: theme.fg, at: stepLookup(t, y, n) });
  }
  const fit = res?.fits?.Q;
  if (fit && !('error' in fit)) {
    const c = modelCurve(fit, domain);
    layers.push({ kind: 'line', t: c.t, y: c.y, idx: c.idx, colour: totalColour, dash: '6 4', width: 2, label: 'Q fit' });
    legend.push({ label: `fit${multi ? ' (all queues)' : ''}, N = ${fit.terms.length}${fit.terms.length === 0 ? ' (constant)' : ''}`, colour: totalColour, dash: '6 4' });
    hover.push({ label: 'fit', colour: totalColour, at: (xv) => evaluateModel(fit, xv) });
  }
  const margin = marginFor(legend, width);
  const y = scaleLinear().domain(yDomain(layers)).range([260 - MARGIN.bottom, margin.top]).nice();
  return {
    id: 'backlog',
    title: 'Backlog Q(t)',
    width,
    height: 260,
    margin,
    x,
    y,
    xLabel: 'simulated time (s)',
    yLabel: 'messages waiting',
    layers,
    legend,
    hover,
    formatX: (v) => `t = ${num(v)} s`,
    formatY: num,
    onZoom,
    theme,
  };
}
