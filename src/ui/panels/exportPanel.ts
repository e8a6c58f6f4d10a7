// Export and share: the result JSON and series CSV exactly as `npm run sim -- FILE --fit --out
// R.json --csv S.csv` writes them (the worker made the texts), and a link that carries the scenario.
import { download } from '../plots/exportImage.ts';
import { el } from './dom.ts';

export class ExportPanel {
  readonly root: HTMLElement;
  private readonly jsonButton: HTMLButtonElement;
  private readonly csvButton: HTMLButtonElement;
  private readonly link: HTMLInputElement;
  private files: { json: string; csv: string; base: string } | null = null;

  constructor(shareUrl: () => string) {
    this.jsonButton = el('button', { type: 'button', id: 'export-json', text: 'Result JSON', disabled: true });
    this.csvButton = el('button', { type: 'button', id: 'export-csv', text: 'Series CSV', disabled: true });
    this.link = el('input', { id: 'share-link', type: 'text', readonly: true, 'aria-label': 'Link to this scenario' });
    const share = el('button', { type: 'button', id: 'share', text: 'Copy link' });
    this.jsonButton.addEventListener('click', () => this.files && download(`${this.files.base}.result.json`, this.files.json, 'application/json'));
    this.csvButton.addEventListener('click', () => this.files && download(`${this.files.base}.series.csv`, this.files.csv, 'text/csv'));
    share.addEventListener('click', () => {
      this.link.value = shareUrl();
      this.link.select();
      navigator.clipboard?.writeText(this.link.value).catch(() => undefined);
    });
    this.root = el(
      'div',
      { class: 'export' },
      el('div', { class: 'row', role: 'group', 'aria-label': 'Download results' }, this.jsonButton, this.csvButton, el('span', { class: 'hint', text: 'the same bytes as npm run sim -- FILE --fit --out R.json --csv S.csv' })),
      el('div', { class: 'row' }, share, this.link),
    );
  }

  setFiles(files: { json: string; csv: string } | null, name: string): void {
    const base = name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'scenario';
    this.files = files ? { ...files, base } : null;
    this.jsonButton.disabled = files === null;
    this.csvButton.disabled = files === null;
  }

  showLink(url: string): void {
    this.link.value = url;
  }
}
