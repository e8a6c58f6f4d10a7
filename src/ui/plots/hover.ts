// Tooltips: a vertical rule at the pointer's x and a box listing each series' value there. The
// values come from the entries' own lookups (nearest given sample); nothing is computed here.
import { pointer, type Selection } from 'd3-selection';
import type { Scale } from './frame.ts';
import type { Theme } from './palette.ts';

export interface HoverEntry {
  label: string;
  colour: string;
  /** The value shown at x, or null when the series has none there. */
  at: (x: number) => number | null;
}

export function attachHover(
  target: Selection<SVGGElement, unknown, null, undefined>,
  rule: Selection<SVGGElement, unknown, null, undefined>,
  x: Scale,
  y: Scale,
  entries: HoverEntry[],
  tooltip: HTMLElement,
  theme: Theme,
  formatX: (x: number) => string,
  formatY: (y: number) => string,
): void {
  const [y0, y1] = y.range();
  const line = rule.append('line').attr('y1', y0).attr('y2', y1).attr('stroke', theme.muted).attr('stroke-width', 1).attr('visibility', 'hidden').attr('pointer-events', 'none');
  target
    .on('pointermove.hover', (event: PointerEvent) => {
      const [px, py] = pointer(event, target.node());
      const [r0, r1] = x.range();
      if (px < Math.min(r0, r1) || px > Math.max(r0, r1)) return;
      const xv = x.invert(px);
      line.attr('x1', px).attr('x2', px).attr('visibility', 'visible');
      const rows = entries
        .map((e) => ({ e, v: e.at(xv) }))
        .filter((r) => r.v !== null)
        .map(({ e, v }) => `<div><span class="sw" style="background:${e.colour}"></span>${escapeHtml(e.label)}: <b>${formatY(v!)}</b></div>`);
      tooltip.innerHTML = `<div class="tt-x">${escapeHtml(formatX(xv))}</div>${rows.join('')}`;
      tooltip.hidden = false;
      const box = (target.node()!.ownerSVGElement ?? target.node()!).getBoundingClientRect();
      const scale = box.width / (Number(target.node()!.ownerSVGElement?.getAttribute('width')) || box.width);
      const left = px * scale + 14;
      tooltip.style.left = `${left + tooltip.offsetWidth > box.width ? px * scale - tooltip.offsetWidth - 14 : left}px`;
      tooltip.style.top = `${Math.max(0, py * scale - 10)}px`;
    })
    .on('pointerleave.hover', () => {
      line.attr('visibility', 'hidden');
      tooltip.hidden = true;
    });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
