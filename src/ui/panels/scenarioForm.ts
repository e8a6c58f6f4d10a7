// The form of common knobs, kept in sync with the JSON document both ways. Inputs are text
// inputs: what the user types goes into the JSON as a number when it reads as one, else as the
// text itself, so that the core's own message ("must be > 0 (got -2)") appears beside the field.
import type { ScenarioDoc, DocState } from '../app/scenarioDoc.ts';
import { DIST_PARAMS, FIELDS, fieldWrite, switchDist, type DistSwitch, type FieldDef, type Selection } from '../scenario/fields.ts';
import { getAt, parsePath, pathWithin } from '../scenario/paths.ts';
import { el, fill } from './dom.ts';

const GROUPS: { key: FieldDef['group']; title: string; list?: 'producers' | 'queues' | 'consumers' }[] = [
  { key: 'run', title: 'Run' },
  { key: 'producer', title: 'Producer', list: 'producers' },
  { key: 'queue', title: 'Queue', list: 'queues' },
  { key: 'consumer', title: 'Consumer', list: 'consumers' },
];

const SEL_KEY = { producers: 'producer', queues: 'queue', consumers: 'consumer' } as const;

/** Text typed into a number field -> the JSON value. */
export function readNumber(text: string, emptyIs: null | undefined): unknown {
  const s = text.trim();
  if (s === '') return emptyIs === null ? null : undefined;
  const x = Number(s);
  return Number.isFinite(x) ? x : s;
}

function readList(text: string): unknown {
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  const nums = parts.map(Number);
  return nums.every(Number.isFinite) ? nums : text;
}

