// The frame of a plot: an SVG of the given size with a background, x and y axes with labels and
// units, light grid lines, and a clipped layer for the marks. Scales in, SVG out.
import { axisBottom, axisLeft } from 'd3-axis';
import type { ScaleLinear, ScaleLogarithmic } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import type { Theme } from './palette.ts';

export type Scale = ScaleLinear<number, number> | ScaleLogarithmic<number, number>;

export interface FrameOptions {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  x: Scale;
  y: Scale;
  xLabel: string;
  yLabel: string;
  title: string;
  theme: Theme;
  /** A unique id for the clip path. */
  id: string;
  /** d3-format specifier of the x ticks (default: defaultTickFormat of the domain). */
  xTickFormat?: string;
  /** Likewise for the y ticks. */
  yTickFormat?: string;
  /** x ticks at exactly these values (a sweep's points), labelled as given, instead of the scale's round ones. */
  xTickValues?: number[];
}

export interface Frame {
  svg: SVGSVGElement;
  /** Marks go here (clipped to the plotting area). */
  marks: Selection<SVGGElement, unknown, null, undefined>;
  /** Above the marks, not clipped: legend, hover rule, brush. */
  overlay: Selection<SVGGElement, unknown, null, undefined>;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Tick format for an axis without one: SI prefixes (10k, 2M) only from 1000 up; below, plain
 *  numbers, since a tick "50m" on an axis of seconds reads as 50 minutes, not milliseconds. */
export function defaultTickFormat(domain: readonly number[]): string {
  return Math.max(...domain.map(Math.abs)) >= 1000 ? '~s' : '~f';
}

export function createFrame(o: FrameOptions): Frame {
  const { width, height, margin: m, x, y, theme } = o;
  const svg = select(document.createElementNS(SVG_NS, 'svg') as SVGSVGElement)
    .attr('xmlns', SVG_NS)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('role', 'img')
    .attr('aria-label', o.title)
    .attr('font-family', 'system-ui, -apple-system, "Segoe UI", sans-serif')
    .attr('font-size', 11);
  svg.append('title').text(o.title);
  svg.append('rect').attr('width', width).attr('height', height).attr('fill', theme.bg);
  svg
    .append('defs')
    .append('clipPath')
    .attr('id', `clip-${o.id}`)
    .append('rect')
    .attr('x', m.left)
    .attr('y', m.top)
    .attr('width', Math.max(0, width - m.left - m.right))
    .attr('height', Math.max(0, height - m.top - m.bottom));

  const bottom = axisBottom(x).ticks(Math.max(2, Math.floor((width - m.left - m.right) / 80)), o.xTickFormat ?? defaultTickFormat(x.domain())).tickSizeOuter(0);
  if (o.xTickValues) bottom.tickValues(o.xTickValues).tickFormat((v) => String(v)); // the values as given
  const xAxis = svg.append('g').attr('transform', `translate(0,${height - m.bottom})`).call(bottom);
  const yAxis = svg
    .append('g')
    .attr('transform', `translate(${m.left},0)`)
    .call(axisLeft(y).ticks(Math.max(2, Math.floor((height - m.top - m.bottom) / 40)), o.yTickFormat ?? defaultTickFormat(y.domain())).tickSizeOuter(0));
  for (const axis of [xAxis, yAxis]) {
    axis.attr('font-size', 11).attr('font-family', 'inherit');
    axis.selectAll('path, line').attr('stroke', theme.muted);
    axis.selectAll('text').attr('fill', theme.fg);
  }
  // Grid lines at the y ticks.
  yAxis
    .selectAll<SVGLineElement, unknown>('.tick line')
    .clone()
    .attr('x2', width - m.left - m.right)
    .attr('stroke', theme.grid)
    .attr('stroke-opacity', 1);
  svg
    .append('text')
    .attr('x', (m.left + width - m.right) / 2)
    .attr('y', height - 4)
    .attr('text-anchor', 'middle')
    .attr('fill', theme.fg)
    .text(o.xLabel);
  svg
    .append('text')
    .attr('transform', `translate(12,${(m.top + height - m.bottom) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .attr('fill', theme.fg)
    .text(o.yLabel);

  const marks = svg.append('g').attr('clip-path', `url(#clip-${o.id})`);
  const overlay = svg.append('g');
  return { svg: svg.node()!, marks, overlay };
}
