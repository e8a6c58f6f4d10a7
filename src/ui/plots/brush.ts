// Brush-to-zoom on the time axis: drag across a plot to zoom every time plot to that interval;
// double-click to zoom back out.
import { brushX } from 'd3-brush';
import type { Selection } from 'd3-selection';
import type { Scale } from './frame.ts';

export function attachBrush(
  g: Selection<SVGGElement, unknown, null, undefined>,
  x: Scale,
  y: Scale,
  onZoom: (domain: [number, number] | null) => void,
): void {
  const [x0, x1] = x.range();
  const [y0, y1] = y.range();
  const brush = brushX<unknown>()
    .extent([
      [Math.min(x0, x1), Math.min(y0, y1)],
      [Math.max(x0, x1), Math.max(y0, y1)],
    ])
    .on('end', (event: { selection: [number, number] | null; sourceEvent?: Event }) => {
      if (!event.selection || !event.sourceEvent) return;
      const [a, b] = event.selection;
      if (Math.abs(b - a) < 3) return;
      onZoom([x.invert(a), x.invert(b)]);
    });
  g.call(brush);
  g.select('.selection').attr('fill', '#0072B2').attr('fill-opacity', 0.15).attr('stroke', '#0072B2');
  g.on('dblclick.zoom', () => onZoom(null));
}
