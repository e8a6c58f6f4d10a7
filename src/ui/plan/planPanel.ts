// The Plan card: goal seeking in the lab, as `npm run plan` does it. A parameter of the scenario
// (picked from the common ones or typed as a path), a target on a summary metric (its path, < or
// >, a threshold), an optional range and the replications per tried value; the seek runs in its
// own worker (theory first, then simulation) with a progress bar for the value being simulated,
// and every tried value appears as it comes in, with its 95% interval and theory, then the answer
// and the plan's JSON.
import type { DocState, ScenarioDoc } from '../app/scenarioDoc.ts';
import type { Tried } from '../../models/plan/evidence.ts';
import type { PlanResult } from '../../models/plan/plan.ts';
import { el } from '../panels/dom.ts';
import { download } from '../plots/exportImage.ts';
import { PlanClient } from '../run/planClient.ts';
import { paramChoices } from '../sweep/paramChoices.ts';
import { metricChoices } from '../sweep/sweepMetrics.ts';
import { num } from '../views/common.ts';
import type { FromPlanWorker } from '../worker/planProtocol.ts';
import { readPlanInputs, type PlanField, type PlanInputs } from './planInputs.ts';

const CUSTOM = '';

export class PlanPanel {
  readonly root: HTMLElement;
  private readonly vary = el('input', { id: 'plan-vary', type: 'text', spellcheck: 'false', value: 'consumers[0].count' });
  private readonly pick = el('select', { id: 'plan-vary-pick', 'aria-label': 'Common parameters' });
  private readonly metric = el('input', { id: 'plan-metric', type: 'text', spellcheck: 'false', list: 'plan-metrics', value: 'summary.messages.endToEnd.p99', 'aria-label': 'Target metric' });
  private readonly metrics = el('datalist', { id: 'plan-metrics' });
  private readonly op = el('select', { id: 'plan-op', 'aria-label': 'Comparison' }, ...['<', '<=', '>', '>='].map((o) => el('option', { value: o, text: o })));
  private readonly threshold = el('input', { id: 'plan-threshold', type: 'text', inputmode: 'decimal', value: '2', 'aria-label': 'Threshold' });
  private readonly progress = el('progress', { id: 'plan-progress', max: 1, value: 0, 'aria-label': 'Progress of the value being simulated' });
  private readonly min = el('input', { id: 'plan-min', type: 'text', placeholder: 'default' });
  private readonly max = el('input', { id: 'plan-max', type: 'text', placeholder: 'default', 'aria-label': 'Range: largest value' });
  private readonly replications = el('input', { id: 'plan-replications', type: 'number', min: 2, step: 1, value: '5' });
  private readonly runButton = el('button', { type: 'button', id: 'plan-run', class: 'primary', text: 'Find the value' });
  private readonly cancelButton = el('button', { type: 'button', id: 'plan-cancel', text: 'Cancel', disabled: true });
  private readonly status = el('span', { id: 'plan-status', class: 'status', role: 'status', 'aria-live': 'polite', text: 'Ready.' });
  private readonly problems = el('ul', { class: 'problems', id: 'plan-problems' });
  /** Each field's problems, shown under it. */
  private readonly slots: Record<Exclude<PlanField, 'general'>, HTMLElement> = {
    vary: el('div', { class: 'field-error', role: 'alert', 'data-error-for': 'plan-vary', hidden: true }),
    target: el('div', { class: 'field-error', role: 'alert', 'data-error-for': 'plan-target', hidden: true }),
    range: el('div', { class: 'field-error', role: 'alert', 'data-error-for': 'plan-range', hidden: true }),
    replications: el('div', { class: 'field-error', role: 'alert', 'data-error-for': 'plan-replications', hidden: true }),
  };
  private readonly table = el('div', { id: 'plan-tried' });
  private readonly answer = el('p', { id: 'plan-answer', class: 'answer' });
  private readonly jsonButton = el('button', { type: 'button', id: 'plan-export-json', text: 'Plan JSON', disabled: true });
  private readonly command = el('code', { id: 'plan-command', class: 'command' });
  private readonly client = new PlanClient((m) => this.onWorker(m));
  private tried: Tried[] = [];
  private json: string | null = null;

