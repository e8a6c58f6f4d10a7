// The Sweep card: a parameter of the scenario (picked or typed), its values, replications per
// point and a metric, checked as they are typed (Run sweep is disabled while any is wrong); the
// sweep runs in its own worker with a progress bar and Cancel, and ends in the metric-vs-parameter
// plot and the sweep's JSON and CSV, the same bytes as `npm run sweep` writes.
import type { SweepResult } from '../../models/sweep/result.ts';
import type { TheoryCurves } from '../../models/sweep/theoryCurve.ts';
import type { DocState, ScenarioDoc } from '../app/scenarioDoc.ts';
import { el } from '../panels/dom.ts';
import { messagesStatus } from '../panels/messageRate.ts';
import { download } from '../plots/exportImage.ts';
import { renderFigure } from '../plots/figure.ts';
import { currentTheme } from '../plots/palette.ts';
import { SweepClient } from '../run/sweepClient.ts';
import { num } from '../views/common.ts';
import { PlotCard } from '../views/plotCard.ts';
import { sweepSpec } from '../views/sweepPlot.ts';
import type { FromSweepWorker } from '../worker/sweepProtocol.ts';
import { followSuggestion, paramChoices, paramUnit, suggestValues, type ParamChoice } from './paramChoices.ts';
import { readSweepInputs, type SweepField, type SweepInputs } from './sweepInputs.ts';
import { metricChoices, metricPoints } from './sweepMetrics.ts';

const CUSTOM = '';
/** Inputs are checked this long after the last keystroke (each check runs the schema at every point). */
const CHECK_DELAY_MS = 150;

interface Finished {
  result: SweepResult;
  json: string;
  csv: string;
  curves: TheoryCurves;
  command: string;
}

export class SweepPanel {
  readonly root: HTMLElement;
  private readonly pick = el('select', { id: 'sweep-param-pick', 'aria-label': 'Common parameters' });
  private readonly param = el('input', { id: 'sweep-param', type: 'text', spellcheck: 'false', placeholder: 'producers[0].interarrival.rate' });
  private readonly values = el('input', { id: 'sweep-values', type: 'text', spellcheck: 'false', placeholder: 'A:B:STEP or v1,v2,…' });
  /** The values last filled in for the user (kept in step with the scenario until they edit them). */
  private suggested = '';
  private readonly replications = el('input', { id: 'sweep-replications', type: 'number', min: 2, step: 1, value: '5' });
  private readonly metric = el('select', { id: 'sweep-metric' });
  private readonly runButton = el('button', { type: 'button', id: 'sweep-run', class: 'primary', text: 'Run sweep' });
  private readonly cancelButton = el('button', { type: 'button', id: 'sweep-cancel', text: 'Cancel', disabled: true });
  private readonly progress = el('progress', { id: 'sweep-progress', max: 1, value: 0, 'aria-label': 'Sweep progress' });
  private readonly status = el('span', { id: 'sweep-status', class: 'status', role: 'status', 'aria-live': 'polite', text: 'Ready.' });
  private readonly problems = el('ul', { class: 'problems', id: 'sweep-problems' });
  private readonly errors = new Map<SweepField, HTMLElement>();
  private readonly plot = new PlotCard('sweep', 'Metric against parameter', 'Each point: the simulated mean over its replications with its 95% CI bar; the dashed curve: theory, where a model applies.');
  private readonly warnings = el('ul', { class: 'warnings', id: 'sweep-warnings' });
  private readonly jsonButton = el('button', { type: 'button', id: 'sweep-export-json', text: 'Sweep JSON', disabled: true });
  private readonly csvButton = el('button', { type: 'button', id: 'sweep-export-csv', text: 'Sweep CSV', disabled: true });
  private readonly command = el('code', { id: 'sweep-command', class: 'command' });
  private readonly client = new SweepClient((m) => this.onWorker(m));
  private choices: ParamChoice[] = [];
  private inputs: SweepInputs | null = null;
  private finished: Finished | null = null;
  /** The CLI command of the sweep running (shown with its files when it finishes). */
  private pending = { command: '' };
  private running = false;
  /** Whether a sweep was started (until then the status says whether the inputs are ready). */
  private ran = false;
  private checkTimer = 0;
  private width = 600;

