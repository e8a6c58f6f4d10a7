// Run controls: Run, Pause / Resume, Step, Reset, the speed, and the progress bar.
import { el } from './dom.ts';

export const SPEEDS: { label: string; value: number }[] = [
  { label: '10 s/s', value: 10 },
  { label: '100 s/s', value: 100 },
  { label: '1,000 s/s', value: 1000 },
  { label: '10,000 s/s', value: 10_000 },
  { label: '100,000 s/s', value: 100_000 },
  { label: 'as fast as possible', value: Infinity },
];

export interface ControlHandlers {
  run(): void;
  pause(): void;
  resume(): void;
  step(): void;
  reset(): void;
  speed(v: number): void;
}

export class Controls {
  readonly root: HTMLElement;
  readonly runButton: HTMLButtonElement;
  private readonly pauseButton: HTMLButtonElement;
  private readonly stepButton: HTMLButtonElement;
  private readonly resetButton: HTMLButtonElement;
  private readonly speedSelect: HTMLSelectElement;
  private readonly progress: HTMLProgressElement;
  private readonly status: HTMLElement;
  private paused = false;

  constructor(h: ControlHandlers) {
    this.runButton = el('button', { type: 'button', id: 'run', class: 'primary', text: 'Run' });
    this.pauseButton = el('button', { type: 'button', id: 'pause', text: 'Pause', disabled: true });
    this.stepButton = el('button', { type: 'button', id: 'step', text: 'Step', title: 'Advance one sample interval (starts paused when idle)' });
    this.resetButton = el('button', { type: 'button', id: 'reset', text: 'Reset', disabled: true });
    this.speedSelect = el('select', { id: 'speed' });
    for (const s of SPEEDS) this.speedSelect.append(el('option', { value: String(s.value), text: s.label }));
    this.speedSelect.value = 'Infinity';
    this.progress = el('progress', { id: 'progress', max: 1, value: 0, 'aria-label': 'Run progress' });
    this.status = el('span', { id: 'run-status', class: 'status', role: 'status', 'aria-live': 'polite', text: 'Ready.' });
    this.runButton.addEventListener('click', () => h.run());
    this.pauseButton.addEventListener('click', () => (this.paused ? h.resume() : h.pause()));
    this.stepButton.addEventListener('click', () => h.step());
    this.resetButton.addEventListener('click', () => h.reset());
    this.speedSelect.addEventListener('change', () => h.speed(Number(this.speedSelect.value)));
    this.root = el(
      'div',
      { class: 'controls', role: 'toolbar', 'aria-label': 'Run controls' },
      this.runButton,
      this.pauseButton,
      this.stepButton,
      this.resetButton,
      el('label', { class: 'speed', for: 'speed' }, 'Speed ', this.speedSelect),
      el('div', { class: 'progress-wrap' }, this.progress, this.status),
    );
  }

  get speed(): number {
    return Number(this.speedSelect.value);
  }

  /** Reflects the run state: buttons enabled or not, labels, progress. */
  set(state: { valid: boolean; status: 'idle' | 'running' | 'paused' | 'finished' | 'error'; fraction: number; text: string }): void {
    const active = state.status === 'running' || state.status === 'paused';
    this.paused = state.status === 'paused';
    this.runButton.disabled = !state.valid;
    this.runButton.title = state.valid ? 'Run the scenario' : 'Fix the problems in the scenario first';
    this.pauseButton.disabled = !active;
    this.pauseButton.textContent = this.paused ? 'Resume' : 'Pause';
    this.stepButton.disabled = !(state.status === 'paused' || (!active && state.valid));
    this.resetButton.disabled = state.status === 'idle';
    this.progress.value = state.fraction;
    this.status.textContent = state.text;
  }
}
