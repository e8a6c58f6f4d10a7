// The lab page: wires the scenario document, the run client and the views, and redraws at most
// ~10 times a second while a run streams (each redraw is a few milliseconds: the views draw
// decimated arrays, and the heavy work is in the worker).
import type { Scenario } from '../../sim/scenario/types.ts';
import { el } from '../panels/dom.ts';
import { Controls } from '../panels/controls.ts';
import { ExportPanel } from '../panels/exportPanel.ts';
import { LessonPanel } from '../lessons/lessonPanel.ts';
import { renderFits } from '../panels/fitTable.ts';
import { messagesStatus } from '../panels/messageRate.ts';
import { runningStatus } from '../panels/runStatus.ts';
import { ScenarioPanel } from '../panels/scenarioPanel.ts';
import { renderSummary } from '../panels/summaryTable.ts';
import { renderTopology } from '../panels/topology.ts';
import { renderFigure, type FigureSpec } from '../plots/figure.ts';
import { currentTheme } from '../plots/palette.ts';
import { applyMessage, emptyLab, type LabData } from '../run/labData.ts';
import { RunClient } from '../run/runClient.ts';
import { presets } from '../scenario/presets.ts';
import { decodeShare, encodeShare } from '../scenario/share.ts';
import { SweepPanel } from '../sweep/sweepPanel.ts';
import { PlanPanel } from '../plan/planPanel.ts';
import { backlogSpec } from '../views/backlog.ts';
import { consumersSpec } from '../views/consumers.ts';
import { num } from '../views/common.ts';
import { cumulativeSpec, throughputSpec } from '../views/flows.ts';
import { latencySpec } from '../views/latency.ts';
import { PlotCard } from '../views/plotCard.ts';
import { ScenarioDoc } from './scenarioDoc.ts';

/** While a run streams, the views are redrawn at most this often. */
const REDRAW_MS = 250;
/** Work per animation frame: views are drawn one after another until this is spent. */
const FRAME_BUDGET_MS = 8;

type Job = 'status' | 'backlog' | 'consumers' | 'throughput' | 'cumulative' | 'latency' | 'tables';
const ALL_JOBS: Job[] = ['status', 'backlog', 'consumers', 'throughput', 'cumulative', 'latency', 'tables'];

export class App {
  private readonly doc = new ScenarioDoc();
  private lab: LabData = emptyLab();
  /** The scenario of the current run (checked), for the topology. */
  private running: Scenario | null = null;
  private zoom: [number, number] | null = null;
  private readonly client = new RunClient((m) => {
    applyMessage(this.lab, m);
    if (m.type === 'finished') this.finishedDirty = true;
    if (m.type === 'checks') this.lessons.showChecks(m.checks);
    if (m.type === 'error') {
      this.panel.showBanner(`The run stopped: ${m.message}`);
      this.lessons.cancel();
    }
    this.invalidate();
  });
  private readonly panel = new ScenarioPanel(this.doc);
  private readonly sweep = new SweepPanel(this.doc);
  private readonly plan = new PlanPanel(this.doc);
  private readonly lessons = new LessonPanel(this.doc, {
    load: (text) => {
      this.panel.showBanner(null);
      this.panel.selectPreset('');
      this.doc.setText(text, 'load');
    },
    sweep: (s) => {
      this.sweep.prefill(s.path, s.values, s.replications, s.metric);
      this.sweep.root.scrollIntoView({ block: 'start', behavior: 'smooth' });
    },
  });
  private readonly controls: Controls;
  private readonly exports: ExportPanel;
  private readonly topology = el('div', { class: 'topology', id: 'topology' });
  private readonly plots = {
    backlog: new PlotCard('backlog', 'Backlog Q(t)', 'Messages waiting per queue: mean over replications (step) with its 95% band, the live replication, the fitted model (dashed), theory’s Lq and the exact transient where one exists.'),
    consumers: new PlotCard('consumers', 'Consumers N(t)', 'Servers provisioned per autoscaled group: mean over replications (step), the live replication, the policy’s min and max, and the mean count (what consumer-seconds pay for).'),
    throughput: new PlotCard('throughput', 'Throughput', 'Rates of production P, consumption C, handling H and replies R per sample interval, with their fitted models (dashed).'),
    cumulative: new PlotCard('cumulative', 'Cumulative counts', 'P − C is the backlog, C − H the work in flight, H − R the replies outstanding.'),
    latency: new PlotCard('latency', 'End-to-end latency', 'Distribution of production-to-done time over all replications after the warm-up.'),
  };
  private readonly zoomNote = el('span', { class: 'zoom-note', id: 'zoom-note' });
  private readonly summary = el('div', { id: 'summary' });
  private readonly fits = el('div', { id: 'fits', class: 'fits' });
  private finishedDirty = true;
  private frame = 0;
  private lastDraw = 0;
  private pending: Job[] = [];
  /** Element widths, kept by a ResizeObserver so that drawing never forces a layout. */
  private readonly widths = new WeakMap<Element, number>();
  /** Plots on screen: while a run streams only these are redrawn (the rest when they scroll in). */
  private readonly visible = new WeakSet<Element>();
  private hashTimer = 0;

