// One plot from a declarative spec: frame, layers in order, legend, hover and brush. Arrays and
// scales in, an SVG element out.
import { createFrame, type Scale } from './frame.ts';
import { attachBrush } from './brush.ts';
import { attachHover, type HoverEntry } from './hover.ts';
import { drawLegend, type LegendItem } from './legend.ts';
import { drawBand, drawHRule, drawLine, drawSpan, drawVRule, type LineStyle } from './marks.ts';
import type { Theme } from './palette.ts';
import { drawPointsWithBars } from './points.ts';
import { stackLabels } from './stackLabels.ts';

export type Layer =
  | ({ kind: 'line'; t: ArrayLike<number>; y: ArrayLike<number>; idx: number[] } & LineStyle)
  | { kind: 'band'; t: ArrayLike<number>; lo: ArrayLike<number>; hi: ArrayLike<number>; idx: number[]; colour: string; label: string; step?: boolean }
  | { kind: 'hrule'; value: number; colour: string; label: string; dash?: string }
  | { kind: 'vrule'; value: number; colour: string; label: string; dash?: string; row?: number }
  | { kind: 'span'; from: number; to: number; colour: string; label: string }
  /** Estimates with their CIs (x not time: a sweep's parameter). */
  | { kind: 'points'; x: ArrayLike<number>; y: ArrayLike<number | null>; lo: ArrayLike<number | null>; hi: ArrayLike<number | null>; colour: string; label: string };

export interface FigureSpec {
  id: string;
  title: string;
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  x: Scale;
  y: Scale;
  xLabel: string;
  yLabel: string;
  layers: Layer[];
  legend: LegendItem[];
  hover: HoverEntry[];
  formatX: (x: number) => string;
  formatY: (y: number) => string;
  /** d3-format of the x and y ticks (frame.ts; default '~s'). */
  xTickFormat?: string;
  yTickFormat?: string;
  /** x ticks at these values (frame.ts). */
  xTickValues?: number[];
  /** Brush-to-zoom on x; omitted for plots whose x is not time. */
  onZoom?: (domain: [number, number] | null) => void;
  theme: Theme;
}

export function renderFigure(spec: FigureSpec, tooltip: HTMLElement): SVGSVGElement {
  const { x, y, theme } = spec;
  const frame = createFrame({ ...spec });
  const hrules = spec.layers.filter((l) => l.kind === 'hrule');
  const ruleLabelY = stackLabels(hrules.map((l) => y(l.value) - 4));
  for (const l of spec.layers) {
    switch (l.kind) {
      case 'line':
        drawLine(frame.marks, x, y, l.t, l.y, l.idx, l);
        break;
      case 'band':
        drawBand(frame.marks, x, y, l.t, l.lo, l.hi, l.idx, l.colour, l.label, l.step);
        break;
      case 'hrule':
        drawHRule(frame.marks, x, y, l.value, l.colour, l.label, l.dash, ruleLabelY[hrules.indexOf(l)]);
        break;
      case 'vrule':
        drawVRule(frame.marks, x, y, l.value, l.colour, l.label, l.dash, l.row);
        break;
      case 'span':
        drawSpan(frame.marks, x, y, l.from, l.to, l.colour, l.label);
        break;
      case 'points':
        drawPointsWithBars(frame.marks, x, y, l.x, l.y, l.lo, l.hi, l.colour, l.label);
        break;
    }
  }
  // Rule labels sit on the data: raised above every later layer's lines (theory's Lq is drawn
  // before the mean that would cover it) with a halo of the background, readable over any line.
  frame.marks.selectAll('text.rule-label').raise().attr('stroke', theme.bg).attr('stroke-width', 3).attr('stroke-linejoin', 'round').attr('paint-order', 'stroke');
  drawLegend(frame.overlay, spec.legend, spec.margin.left, spec.width - spec.margin.right, theme);
  const interact = frame.overlay.append('g').attr('class', 'brush');
  const rule = frame.overlay.append('g').attr('data-hover', '');
  if (spec.onZoom) {
    attachBrush(interact, x, y, spec.onZoom);
  } else {
    const [x0, x1] = x.range();
    const [y0, y1] = y.range();
    interact.append('rect').attr('x', Math.min(x0, x1)).attr('y', Math.min(y0, y1)).attr('width', Math.abs(x1 - x0)).attr('height', Math.abs(y1 - y0)).attr('fill', 'transparent');
  }
  attachHover(interact, rule, x, y, spec.hover, tooltip, theme, spec.formatX, spec.formatY);
  return frame.svg;
}