  constructor(private readonly doc: ScenarioDoc) {
    const field = (id: string, label: string, slot: Exclude<PlanField, 'general'>, ...controls: Node[]) =>
      el('div', { class: 'field' }, el('label', { for: id, text: label }), el('div', { class: 'control' }, ...controls), this.slots[slot]);
    this.root = el(
      'section',
      { class: 'card plan', id: 'plan-card', 'aria-label': 'Plan' },
      el('h2', { text: 'Plan: the value that meets a target' }),
      el('p', {
        class: 'hint',
        text: 'Finds the least value of a parameter (or the largest, when smaller is better) whose simulated metric meets the target with 95% confidence: the whole interval on the right side. Theory gives the first guess where a model applies; simulation confirms it.',
      }),
      el(
        'div',
        { class: 'sweep-form' },
        field('plan-vary', 'Parameter', 'vary', this.pick, this.vary),
        field('plan-metric', 'Target', 'target', this.metric, this.metrics, this.op, this.threshold),
        field('plan-min', 'Range', 'range', this.min, el('span', { class: 'unit', text: 'to' }), this.max),
        field('plan-replications', 'Replications', 'replications', this.replications, el('span', { class: 'unit', text: 'per value' })),
      ),
      el('div', { class: 'controls', role: 'toolbar', 'aria-label': 'Plan controls' }, this.runButton, this.cancelButton, el('div', { class: 'progress-wrap' }, this.progress, this.status)),
      this.problems,
      this.table,
      this.answer,
      el('div', { class: 'export row', role: 'group', 'aria-label': 'Download the plan' }, this.jsonButton, el('span', { class: 'hint', text: 'the same bytes as' }), this.command),
    );
    this.runButton.addEventListener('click', () => this.start());
    for (const input of [this.vary, this.metric, this.threshold, this.min, this.max, this.replications]) input.addEventListener('input', () => this.check());
    this.pick.addEventListener('change', () => {
      if (this.pick.value !== CUSTOM) this.vary.value = this.pick.value;
      this.check();
    });
    this.vary.addEventListener('input', () => this.syncPick());
    this.cancelButton.addEventListener('click', () => {
      this.client.stop();
      this.stopped('Cancelled.');
    });
    this.jsonButton.addEventListener('click', () => this.json && download('plan.json', this.json, 'application/json'));
    doc.onChange((s) => {
      this.scenarioChanged(s);
      this.check();
    });
    this.scenarioChanged(doc.state);
    this.check();
    this.command.textContent = 'npm run plan -- FILE --vary PATH --target "METRIC < X" --json';
  }

  /** The pickers follow the scenario: its common parameters, and its metrics for the target. */
  private scenarioChanged(s: DocState): void {
    const scenario = s.check?.ok ? s.check.scenario : null;
    if (!scenario) return;
    const choices = paramChoices(s.value, scenario);
    this.pick.replaceChildren(el('option', { value: CUSTOM, text: '(a path of your own)' }), ...choices.map((c) => el('option', { value: c.path, text: c.label })));
    // End-to-end percentiles have no CI in the summary: the plan reads them per replication.
    const ends = ['p99', 'p95', 'p50', 'mean'].map((k) => ({ path: `summary.messages.endToEnd.${k}`, label: `end-to-end ${k}` }));
    this.metrics.replaceChildren(...[...ends, ...metricChoices(scenario)].map((m) => el('option', { value: m.path, text: m.label })));
    this.syncPick();
  }

  private syncPick(): void {
    const path = this.vary.value.trim();
    this.pick.value = [...this.pick.options].some((o) => o.value === path) ? path : CUSTOM;
  }

  /** The target as `npm run plan --target` takes it. */
  private targetText(): string {
    return `${this.metric.value.trim()} ${this.op.value} ${this.threshold.value.trim()}`;
  }

  private read(): PlanInputs {
    const value = (i: HTMLInputElement) => i.value;
    return readPlanInputs(
      { vary: value(this.vary), metric: value(this.metric), threshold: value(this.threshold), min: value(this.min), max: value(this.max), replications: value(this.replications) },
      this.doc.valid,
    );
  }

  /** Problems at their fields, live; Run waits until there are none (and while a seek goes). */
  private check(): PlanInputs {
    const inputs = this.read();
    const problems = inputs.ok ? [] : inputs.problems;
    for (const [field, slot] of Object.entries(this.slots) as [PlanField, HTMLElement][]) {
      const mine = problems.filter((p) => p.field === field);
      slot.replaceChildren(...mine.map((p) => el('span', { text: p.message })));
      slot.hidden = mine.length === 0;
    }
    const invalid: [HTMLInputElement, boolean][] = [
      [this.vary, problems.some((p) => p.field === 'vary')],
      [this.metric, problems.some((p) => p.message.startsWith('target'))],
      [this.threshold, problems.some((p) => p.message.startsWith('threshold'))],
      [this.min, problems.some((p) => p.message.startsWith('range from') || p.message.startsWith('range:'))],
      [this.max, problems.some((p) => p.message.startsWith('range to') || p.message.startsWith('range:'))],
      [this.replications, problems.some((p) => p.field === 'replications')],
    ];
    for (const [input, bad] of invalid) input.setAttribute('aria-invalid', String(bad));
    this.problems.replaceChildren(...problems.filter((p) => p.field === 'general').map((p) => el('li', { class: 'problem', text: p.message })));
    this.runButton.disabled = !inputs.ok || !this.cancelButton.disabled;
    return inputs;
  }