  constructor(private readonly root: HTMLElement) {
    this.controls = new Controls({
      run: () => this.run(false),
      pause: () => {
        this.client.post({ type: 'pause' });
        this.lab.status = 'paused';
        this.invalidate();
      },
      resume: () => {
        this.client.post({ type: 'resume' });
        this.lab.status = 'running';
        this.invalidate();
      },
      step: () => {
        if (this.lab.status === 'paused') this.client.post({ type: 'step' });
        else {
          this.run(true);
          this.client.post({ type: 'step' });
        }
      },
      reset: () => this.reset(),
      speed: (v) => this.client.post({ type: 'speed', speed: v }),
    });
    this.exports = new ExportPanel(() => this.shareUrl());
    this.layout();
    this.doc.onChange((s) => {
      this.invalidate();
      if (s.check?.ok) {
        clearTimeout(this.hashTimer);
        this.hashTimer = window.setTimeout(() => history.replaceState(null, '', encodeShare(s.text)), 300);
      }
    });
    window.addEventListener('hashchange', () => this.loadFromHash());
    const resize = new ResizeObserver((entries) => {
      for (const e of entries) this.widths.set(e.target, Math.floor(e.contentRect.width));
      this.invalidate(true);
    });
    for (const card of Object.values(this.plots)) resize.observe(card.body);
    resize.observe(this.topology);
    const seen = new IntersectionObserver((entries) => {
      for (const e of entries) {
        if (e.isIntersecting) this.visible.add(e.target);
        else this.visible.delete(e.target);
      }
      this.invalidate(true);
    });
    for (const card of Object.values(this.plots)) seen.observe(card.root);
    window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener?.('change', () => this.invalidate(true));
    this.loadFromHash();
  }

  private layout(): void {
    const resetZoom = el('button', { type: 'button', class: 'small', id: 'reset-zoom', text: 'Reset zoom' });
    resetZoom.addEventListener('click', () => this.setZoom(null));
    const card = (id: string, title: string, ...body: (Node | string)[]) => el('section', { class: 'card', id, 'aria-label': title }, el('h2', { text: title }), ...body);
    this.root.replaceChildren(
      el('header', { class: 'top' }, el('h1', {}, 'queue-lab ', el('span', { class: 'muted', text: 'producers → queues → consumers, simulated live, with fits and theory' })), this.lessons.menu),
      el(
        'main',
        { class: 'layout' },
        this.panel.root,
        el(
          'div',
          { class: 'lab' },
          el('section', { class: 'card run', 'aria-label': 'Run' }, this.controls.root, this.topology),
          el('div', { class: 'zoom-bar' }, el('span', { class: 'hint', text: 'Drag across a time plot to zoom all of them; double-click a plot to zoom out.' }), this.zoomNote, resetZoom),
          el('div', { class: 'plots' }, this.plots.backlog.root, this.plots.consumers.root, this.plots.throughput.root, this.plots.cumulative.root, this.plots.latency.root),
          card('summary-card', 'Summary: simulation vs theory', this.summary),
          card('fits-card', 'Fitted models', this.fits),
          card('export-card', 'Export and share', this.exports.root),
          this.sweep.root,
          this.plan.root,
        ),
        this.lessons.root,
      ),
    );
  }