  constructor(private readonly doc: ScenarioDoc) {
    const field = (id: string, label: string, name: SweepField, ...controls: Node[]) => {
      const error = el('div', { class: 'field-error', 'data-error-for': id, id: `${id}-error` });
      this.errors.set(name, error);
      return el('div', { class: 'field' }, el('label', { for: id, text: label }), el('div', { class: 'control' }, ...controls), error);
    };
    this.root = el(
      'section',
      { class: 'card sweep', id: 'sweep-card', 'aria-label': 'Sweep' },
      el('h2', { text: 'Sweep: a metric against a parameter' }),
      el('p', { class: 'hint', text: 'Runs the scenario above at each value of one parameter (its seed and horizon; replications per point as set here) in a worker, and plots one summary figure with its 95% CI beside theory.' }),
      el(
        'div',
        { class: 'sweep-form' },
        field('sweep-param', 'Parameter', 'param', this.pick, this.param),
        field('sweep-values', 'Values', 'values', this.values),
        field('sweep-replications', 'Replications', 'replications', this.replications, el('span', { class: 'unit', text: 'per point' })),
        field('sweep-metric', 'Metric', 'metric', this.metric),
      ),
      el('div', { class: 'controls', role: 'toolbar', 'aria-label': 'Sweep controls' }, this.runButton, this.cancelButton, el('div', { class: 'progress-wrap' }, this.progress, this.status)),
      this.problems,
      this.plot.root,
      this.warnings,
      el('div', { class: 'export row', role: 'group', 'aria-label': 'Download the sweep' }, this.jsonButton, this.csvButton, el('span', { class: 'hint', text: 'the same bytes as' }), this.command),
    );
    this.errors.set('general', this.problems);
    this.pick.addEventListener('change', () => {
      const c = this.choices.find((x) => x.path === this.pick.value);
      if (c) {
        this.param.value = c.path;
        this.values.value = this.suggested = suggestValues(c);
      }
      this.check(true);
    });
    for (const input of [this.param, this.values, this.replications]) input.addEventListener('input', () => this.check(false));
    this.param.addEventListener('input', () => (this.pick.value = this.choices.some((c) => c.path === this.param.value.trim()) ? this.param.value.trim() : CUSTOM));
    this.metric.addEventListener('change', () => {
      this.check(true);
      this.draw();
    });
    this.runButton.addEventListener('click', () => this.start());
    this.cancelButton.addEventListener('click', () => this.cancel());
    this.jsonButton.addEventListener('click', () => this.finished && download(`${this.fileBase()}.sweep.json`, this.finished.json, 'application/json'));
    this.csvButton.addEventListener('click', () => this.finished && download(`${this.fileBase()}.sweep.csv`, this.finished.csv, 'text/csv'));
    new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (w > 0 && w !== this.width) {
        this.width = w;
        this.draw();
      }
    }).observe(this.plot.body);
    window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener?.('change', () => this.draw());
    doc.onChange((s) => this.scenarioChanged(s));
    this.scenarioChanged(doc.state);
    this.plot.show(null, 'Nothing to show yet: choose a parameter and its values, then Run sweep.');
    this.setExports();
  }

  /** Fills the inputs (a lesson's sweep, say); they are checked as if typed. */
  prefill(path: string, values: string, replications: number, metric: string): void {
    this.param.value = path;
    this.pick.value = this.choices.some((c) => c.path === path) ? path : CUSTOM;
    this.values.value = values;
    this.replications.value = String(replications);
    if ([...this.metric.options].some((o) => o.value === metric)) this.metric.value = metric;
    this.check(true);
  }

  /** The pickers follow the scenario: its parameters and metrics; a choice still there is kept. */
  private scenarioChanged(s: DocState): void {
    const scenario = s.check?.ok ? s.check.scenario : null;
    if (scenario) {
      this.choices = paramChoices(s.value, scenario);
      this.pick.replaceChildren(el('option', { value: CUSTOM, text: '(a path of your own)' }), ...this.choices.map((c) => el('option', { value: c.path, text: c.label })));
      const metrics = metricChoices(scenario);
      const keep = this.metric.value;
      this.metric.replaceChildren(...metrics.map((m) => el('option', { value: m.path, text: `${m.label} — ${m.path}` })));
      if (metrics.some((m) => m.path === keep)) this.metric.value = keep;
      if (this.param.value.trim() === '' && this.choices[0]) {
        this.param.value = this.choices[0].path;
        this.values.value = this.suggested = suggestValues(this.choices[0]);
      } else {
        const next = followSuggestion(this.values.value, this.suggested, this.choices.find((c) => c.path === this.param.value.trim()));
        if (next !== this.values.value) this.values.value = this.suggested = next;
      }
      this.pick.value = this.choices.some((c) => c.path === this.param.value.trim()) ? this.param.value.trim() : CUSTOM;
    }
    this.check(false);
  }

  /** Checks the inputs now, or shortly (typing). */
  private check(now: boolean): void {
    clearTimeout(this.checkTimer);
    this.runButton.disabled = true;
    if (now) this.checkNow();
    else this.checkTimer = window.setTimeout(() => this.checkNow(), CHECK_DELAY_MS);
  }

  private checkNow(): void {
    const s = this.doc.state;
    this.inputs = readSweepInputs(
      { param: this.param.value, values: this.values.value, replications: this.replications.value, metric: this.metric.value },
      s.check?.ok ? s.value : undefined,
    );
    const problems = this.inputs.ok ? [] : this.inputs.problems;
    for (const [field, box] of this.errors) {
      const mine = problems.filter((p) => p.field === field);
      box.replaceChildren(...mine.map((p) => el(field === 'general' ? 'li' : 'span', { class: field === 'general' ? 'problem' : '', text: p.message })));
    }
    const inputOf: Partial<Record<SweepField, HTMLElement>> = { param: this.param, values: this.values, replications: this.replications, metric: this.metric };
    for (const [field, input] of Object.entries(inputOf)) {
      const bad = problems.some((p) => p.field === field);
      input.setAttribute('aria-invalid', String(bad));
      if (bad) input.setAttribute('aria-describedby', `${input.id}-error`);
    }
    this.runButton.disabled = !this.inputs.ok || this.running;
    if (!this.running && !this.ran) this.status.textContent = this.inputs.ok ? 'Ready.' : 'Fix the problems shown to run the sweep.';
    this.runButton.title = this.inputs.ok ? 'Run the sweep' : 'Fix the sweep’s inputs first';
  }

  private start(): void {
    this.checkNow();
    const inputs = this.inputs;
    if (!inputs?.ok) return;
    this.running = true;
    this.ran = true;
    this.finished = null;
    this.pending = { command: cliCommand(inputs.param.path, this.values.value.trim(), this.replications.value.trim()) };
    this.setExports();
    this.runButton.disabled = true;
    this.cancelButton.disabled = false;
    this.progress.value = 0;
    this.status.textContent = `Starting: ${inputs.points.length} points × ${this.replications.value.trim()} replications…`;
    this.client.start(inputs.base, inputs.param);
  }

  private cancel(): void {
    this.client.stop();
    this.stopped('Cancelled.');
    this.progress.value = 0;
  }

  private stopped(text: string): void {
    this.running = false;
    this.cancelButton.disabled = true;
    this.status.textContent = text;
    this.checkNow();
  }

  private onWorker(m: FromSweepWorker): void {
    switch (m.type) {
      case 'progress': {
        const p = m.progress;
        this.progress.value = p.fraction;
        const rate = p.elapsedMs > 0 ? (p.messages * 1000) / p.elapsedMs : 0;
        this.status.textContent = `Running: ${p.done}/${p.jobs} replications, ${messagesStatus(p.messages, p.elapsedMs > 0 ? rate : null)}.`;
        return;
      }
      case 'finished': {
        this.finished = { result: m.result, json: m.json, csv: m.csv, curves: m.curves, command: this.pending.command };
        this.progress.value = 1;
        const r = m.result;
        const rate = m.simulatingMs > 0 ? (m.messages * 1000) / m.simulatingMs : 0;
        this.stopped(
          `Finished in ${(m.elapsedMs / 1000).toFixed(2)} s: ${r.sweep.points} points × ${r.points[0]?.summary.replications ?? 0} replications, ${messagesStatus(m.messages, m.simulatingMs > 0 ? rate : null)}.`,
        );
        this.addClassMetrics(r);
        this.setExports();
        this.draw();
        return;
      }
      case 'error':
        this.stopped(`Error: the sweep stopped (${m.message.split('\n')[0]}).`);
        this.problems.append(...m.message.split('\n').map((line) => el('li', { class: 'problem', text: line })));
        return;
    }
  }

  /** Priority classes are known once a sweep has run: their metrics join the list. */
  private addClassMetrics(result: SweepResult): void {
    const first = result.points[0];
    if (!first) return;
    const have = new Set([...this.metric.options].map((o) => o.value));
    for (const m of metricChoices(first.scenario, first.summary)) {
      if (!have.has(m.path)) this.metric.append(el('option', { value: m.path, text: `${m.label} — ${m.path}` }));
    }
  }

  private setExports(): void {
    const f = this.finished;
    this.jsonButton.disabled = f === null;
    this.csvButton.disabled = f === null;
    this.command.textContent = f ? f.command : 'npm run sweep -- FILE --param PATH --values V --replications N --out S.json --csv S.csv';
  }

  private fileBase(): string {
    const name = this.finished?.result.points[0]?.scenario.name ?? 'scenario';
    return name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'scenario';
  }

  /** The plot of the last sweep for the chosen metric. */
  private draw(): void {
    const f = this.finished;
    this.warnings.replaceChildren();
    if (!f || f.result.points.length === 0) return;
    const result = f.result;
    const metric = this.metric.value;
    const param = result.sweep.params[0].path;
    const choices = metricChoices(result.points[0].scenario, result.points[0].summary);
    const choice = choices.find((c) => c.path === metric);
    const pts = metricPoints(result, metric);
    if (pts.mean.every((v) => v === null)) {
      this.plot.show(null, `The sweep has no figure ${metric}: choose another metric.`);
      return;
    }
    const labels = { param, paramUnit: paramUnit(param, this.choices), metric, metricUnit: choice?.unit ?? '', replications: result.points[0].summary.replications, model: pts.models.join(', ') || null };
    const spec = sweepSpec(pts, f.curves, labels, Math.max(320, this.width), currentTheme());
    const note = pts.theoryColumn && pts.theory.some((v) => v !== null) ? '' : 'No theory curve: no model gives this figure for this scenario.';
    this.plot.show(renderFigure(spec, this.plot.tooltip), note);
    const lines = result.points.flatMap((p) => p.warnings.map((w) => `at ${param} = ${num(Number(p.values[param]))}: ${w}`));
    this.warnings.replaceChildren(...lines.map((w) => el('li', { text: w })));
  }
}

/** The `npm run sweep` command that writes the same files (the scenario saved as scenario.json). */
function cliCommand(path: string, values: string, replications: string): string {
  const q = (s: string) => (/^[\w.:,/-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  return `npm run sweep -- scenario.json --param ${q(path)} --values ${q(values)} --replications ${q(replications)} --out S.json --csv S.csv`;
}
