// A plot's card on the page: heading, SVG / PNG download buttons, the figure and its tooltip.
import { el } from '../panels/dom.ts';
import { download, svgText, svgToPng } from '../plots/exportImage.ts';

export class PlotCard {
  readonly root: HTMLElement;
  readonly body: HTMLElement;
  readonly tooltip: HTMLElement;
  readonly note: HTMLElement;
  private svg: SVGSVGElement | null = null;
  /** SVG and PNG: usable only while a figure is shown (an empty card has nothing to download). */
  private readonly downloads: HTMLButtonElement[];

  constructor(readonly id: string, title: string, description: string) {
    this.tooltip = el('div', { class: 'tooltip', role: 'status', hidden: true });
    this.body = el('div', { class: 'plot-body' });
    this.note = el('p', { class: 'plot-note' });
    const svgButton = el('button', { type: 'button', class: 'small', 'data-export': `${id}-svg`, text: 'SVG', disabled: true });
    const pngButton = el('button', { type: 'button', class: 'small', 'data-export': `${id}-png`, text: 'PNG', disabled: true });
    this.downloads = [svgButton, pngButton];
    svgButton.addEventListener('click', () => this.svg && download(`queue-lab-${id}.svg`, svgText(this.svg), 'image/svg+xml'));
    pngButton.addEventListener('click', () => {
      if (this.svg) void svgToPng(this.svg).then((b) => download(`queue-lab-${id}.png`, b));
    });
    this.root = el(
      'section',
      { class: 'card plot', id: `plot-${id}`, 'aria-label': title },
      el('header', {}, el('h3', { text: title }), el('div', { class: 'actions', role: 'group', 'aria-label': `Download ${title}` }, svgButton, pngButton)),
      el('p', { class: 'plot-desc', text: description }),
      el('div', { class: 'plot-wrap' }, this.body, this.tooltip),
      this.note,
    );
  }

  get width(): number {
    return Math.max(320, Math.floor(this.body.clientWidth || 600));
  }

  show(svg: SVGSVGElement | null, note = ''): void {
    this.svg = svg;
    for (const b of this.downloads) b.disabled = svg === null;
    this.tooltip.hidden = true;
    this.body.replaceChildren(...(svg ? [svg] : [el('div', { class: 'empty', text: note || 'Nothing to show yet: press Run.' })]));
    this.note.textContent = svg ? note : '';
  }
}
