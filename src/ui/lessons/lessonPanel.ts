// A lesson beside the plots: its list (a menu in the header), and the open lesson: the text with
// its formulas, which of its scenarios is on the scenario panel, the learner's predictions (kept
// per lesson in localStorage), and after a run the check table. The worker evaluates the checks
// (src/ui/worker/lessonObserver.ts); this panel only decides which lesson point a run is, and
// shows what comes back. The Markdown + KaTeX renderer is loaded when a lesson first opens, so
// the lab itself does not wait for it.
import './lessons.css';
import type { DocState, ScenarioDoc } from '../app/scenarioDoc.ts';
import { el, fill } from '../panels/dom.ts';
import type { LessonChecks, LessonRequest } from '../worker/lessonObserver.ts';
import { renderCheckTable, type CheckGroup } from './checkTable.ts';
import { course, labPoints, type CourseEntry, type LabPoint } from './course.ts';
import { loadPredictions, savePrediction } from './predictions.ts';
import type { Lesson, ScenarioRef } from '../../lessons/types.ts';

/** What the panel asks of the lab. */
export interface LessonHost {
  /** Puts a scenario's JSON text on the scenario panel. */
  load(text: string): void;
  /** Sets up the lab's Sweep card for a lesson's sweep (run on the scenario on the panel). */
  sweep(s: LessonSweep): void;
}

export interface LessonSweep {
  path: string;
  /** As the Sweep card takes them: v1,v2,... */
  values: string;
  replications: number;
  /** A summary.* path the lesson checks, e.g. summary.queues.q.meanWait. */
  metric: string;
}

interface OpenLesson {
  entry: CourseEntry & { ok: true };
  lesson: Lesson;
  points: LabPoint[];
  predictions: Record<string, string>;
  /** Checks of the points run so far, by point key. */
  checks: Map<string, LessonChecks>;
}

export class LessonPanel {
  /** The lesson list, for the page header. */
  readonly menu: HTMLDetailsElement;
  /** The open lesson; hidden while none is. */
  readonly root: HTMLElement;
  private open: OpenLesson | null = null;
  /** The lesson point on the scenario panel, or null when it holds something else. */
  private current: LabPoint | null = null;
  /** The run in progress for a lesson point (lesson id, point key), or null. */
  private pending: { lesson: string; point: string } | null = null;
  private readonly pointPicker = el('select', { id: 'lesson-point', 'aria-label': 'Lesson scenario' });
  private readonly scenarioStatus = el('p', { class: 'lesson-status', id: 'lesson-scenario-status' });
  private readonly checks = el('section', { class: 'lesson-checks', id: 'lesson-checks', 'aria-label': 'Checks', 'aria-live': 'polite' });