  private start(): void {
    const inputs = this.check();
    if (!inputs.ok) return;
    const { replications: reps, min, max } = inputs;
    const base = { ...(this.doc.state.value as Record<string, unknown>), replications: reps };
    this.tried = [];
    this.json = null;
    this.jsonButton.disabled = true;
    this.answer.textContent = '';
    this.render();
    this.progress.value = 0;
    this.runButton.disabled = true;
    this.cancelButton.disabled = false;
    this.status.textContent = 'Running: theory first, then simulation…';
    const q = (s: string) => (/^[\w.:,/-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
    const range = `${min === undefined ? '' : ` --min ${min}`}${max === undefined ? '' : ` --max ${max}`}`;
    this.command.textContent = `npm run -s plan -- scenario.json --vary ${q(this.vary.value.trim())} --target ${q(this.targetText())}${range} --replications ${reps} --json`;
    this.client.start({ base, vary: this.vary.value.trim(), target: this.targetText(), min, max });
  }

  private stopped(text: string): void {
    this.cancelButton.disabled = true;
    this.check();
    this.status.textContent = text;
  }

  private onWorker(m: FromPlanWorker): void {
    if (m.type === 'progress') {
      this.progress.value = m.fraction;
    } else if (m.type === 'tried') {
      this.tried.push(m.tried);
      this.progress.value = 0;
      this.status.textContent = `Running: ${this.tried.length} value${this.tried.length > 1 ? 's' : ''} simulated…`;
      this.render();
    } else if (m.type === 'finished') {
      this.tried = m.result.tried;
      this.render();
      this.answer.textContent = answerText(m.result);
      this.json = m.json;
      this.jsonButton.disabled = false;
      this.progress.value = 1;
      this.stopped(`Finished in ${(m.elapsedMs / 1000).toFixed(2)} s: ${m.result.tried.length} values simulated.`);
    } else {
      this.problems.replaceChildren(...m.lines.map((line) => el('li', { class: 'problem', text: line })));
      this.stopped('Error: see the problems above.');
    }
  }

  private render(): void {
    if (this.tried.length === 0) {
      this.table.replaceChildren();
      return;
    }
    const head = el('tr', {}, ...['value', 'metric (sim)', '95% CI', 'theory', 'meets'].map((h) => el('th', { scope: 'col', text: h })));
    const rows = [...this.tried]
      .sort((a, b) => a.value - b.value)
      .map((t) =>
        el(
          'tr',
          { 'data-value': String(t.value) },
          el('td', { class: 'num', text: String(t.value) }),
          el('td', { class: 'num', text: t.metric.mean === null ? '–' : num(t.metric.mean) }),
          el('td', { class: 'num', text: t.metric.ci95 ? `[${num(t.metric.ci95[0])}, ${num(t.metric.ci95[1])}]` : '–' }),
          el('td', { class: 'num', text: t.theory === null ? '–' : Number.isFinite(t.theory) ? num(t.theory) : 'unstable' }),
          el('td', { class: `verdict ${t.meets ? 'in' : 'out'}`, text: t.meets ? '✓ yes' : '✗ no' }),
        ),
      );
    this.table.replaceChildren(el('table', { class: 'summary' }, el('thead', {}, head), el('tbody', {}, ...rows)));
  }
}

function answerText(r: PlanResult): string {
  const theory =
    r.theory === null ? ' No model gives this metric: simulation only.' : r.theory.value === null ? ` Theory: ${r.theory.note.replace(/^theory: /, '')}.` : ` Theory's answer: ${r.theory.value}.`;
  if (r.value === null) return `No value in [${r.range.min}, ${r.range.max}] meets the target: ${r.reason}.${theory}`;
  return `Answer: ${r.vary} = ${r.value}${r.converged ? '' : ' (the probe budget ran out before the bracket closed)'}.${theory}`;
}
