// Servers N(t) of each autoscaled consumer group: the replications' mean (step line), the live
// replication, the policy's bounds and the summary's mean count. The same time axis and zoom as
// the backlog plot beside it, so a scale-up can be read against the backlog that caused it.
import { scaleLinear } from 'd3-scale';
import type { FigureSpec, Layer } from '../plots/figure.ts';
import type { HoverEntry } from '../plots/hover.ts';
import type { LegendItem } from '../plots/legend.ts';
import { SERIES_COLOURS, type Theme } from '../plots/palette.ts';
import type { LabData } from '../run/labData.ts';
import type { Scenario } from '../../sim/scenario/types.ts';
import { MARGIN, drawIndices, marginFor, num, stepLookup, timeScale, yDomain } from './common.ts';

export const CONSUMERS_HEIGHT = 260;

/** Null when no consumer group of the run autoscales (the card stays hidden). */
export function consumersSpec(lab: LabData, scenario: Scenario | null, domain: [number, number], width: number, theme: Theme, onZoom: FigureSpec['onZoom']): FigureSpec | null {
  if (lab.scaledIds.length === 0) return null;
  const x = timeScale(domain, width);
  const t = lab.grid;
  const n = t.length;
  const layers: Layer[] = [];
  const legend: LegendItem[] = [];
  const hover: HoverEntry[] = [];
  const res = lab.result;
  const multi = lab.scaledIds.length > 1;
  const warmup = res?.summary.warmup ?? 0;
  if (warmup > 0) layers.push({ kind: 'span', from: 0, to: warmup, colour: theme.muted, label: 'warm-up' });
  lab.scaledIds.forEach((id, i) => {
    // Green first: the backlog plot's queues take blue and orange.
    const colour = SERIES_COLOURS[(i + 2) % SERIES_COLOURS.length];
    const name = multi ? ` ${id}` : '';
    const policy = scenario?.consumers.find((c) => c.id === id)?.autoscale;
    if (policy) {
      layers.push({ kind: 'hrule', value: policy.max, colour: theme.muted, label: `max${name} ${policy.max}`, dash: '1 3' });
      layers.push({ kind: 'hrule', value: policy.min, colour: theme.muted, label: `min${name} ${policy.min}`, dash: '1 3' });
    }
    const meanCount = res?.summary.consumers[id]?.meanCount.mean ?? null;
    if (meanCount !== null) {
      layers.push({ kind: 'hrule', value: meanCount, colour, label: `mean count${name} = ${num(meanCount)}` });
      legend.push({ label: `mean count${name} ${num(meanCount)} after warm-up (the cost)`, colour, dash: '2 3' });
    }
    const mean = lab.mean?.consumers?.[id]?.N;
    if (mean) {
      layers.push({ kind: 'line', t, y: mean, idx: drawIndices(t, mean, n, domain, width), colour, width: 2, step: true, label: `N ${id} mean` });
      legend.push({ label: `N ${id}, mean of ${lab.meanOf}${lab.phase === 'pilot' ? ' (pilot)' : ''}`, colour, width: 2 });
      hover.push({ label: `N ${id} mean`, colour, at: stepLookup(t, mean, n) });
    }
    const live = lab.live;
    const g = lab.consumerIds.indexOf(id);
    if (live && live.taken > 0 && g >= 0) {
      const y = live.consumerN[g];
      layers.push({ kind: 'line', t, y, idx: drawIndices(t, y, live.taken, domain, width), colour, width: 1, opacity: 0.5, step: true, label: `N ${id} live` });
      legend.push({ label: `N ${id}, replication ${live.replication + 1} (live)`, colour, width: 1 });
      hover.push({ label: `N ${id} live`, colour, at: stepLookup(t, y, live.taken) });
    }
  });
  const margin = marginFor(legend, width);
  const y = scaleLinear().domain(yDomain(layers)).range([CONSUMERS_HEIGHT - MARGIN.bottom, margin.top]).nice();
  return {
    id: 'consumers',
    title: 'Consumers N(t)',
    width,
    height: CONSUMERS_HEIGHT,
    margin,
    x,
    y,
    xLabel: 'simulated time (s)',
    yLabel: 'servers provisioned',
    layers,
    legend,
    hover,
    formatX: (v) => `t = ${num(v)} s`,
    formatY: num,
    onZoom,
    theme,
  };
}