  constructor(
    private readonly doc: ScenarioDoc,
    private readonly host: LessonHost,
  ) {
    this.menu = el('details', { class: 'lesson-menu', id: 'lesson-menu' }, el('summary', { text: `Lessons (${course.length})` }), this.list());
    this.root = el('aside', { class: 'lesson-panel', id: 'lesson-panel', 'aria-label': 'Lesson', hidden: true });
    this.pointPicker.addEventListener('change', () => {
      const p = this.open?.points.find((x) => x.key === this.pointPicker.value);
      if (p) this.host.load(p.text);
    });
    doc.onChange((s) => this.scenarioChanged(s));
    // The list closes on a click elsewhere or Escape, as a menu does.
    document.addEventListener('click', (e) => {
      if (this.menu.open && !this.menu.contains(e.target as Node)) this.menu.open = false;
    });
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.menu.open) this.menu.open = false;
    });
  }

  private list(): HTMLOListElement {
    return el(
      'ol',
      { class: 'lesson-list' },
      ...course.map((entry) => {
        const title = entry.ok ? entry.lesson.title : `${entry.path} (does not parse)`;
        const button = el('button', { type: 'button', class: 'link', 'data-lesson': entry.ok ? entry.lesson.id : entry.path, text: title, disabled: !entry.ok });
        if (!entry.ok) button.title = entry.problems.join('\n');
        button.addEventListener('click', () => {
          if (entry.ok) this.show(entry.lesson.id);
          this.menu.open = false;
        });
        return el('li', {}, button);
      }),
    );
  }

  /** Opens a lesson by id and loads its first scenario onto the scenario panel. */
  show(id: string): void {
    const entry = course.find((e): e is CourseEntry & { ok: true } => e.ok && e.lesson.id === id);
    if (!entry) return;
    const planned = labPoints(entry.lesson);
    this.open = {
      entry,
      lesson: entry.lesson,
      points: planned.ok ? planned.points : [],
      predictions: loadPredictions(id),
      checks: new Map(),
    };
    this.pending = null;
    this.layout(planned.ok ? [] : planned.problems);
    this.root.hidden = false;
    const first = this.open.points[0];
    if (first) this.host.load(first.text);
    else this.scenarioChanged(this.doc.state);
    this.root.scrollTop = 0;
    this.root.scrollIntoView({ block: 'nearest' });
  }

  close(): void {
    this.open = null;
    this.current = null;
    this.pending = null;
    this.root.hidden = true;
    this.root.replaceChildren();
  }

  private layout(problems: string[]): void {
    const { lesson, points } = this.open!;
    const index = course.findIndex((e) => e.ok && e.lesson.id === lesson.id);
    const close = el('button', { type: 'button', class: 'small', id: 'lesson-close', 'aria-label': 'Close the lesson', text: '×' });
    close.addEventListener('click', () => this.close());
    fill(this.pointPicker, ...points.map((p) => el('option', { value: p.key, text: p.short, title: p.label })));
    const body = el('div', { class: 'lesson-body', id: 'lesson-body', 'aria-busy': 'true' }, el('p', { class: 'hint', text: 'Loading the lesson…' }));
    import('./markdown.ts')
      .then(({ renderLessonMarkdown }) => {
        if (this.open?.lesson !== lesson) return; // another lesson was opened meanwhile
        body.innerHTML = renderLessonMarkdown(lesson.body); // escaped Markdown + KaTeX (markdown.ts)
        body.removeAttribute('aria-busy');
      })
      .catch((err: unknown) => fill(body, el('p', { class: 'banner error', text: `The lesson text could not be shown: ${err instanceof Error ? err.message : String(err)}` })));
    const varied = lesson.scenarios.filter((s) => s.vary);
    fill(
      this.root,
      el('div', { class: 'lesson-head' }, el('span', { class: 'muted', text: `Lesson ${index + 1} of ${course.length}` }), close),
      el('h2', { id: 'lesson-title', text: lesson.title }),
      lesson.question ? el('p', { class: 'lesson-question', text: lesson.question }) : null,
      problems.length > 0 ? el('ul', { class: 'problems' }, ...problems.map((p) => el('li', { text: p }))) : null,
      points.length > 1 ? el('div', { class: 'field' }, el('label', { for: 'lesson-point', text: 'Scenario' }), this.pointPicker) : null,
      this.scenarioStatus,
      ...varied.map((s, i) => this.sweepNote(s, points, i === 0 ? 'lesson-sweep-note' : `lesson-sweep-note-${s.id}`)),
      body,
      this.predictionForm(),
      this.checks,
    );
  }

  /**
   * A varied scenario: its checks run here one value at a time; the Sweep card can draw the
   * lesson's metric over every value (numeric values only: it plots against the parameter);
   * `npm run lesson` runs every value and every check.
   */
  private sweepNote(ref: ScenarioRef, points: LabPoint[], id: string): HTMLElement {
    const vary = ref.vary!;
    const lesson = this.open!.lesson;
    const metric = sweepMetric(lesson, ref.id);
    const numeric = vary.values.every((v) => typeof v === 'number');
    const first = points.find((p) => p.scenario === ref.id);
    let button: HTMLButtonElement | null = null;
    if (numeric && metric && first) {
      button = el('button', { type: 'button', class: 'small', 'data-sweep': ref.id, text: 'Set up the Sweep card' });
      button.addEventListener('click', () => {
        const onPanel = this.current?.scenario === ref.id ? this.current : first;
        if (onPanel !== this.current) this.host.load(onPanel.text);
        this.host.sweep({ path: vary.path, values: vary.values.map((v) => JSON.stringify(v)).join(','), replications: onPanel.checked.replications, metric });
      });
    }
    return el(
      'div',
      { class: 'note', id },
      el(
        'p',
        {},
        `This lesson sweeps ${vary.path} over ${vary.values.map((v) => JSON.stringify(v)).join(', ')}. Its checks run here one value at a time: pick the value above and press Run. `,
        button ? `The Sweep card below the plots draws ${metric} at every value with its theory curve: ` : null,
        button,
      ),
      el('p', {}, 'Every value with every check at once: ', el('code', { text: `npm run lesson -- ${lesson.id}` }), '.'),
    );
  }

  private predictionForm(): HTMLElement {
    const { lesson, predictions } = this.open!;
    const asked = lesson.checks.filter((c, i) => c.predict !== null && lesson.checks.findIndex((d) => d.label === c.label) === i);
    const fields = asked.map((c, i) => {
      const input = el('input', { type: 'text', id: `predict-${i}`, 'data-predict': c.label, autocomplete: 'off', value: predictions[c.label] ?? '' });
      input.addEventListener('input', () => {
        predictions[c.label] = input.value;
        savePrediction(lesson.id, c.label, input.value);
        this.renderChecks();
      });
      return el('div', { class: 'prediction' }, el('label', { for: input.id, text: c.predict! }), input);
    });
    return el(
      'section',
      { class: 'lesson-predict', id: 'lesson-predict', 'aria-label': 'Your predictions' },
      el('h3', { text: 'Your predictions' }),
      fields.length > 0
        ? el('p', { class: 'hint', text: 'Write them down before you run. They stay in this browser, and the check table sets them beside the simulation.' })
        : el('p', { class: 'hint', text: 'This lesson asks for no prediction: run it and compare with theory.' }),
      ...fields,
    );
  }

  private scenarioChanged(s: DocState): void {
    if (!this.open) return;
    const identity = s.check?.ok ? JSON.stringify(s.check.scenario) : null;
    this.current = identity === null ? null : (this.open.points.find((p) => p.identity === identity) ?? null);
    if (this.current) {
      this.pointPicker.value = this.current.key;
      fill(this.scenarioStatus, 'On the scenario panel: ', el('strong', { text: this.current.label }), '. Press Run; the checks appear below when it finishes.');
    } else {
      const reload = el('button', { type: 'button', class: 'small', id: 'lesson-reload', text: 'Load the lesson’s scenario' });
      reload.addEventListener('click', () => {
        const p = this.open?.points.find((x) => x.key === this.pointPicker.value) ?? this.open?.points[0];
        if (p) this.host.load(p.text);
      });
      fill(this.scenarioStatus, 'The scenario panel holds another (or an edited) scenario: a run of it is not checked against this lesson. ', reload);
    }
    this.scenarioStatus.classList.toggle('off', this.current === null);
    this.renderChecks();
  }

  /** The lesson point a run of the scenario on the panel is, remembered as pending; null when none. */
  request(): LessonRequest | null {
    if (!this.open || !this.current) {
      this.pending = null;
      return null;
    }
    this.pending = { lesson: this.open.lesson.id, point: this.current.key };
    this.renderChecks();
    const { entry } = this.open;
    return { text: entry.text, path: entry.path, scenario: this.current.scenario, value: this.current.value };
  }

  /** The run was reset or failed: no checks will come. */
  cancel(): void {
    this.pending = null;
    this.renderChecks();
  }

  /** The checks the worker evaluated for the pending run. */
  showChecks(checks: LessonChecks): void {
    const pending = this.pending;
    this.pending = null;
    if (!this.open || !pending || pending.lesson !== this.open.lesson.id) return;
    this.open.checks.set(pending.point, checks);
    this.renderChecks();
    this.checks.scrollIntoView({ block: 'nearest' });
  }

  private renderChecks(): void {
    if (!this.open) return;
    const { points, checks, predictions } = this.open;
    const several = points.length > 1;
    const groups: CheckGroup[] = points
      .filter((p) => checks.has(p.key))
      .map((p) => {
        const c = checks.get(p.key)!;
        return { heading: several ? `at ${p.short}` : null, outcomes: c.outcomes, problem: c.problem };
      });
    const waiting = several ? points.filter((p) => !checks.has(p.key)) : [];
    let status: string;
    if (this.pending) status = 'Running: the checks appear here when the run finishes.';
    else if (groups.length === 0) status = this.current ? 'Press Run: the checks appear here when the run finishes.' : 'Load the lesson’s scenario and press Run to see the checks.';
    else status = waiting.length > 0 ? `Not run yet: ${pointList(this.open.lesson, waiting)}. Pick one above and press Run.` : '';
    fill(
      this.checks,
      el('h3', { text: 'Checks' }),
      status ? el('p', { class: 'hint', id: 'lesson-checks-status', text: status }) : null,
      groups.length > 0 ? renderCheckTable(groups, predictions) : null,
      groups.length > 0
        ? el('p', { class: 'hint', text: 'Simulated: the mean over the replications with its 95% confidence interval. A verdict passes when the difference from theory is within a margin taken from that interval (hover a verdict for its reason).' })
        : null,
    );
  }
}

/** The metric the Sweep card plots for a lesson's sweep: its first checked summary.* figure, preferring one that asks for a prediction. */
function sweepMetric(lesson: Lesson, scenario: string): string | null {
  const paths = lesson.checks.filter((c) => c.scenario === scenario && !c.metric.perReplication && c.metric.text.startsWith('summary.'));
  return (paths.find((c) => c.predict !== null) ?? paths[0])?.metric.text ?? null;
}

/** Points in few words: "producers[0].interarrival.rate = 0.2, 0.6", "overload". */
function pointList(lesson: Lesson, points: LabPoint[]): string {
  const several = lesson.scenarios.length > 1;
  return lesson.scenarios
    .map((ref) => {
      const ps = points.filter((p) => p.scenario === ref.id);
      if (ps.length === 0) return null;
      if (!ref.vary) return several ? ref.id : ref.path;
      return `${several ? `${ref.id} at ` : ''}${ref.vary.path} = ${ps.map((p) => JSON.stringify(p.value)).join(', ')}`;
    })
    .filter((x) => x !== null)
    .join('; ');
}
