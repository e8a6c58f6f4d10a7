// A legend inside the SVG (so exported images keep it): a swatch in the series' own stroke
// style and its label, laid out in rows across the top margin.
import type { Selection } from 'd3-selection';
import type { Theme } from './palette.ts';

export interface LegendItem {
  label: string;
  colour: string;
  dash?: string;
  /** 'band' draws a filled swatch. */
  kind?: 'line' | 'band';
  width?: number;
}

export function drawLegend(g: Selection<SVGGElement, unknown, null, undefined>, items: LegendItem[], left: number, right: number, theme: Theme): void {
  let x = left;
  let y = 10;
  const legend = g.append('g').attr('class', 'legend').attr('font-size', 10.5);
  for (const it of items) {
    const w = 26 + it.label.length * 5.8 + 12;
    if (x + w > right && x > left) {
      x = left;
      y += 14;
    }
    if (it.kind === 'band') {
      legend.append('rect').attr('x', x).attr('y', y - 5).attr('width', 20).attr('height', 9).attr('fill', it.colour).attr('fill-opacity', 0.25);
    } else {
      legend.append('line').attr('x1', x).attr('x2', x + 20).attr('y1', y).attr('y2', y).attr('stroke', it.colour).attr('stroke-width', it.width ?? 2).attr('stroke-dasharray', it.dash ?? null);
    }
    legend.append('text').attr('x', x + 25).attr('y', y + 3.5).attr('fill', theme.fg).text(it.label);
    x += w;
  }
}

/** Rows a legend of these items needs between `left` and `right` (to size the top margin). */
export function legendRows(items: LegendItem[], left: number, right: number): number {
  let x = left;
  let rows = items.length > 0 ? 1 : 0;
  for (const it of items) {
    const w = 26 + it.label.length * 5.8 + 12;
    if (x + w > right && x > left) {
      x = left;
      rows++;
    }
    x += w;
  }
  return rows;
}
