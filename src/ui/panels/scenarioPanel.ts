// The scenario panel: preset picker, the form, the JSON editor and the list of problems.
import type { DocState, ScenarioDoc } from '../app/scenarioDoc.ts';
import { presets } from '../scenario/presets.ts';
import { el } from './dom.ts';
import { renderProblems } from './problemList.ts';
import { ScenarioForm } from './scenarioForm.ts';

export class ScenarioPanel {
  readonly root: HTMLElement;
  readonly picker: HTMLSelectElement;
  readonly editor: HTMLTextAreaElement;
  readonly banner: HTMLElement;
  private readonly problems: HTMLUListElement;
  private readonly jsonStatus: HTMLElement;
  private readonly form: ScenarioForm;

  constructor(private readonly doc: ScenarioDoc) {
    this.picker = el('select', { id: 'preset' });
    this.picker.append(el('option', { value: '', text: '(edited scenario)' }), ...presets.map((p) => el('option', { value: p.file, text: `${p.title} — ${p.file}` })));
    this.picker.addEventListener('change', () => {
      const p = presets.find((x) => x.file === this.picker.value);
      if (p) this.doc.setText(p.text, 'load');
    });
    this.banner = el('div', { class: 'banner error', id: 'banner', role: 'alert', hidden: true });
    this.form = new ScenarioForm(doc);
    this.editor = el('textarea', { id: 'json', spellcheck: 'false', autocomplete: 'off', rows: 18, 'aria-describedby': 'problems', 'aria-label': 'Scenario JSON' });
    this.editor.addEventListener('input', () => {
      this.picker.value = '';
      this.doc.setText(this.editor.value, 'editor');
    });
    this.jsonStatus = el('span', { class: 'json-status', id: 'json-status' });
    this.problems = el('ul', { class: 'problems', id: 'problems', 'aria-live': 'polite' });
    this.root = el(
      'aside',
      { class: 'scenario-panel', 'aria-label': 'Scenario' },
      el('h2', { text: 'Scenario' }),
      el('div', { class: 'field' }, el('label', { for: 'preset', text: 'Preset' }), this.picker),
      this.banner,
      this.form.root,
      el('div', { class: 'editor-head' }, el('label', { for: 'json', text: 'JSON' }), this.jsonStatus),
      this.editor,
      el('h3', { class: 'problems-title', text: 'Problems' }),
      this.problems,
    );
    doc.onChange((s, source) => this.update(s, source));
  }

  private update(s: DocState, source: string): void {
    if (source !== 'editor' && this.editor.value !== s.text) this.editor.value = s.text;
    if (source === 'form') this.picker.value = '';
    this.editor.setAttribute('aria-invalid', s.problems.length > 0 ? 'true' : 'false');
    this.jsonStatus.textContent = s.jsonError ? 'not valid JSON' : s.check?.ok ? 'valid' : `${s.problems.length} problem${s.problems.length === 1 ? '' : 's'}`;
    this.jsonStatus.className = `json-status ${s.check?.ok ? 'ok' : 'bad'}`;
    renderProblems(this.problems, s.problems, (path) => this.focusPath(path, s));
  }

  /** Focuses the form field of a problem, else puts the editor's caret where the JSON breaks. */
  private focusPath(path: string, s: DocState): boolean {
    if (this.form.focus(path)) return true;
    this.editor.focus();
    if (s.jsonError?.line) {
      const lines = s.text.split('\n');
      const pos = lines.slice(0, s.jsonError.line - 1).reduce((a, l) => a + l.length + 1, 0) + (s.jsonError.column ?? 1) - 1;
      this.editor.setSelectionRange(pos, pos);
    }
    return true;
  }

  showBanner(message: string | null): void {
    this.banner.textContent = message ?? '';
    this.banner.hidden = message === null;
  }

  selectPreset(file: string): void {
    this.picker.value = file;
  }
}