function show(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.join(', ');
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export class ScenarioForm {
  readonly root: HTMLFormElement;
  private sel: Selection = { producer: 0, queue: 0, consumer: 0 };
  /** Structure the form was built for; rebuilt when it changes. */
  private shape = '';
  private inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  private errorSlots: { path: string; slot: HTMLElement; control: HTMLElement | null; exact?: boolean }[] = [];
  /** Per distribution field, the last switch: its mean is reused while the spec is untouched. */
  private switched = new Map<string, DistSwitch>();

  constructor(private readonly doc: ScenarioDoc) {
    this.root = el('form', { class: 'scenario-form', 'aria-label': 'Scenario form', novalidate: true });
    this.root.addEventListener('submit', (e) => e.preventDefault());
    doc.onChange((s) => this.update(s));
  }

  /** Focuses the form control for a problem path; false when the form has none. */
  focus(path: string): boolean {
    const hit = this.errorSlots.find((e) => pathWithin(path, e.path) && e.control);
    if (!hit?.control) return false;
    hit.control.focus();
    return true;
  }

  private shapeOf(value: unknown): string {
    const list = (k: string): unknown[] => {
      const v = getAt(value, [k]);
      return Array.isArray(v) ? v : [];
    };
    const len = (k: string) => list(k).length;
    const ids = (k: string) => JSON.stringify(list(k).map((x) => getAt(x, ['id'])));
    const dist = (p: string) => {
      const d = getAt(value, parsePath(p));
      return JSON.stringify(getAt(d, ['dist'])) + (getAt(d, ['mean']) !== undefined ? 'm' : '') + (getAt(value, parsePath(p.replace(/\.interarrival$/, '.rate'))) !== undefined ? 'tv' : '');
    };
    const s = this.sel;
    return [len('producers'), len('queues'), len('consumers'), ids('producers'), ids('queues'), ids('consumers'), s.producer, s.queue, s.consumer,
      dist(`producers[${s.producer}].interarrival`), dist(`consumers[${s.consumer}].service`)].join('|');
  }

  /** Never throws: a document the form cannot show leaves the JSON editor in charge. */
  private update(state: DocState): void {
    try {
      this.sync(state);
    } catch (err) {
      this.shape = '';
      fill(this.root, el('p', { class: 'hint', text: `The form cannot show this document (${err instanceof Error ? err.message : String(err)}); edit the JSON.` }));
    }
  }

  private sync(state: DocState): void {
    if (state.jsonError) {
      this.root.classList.add('disabled');
      this.root.querySelectorAll('input, select').forEach((c) => ((c as HTMLInputElement).disabled = true));
      this.showErrors([]);
      return;
    }
    this.root.classList.remove('disabled');
    const value = state.value;
    for (const [key, list] of Object.entries(SEL_KEY) as [keyof typeof SEL_KEY, keyof Selection][]) {
      const n = Array.isArray(getAt(value, [key])) ? (getAt(value, [key]) as unknown[]).length : 0;
      if (this.sel[list] >= n) this.sel[list] = Math.max(0, n - 1);
    }
    const shape = this.shapeOf(value);
    if (shape !== this.shape) this.build(value);
    this.shape = shape;
    for (const [path, input] of this.inputs) {
      input.disabled = false;
      if (document.activeElement === input) continue;
      input.value = show(getAt(value, parsePath(path)));
    }
    this.showErrors(state.problems);
  }

  private showErrors(problems: DocState['problems']): void {
    for (const { path, slot, control, exact } of this.errorSlots) {
      const mine = problems.filter((p) => (exact ? p.path === path || p.path === `${path}.dist` : pathWithin(p.path, path)));
      fill(slot, ...mine.map((p) => el('span', { text: p.path === path ? p.message : `${p.path.slice(path.length).replace(/^\./, '')}: ${p.message}` })));
      slot.hidden = mine.length === 0;
      if (control) {
        if (mine.length > 0) control.setAttribute('aria-invalid', 'true');
        else control.removeAttribute('aria-invalid');
      }
    }
  }

  private build(value: unknown): void {
    this.inputs.clear();
    this.errorSlots = [];
    const sections = GROUPS.map((g) => {
      const fs = el('fieldset', { class: `group group-${g.key}` });
      const legend = el('legend', {}, g.title);
      fs.append(legend);
      if (g.list) {
        const items = (getAt(value, [g.list]) as unknown[] | undefined) ?? [];
        if (!Array.isArray(items) || items.length === 0) {
          fs.append(el('p', { class: 'hint', text: `No ${g.list} yet: add them in the JSON.` }));
          return fs;
        }
        if (items.length > 1) {
          const key = SEL_KEY[g.list];
          const pick = el('select', { 'aria-label': `Which ${g.key}`, class: 'which', id: `pick-${g.key}` });
          items.forEach((it, i) => pick.append(el('option', { value: i, text: show(getAt(it, ['id'])) || `#${i + 1}` })));
          pick.value = String(this.sel[key]);
          pick.addEventListener('change', () => {
            this.sel[key] = Number(pick.value);
            this.shape = '';
            this.update(this.doc.state);
          });
          legend.append(' ', pick);
        } else {
          legend.append(el('span', { class: 'muted', text: ` ${show(getAt(items[0], ['id']))}` }));
        }
      }
      for (const f of FIELDS.filter((x) => x.group === g.key)) fs.append(this.field(f, value));
      return fs;
    });
    fill(this.root, ...sections);
  }

  private slot(path: string, control: HTMLElement | null): HTMLElement {
    const slot = el('div', { class: 'field-error', role: 'alert', 'data-error-for': path, hidden: true });
    this.errorSlots.push({ path, slot, control });
    return slot;
  }

  private field(f: FieldDef, value: unknown): HTMLElement {
    const path = f.path(this.sel);
    const id = `f-${f.id}`;
    const k = f.kind;
    if (k.kind === 'dist') return this.distField(f, path, value);
    let control: HTMLInputElement | HTMLSelectElement;
    if (k.kind === 'select') {
      control = el('select', { id, name: f.id, 'data-path': path });
      const current = show(getAt(value, parsePath(path)));
      const options = current !== '' && !k.options.includes(current) ? [...k.options, current] : k.options;
      control.append(el('option', { value: '', text: '(default)' }), ...options.map((o) => el('option', { value: o, text: o })));
      control.addEventListener('change', () => this.write(f, path, control.value === '' ? undefined : control.value));
    } else {
      control = el('input', { id, name: f.id, type: 'text', 'data-path': path, autocomplete: 'off', spellcheck: 'false' });
      if (k.kind !== 'text') control.inputMode = 'decimal';
      control.addEventListener('input', () => {
        const text = control.value;
        if (k.kind === 'text') this.doc.setField(path, text);
        else if (k.kind === 'warmup') this.doc.setField(path, text.trim() === 'auto' ? 'auto' : readNumber(text, undefined));
        else this.write(f, path, readNumber(text, k.emptyIs));
      });
    }
    this.inputs.set(path, control);
    const unit = 'unit' in k && k.unit ? el('span', { class: 'unit', text: k.unit }) : null;
    return el(
      'div',
      { class: 'field', 'data-field': f.id },
      el('label', { for: id, text: f.label }),
      el('div', { class: 'control' }, control, unit),
      f.hint ? el('div', { class: 'hint', text: f.hint }) : null,
      this.slot(path, control),
    );
  }

  private write(f: FieldDef, path: string, value: unknown): void {
    const w = fieldWrite(this.doc.state.value, f, path, value);
    this.doc.setField(w.path, w.value);
  }

  private distField(f: FieldDef, path: string, value: unknown): HTMLElement {
    const spec = getAt(value, parsePath(path));
    const wrap = el('div', { class: 'field dist', 'data-field': f.id });
    const id = `f-${f.id}`;
    if (spec === undefined && f.id === 'interarrival') {
      const rate = getAt(value, parsePath(path.replace(/\.interarrival$/, '.rate')));
      if (rate !== undefined) {
        wrap.append(el('label', { text: f.label }), el('div', { class: 'hint', text: 'time-varying Poisson rate: edit "rate" in the JSON' }), this.slot(path.replace(/\.interarrival$/, '.rate'), null));
        return wrap;
      }
    }
    const kind = show(getAt(spec, ['dist']));
    const pick = el('select', { id, name: f.id, 'data-path': `${path}.dist` });
    const names = Object.keys(DIST_PARAMS);
    pick.append(...(names.includes(kind) ? names : [kind, ...names]).map((o) => el('option', { value: o, text: o || '(none)' })));
    pick.value = kind;
    pick.addEventListener('change', () => {
      const next = switchDist(getAt(this.doc.state.value, parsePath(path)), pick.value, this.switched.get(path));
      this.switched.set(path, next);
      this.doc.setField(path, next.spec);
    });
    wrap.append(el('label', { for: id, text: f.label }), el('div', { class: 'control' }, pick));
    const params = DIST_PARAMS[kind] ?? [];
    const usesMean = kind === 'exponential' && getAt(spec, ['mean']) !== undefined;
    for (const p of usesMean ? [{ name: 'mean', unit: 's' }] : params) {
      const ppath = `${path}.${p.name}`;
      const pid = `${id}-${p.name}`;
      const input = el('input', { id: pid, type: 'text', inputmode: 'decimal', 'data-path': ppath, autocomplete: 'off' });
      input.addEventListener('input', () => this.doc.setField(ppath, 'list' in p && p.list ? readList(input.value) : readNumber(input.value, undefined)));
      this.inputs.set(ppath, input);
      wrap.append(
        el('div', { class: 'param' }, el('label', { for: pid, text: p.name }), el('div', { class: 'control' }, input, p.unit ? el('span', { class: 'unit', text: p.unit }) : null)),
        this.slot(ppath, input),
      );
    }
    // Problems about the distribution as a whole (e.g. "exponential needs exactly one of ...").
    wrap.append(this.slotExact(path, pick));
    return wrap;
  }

  /** An error slot for problems at exactly `path` or its `dist` (its params have their own). */
  private slotExact(path: string, control: HTMLElement): HTMLElement {
    const slot = el('div', { class: 'field-error', role: 'alert', 'data-error-for': path, hidden: true });
    this.errorSlots.push({ path, slot, control, exact: true });
    return slot;
  }
}
