// Marks for estimates: a dot at (x[i], y[i]) with its confidence interval [lo[i], hi[i]] as a
// vertical bar with caps. Every number drawn is given; none is computed here.
import type { Selection } from 'd3-selection';
import type { Scale } from './frame.ts';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** Points with error bars; a point or bar whose numbers are null or not finite is left out. */
export function drawPointsWithBars(
  g: G,
  x: Scale,
  y: Scale,
  xs: ArrayLike<number>,
  ys: ArrayLike<number | null>,
  lo: ArrayLike<number | null>,
  hi: ArrayLike<number | null>,
  colour: string,
  label: string,
): void {
  const finite = (v: number | null): v is number => v !== null && Number.isFinite(v);
  const group = g.append('g').attr('data-series', label).attr('class', 'mark-points');
  for (let i = 0; i < xs.length; i++) {
    const px = x(xs[i]);
    const a = lo[i];
    const b = hi[i];
    if (finite(a) && finite(b)) {
      group.append('line').attr('class', 'ci-bar').attr('x1', px).attr('x2', px).attr('y1', y(a)).attr('y2', y(b)).attr('stroke', colour).attr('stroke-width', 1.5);
      for (const v of [a, b]) group.append('line').attr('class', 'ci-cap').attr('x1', px - 4).attr('x2', px + 4).attr('y1', y(v)).attr('y2', y(v)).attr('stroke', colour).attr('stroke-width', 1.5);
    }
    const v = ys[i];
    if (finite(v)) group.append('circle').attr('class', 'point').attr('cx', px).attr('cy', y(v)).attr('r', 3.5).attr('fill', colour).attr('data-x', xs[i]).attr('data-y', v);
  }
}