  private loadFromHash(): void {
    const shared = decodeShare(location.hash);
    if (shared.kind === 'ok') {
      this.panel.showBanner(null);
      this.panel.selectPreset('');
      this.doc.setText(shared.text, 'load');
      if (!this.doc.valid) this.panel.showBanner('The shared scenario has problems (listed under the JSON editor); fix them to run it.');
      return;
    }
    if (shared.kind === 'error') this.panel.showBanner(shared.message);
    if (this.doc.state.text === '') {
      const first = presets.find((p) => p.file === 'mm1.json') ?? presets[0];
      if (first) {
        this.panel.selectPreset(first.file);
        this.doc.setText(first.text, 'load');
      }
    }
  }

  private shareUrl(): string {
    return `${location.href.split('#')[0]}${encodeShare(this.doc.state.text)}`;
  }

  private run(paused: boolean): void {
    const check = this.doc.state.check;
    if (!check?.ok) return;
    this.panel.showBanner(null);
    this.running = check.scenario;
    this.lab = emptyLab();
    this.lab.status = paused ? 'paused' : 'running';
    this.zoom = null;
    this.finishedDirty = true;
    this.client.start(this.doc.state.value, this.controls.speed, paused, this.lessons.request());
    this.invalidate(true);
  }

  private reset(): void {
    this.client.stop();
    this.lessons.cancel();
    this.lab = emptyLab();
    this.running = null;
    this.zoom = null;
    this.finishedDirty = true;
    this.invalidate(true);
  }

  private setZoom(domain: [number, number] | null): void {
    this.zoom = domain;
    this.invalidate(true);
  }

  /** Schedules a redraw of every view; `now` skips the throttle. */
  private invalidate(now = false): void {
    if (now) this.lastDraw = 0;
    for (const j of ALL_JOBS) if (!this.pending.includes(j)) this.pending.push(j);
    if (!this.frame) this.frame = requestAnimationFrame((ts) => this.onFrame(ts));
  }

  /** Draws pending views until the frame's budget is spent; the rest wait for the next frame. */
  private onFrame(ts: number): void {
    this.frame = 0;
    if (this.lab.status === 'running' && ts - this.lastDraw < REDRAW_MS && this.pending.length === ALL_JOBS.length) {
      this.frame = requestAnimationFrame((t) => this.onFrame(t));
      return;
    }
    if (this.pending.length === ALL_JOBS.length) this.lastDraw = ts;
    const start = performance.now();
    while (this.pending.length > 0) {
      this.drawJob(this.pending.shift()!);
      if (performance.now() - start > FRAME_BUDGET_MS) break;
    }
    if (this.pending.length > 0) this.frame = requestAnimationFrame((t) => this.onFrame(t));
  }

  private width(e: Element, fallback: number): number {
    return Math.max(320, this.widths.get(e) ?? fallback);
  }

