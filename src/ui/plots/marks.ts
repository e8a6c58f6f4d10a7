// Marks: lines (linear or step), bands and rules drawn from arrays through scales. Nothing here
// computes a statistic: every number drawn is given.
import { area, curveLinear, curveStepAfter, line } from 'd3-shape';
import type { Selection } from 'd3-selection';
import type { Scale } from './frame.ts';

type G = Selection<SVGGElement, unknown, null, undefined>;

export interface LineStyle {
  colour: string;
  width?: number;
  dash?: string;
  opacity?: number;
  step?: boolean;
  /** Names the path for tests and assistive tech. */
  label: string;
}

/** A polyline through (t[i], y[i]) for the given indices (all when omitted). */
export function drawLine(g: G, x: Scale, y: Scale, t: ArrayLike<number>, v: ArrayLike<number>, idx: number[], s: LineStyle): void {
  const path = line<number>()
    .x((i) => x(t[i]))
    .y((i) => y(v[i]))
    .defined((i) => Number.isFinite(v[i]))
    .curve(s.step ? curveStepAfter : curveLinear);
  g.append('path')
    .attr('d', path(idx) ?? '')
    .attr('fill', 'none')
    .attr('stroke', s.colour)
    .attr('stroke-width', s.width ?? 1.5)
    .attr('stroke-dasharray', s.dash ?? null)
    .attr('stroke-opacity', s.opacity ?? 1)
    .attr('stroke-linejoin', 'round')
    .attr('data-series', s.label)
    .attr('class', 'mark-line');
}

/** The band between lo[i] and hi[i]. */
export function drawBand(g: G, x: Scale, y: Scale, t: ArrayLike<number>, lo: ArrayLike<number>, hi: ArrayLike<number>, idx: number[], colour: string, label: string, step = false): void {
  const shape = area<number>()
    .x((i) => x(t[i]))
    .y0((i) => y(lo[i]))
    .y1((i) => y(hi[i]))
    .curve(step ? curveStepAfter : curveLinear);
  g.append('path').attr('d', shape(idx) ?? '').attr('fill', colour).attr('fill-opacity', 0.18).attr('stroke', 'none').attr('data-series', label).attr('class', 'mark-band');
}

/** A horizontal rule at y = value across the x range, with a label at its right end. */
export function drawHRule(g: G, x: Scale, y: Scale, value: number, colour: string, label: string, dash = '2 3', labelY = y(value) - 4): void {
  const [x0, x1] = x.range();
  const yy = y(value);
  g.append('line').attr('x1', x0).attr('x2', x1).attr('y1', yy).attr('y2', yy).attr('stroke', colour).attr('stroke-width', 1.5).attr('stroke-dasharray', dash).attr('data-series', label).attr('class', 'mark-rule');
  g.append('text').attr('class', 'rule-label').attr('x', x1 - 4).attr('y', labelY).attr('text-anchor', 'end').attr('fill', colour).attr('font-size', 10).text(label);
}

/** A vertical rule at x = value, labelled at the top. */
export function drawVRule(g: G, x: Scale, y: Scale, value: number, colour: string, label: string, dash = '4 3', row = 0): void {
  const [y0, y1] = y.range();
  const xx = x(value);
  g.append('line').attr('x1', xx).attr('x2', xx).attr('y1', y0).attr('y2', y1).attr('stroke', colour).attr('stroke-width', 1.25).attr('stroke-dasharray', dash).attr('data-series', label).attr('class', 'mark-rule');
  const [x0, x1] = x.range();
  const end = vruleLabelOnLeft(xx, x0, x1);
  g.append('text').attr('class', 'rule-label').attr('x', end ? xx - 3 : xx + 3).attr('text-anchor', end ? 'end' : 'start').attr('y', Math.min(y0, y1) + 10 + 12 * row).attr('fill', colour).attr('font-size', 10).text(label);
}

/** A vertical rule's label goes left of the line in the right quarter of the plot, where on the
 *  right it would run past the edge and be cut off (a p99 near the end of the latency axis). */
export function vruleLabelOnLeft(at: number, from: number, to: number): boolean {
  return at > from + 0.75 * (to - from);
}

/** A shaded x interval (e.g. the warm-up). */
export function drawSpan(g: G, x: Scale, y: Scale, from: number, to: number, colour: string, label: string): void {
  const [y0, y1] = y.range();
  const a = x(from);
  const b = x(to);
  g.append('rect').attr('x', Math.min(a, b)).attr('width', Math.abs(b - a)).attr('y', Math.min(y0, y1)).attr('height', Math.abs(y1 - y0)).attr('fill', colour).attr('fill-opacity', 0.08).attr('data-series', label);
  g.append('text').attr('x', Math.min(a, b) + 3).attr('y', Math.max(y0, y1) - 4).attr('fill', colour).attr('font-size', 10).text(label);
}