  private statusText(): string {
    const lab = this.lab;
    const s = lab.state;
    switch (lab.status) {
      case 'idle':
        return this.doc.valid ? 'Ready.' : 'Fix the scenario’s problems to run it.';
      case 'error':
        return `Error: ${lab.error}`;
      case 'finished': {
        const seconds = (lab.elapsedMs ?? 0) / 1000;
        const produced = lab.result?.summary.messages.produced ?? 0;
        return `Finished in ${seconds.toFixed(2)} s: ${lab.replications} replication${lab.replications > 1 ? 's' : ''}, ${messagesStatus(produced, seconds > 0 ? produced / seconds : null)}.`;
      }
      default:
        return runningStatus(lab.status === 'paused', s, lab.replications);
    }
  }

  private drawJob(job: Job): void {
    const lab = this.lab;
    const theme = currentTheme();
    const horizon = lab.grid.length > 0 ? lab.grid[lab.grid.length - 1] : 0;
    const domain: [number, number] = this.zoom ?? [0, horizon || 1];
    const onZoom = (d: [number, number] | null) => this.setZoom(d);
    const hasData = lab.grid.length > 0 && (lab.mean !== null || (lab.live?.taken ?? 0) > 0);
    const show = (card: PlotCard, make: (w: number) => FigureSpec) => {
      if (lab.status === 'running' && !this.visible.has(card.root)) return;
      if (!hasData) return card.show(null, lab.status === 'idle' ? 'Nothing to show yet: press Run.' : 'Waiting for the first samples…');
      card.show(renderFigure(make(this.width(card.body, 600)), card.tooltip));
    };
    switch (job) {
      case 'status': {
        this.controls.set({ valid: this.doc.valid, status: lab.status, fraction: lab.state?.fraction ?? (lab.status === 'finished' ? 1 : 0), text: this.statusText() });
        const topoScenario = this.running ?? (this.doc.state.check?.ok ? this.doc.state.check.scenario : null);
        const sum = lab.status === 'finished' ? lab.result?.summary : undefined;
        const means = sum
          ? { waiting: Object.fromEntries(Object.entries(sum.queues).map(([id, q]) => [id, q.meanLength.mean])), busy: Object.fromEntries(Object.entries(sum.consumers).map(([id, c]) => [id, c.utilization.mean])) }
          : null;
        this.topology.replaceChildren(...(topoScenario ? [renderTopology(topoScenario, lab.state, this.width(this.topology, 600), theme, means)] : []));
        this.zoomNote.textContent = this.zoom ? `showing t = ${num(this.zoom[0])} … ${num(this.zoom[1])} s` : '';
        return;
      }
      case 'backlog':
        return show(this.plots.backlog, (w) => backlogSpec(lab, domain, w, theme, onZoom, this.running));
      case 'consumers': {
        // Only autoscaled groups have a count worth plotting: plain scenarios keep the page they had.
        const card = this.plots.consumers;
        const scenario = this.running ?? (this.doc.state.check?.ok ? this.doc.state.check.scenario : null);
        const scaled = scenario?.consumers.some((c) => c.autoscale !== null) ?? false;
        card.root.hidden = !scaled;
        if (!scaled) return;
        return show(card, (w) => consumersSpec(lab, this.running, domain, w, theme, onZoom)!);
      }
      case 'throughput':
        return show(this.plots.throughput, (w) => throughputSpec(lab, domain, w, theme, onZoom));
      case 'cumulative':
        return show(this.plots.cumulative, (w) => cumulativeSpec(lab, domain, w, theme, onZoom));
      case 'latency': {
        const lat = latencySpec(lab, this.width(this.plots.latency.body, 600), theme);
        if (lat) this.plots.latency.show(renderFigure(lat.spec, this.plots.latency.tooltip), lat.note);
        else this.plots.latency.show(null, lab.status === 'finished' ? 'No message completed after the warm-up.' : 'The latency distribution appears when the run finishes.');
        return;
      }
      case 'tables':
        if (!this.finishedDirty) return;
        this.finishedDirty = false;
        renderSummary(this.summary, lab.result);
        renderFits(this.fits, lab.result);
        this.exports.setFiles(lab.exports, lab.result?.scenario.name ?? 'scenario');
        return;
    }
  }
}
