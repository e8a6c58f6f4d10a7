// The checks of a lesson after a run: the learner's prediction, the simulated mean with its 95%
// CI, the reference (theory, an expected value, or a bound) and the verdict, one row per check,
// grouped by the lesson point they were run at. Every number comes from src/lessons'
// CheckOutcome as the worker evaluated it; nothing is computed here but formatting.
import { fmt, type CheckOutcome } from '../../lessons/checks.ts';
import { el } from '../panels/dom.ts';

export interface CheckGroup {
  /** Shown above the group's rows when the lesson has several points; null: no heading. */
  heading: string | null;
  outcomes: CheckOutcome[] | null;
  /** Why there are no outcomes (the lesson's checks could not be evaluated). */
  problem: string | null;
}

const VERDICT: Record<CheckOutcome['verdict'], string> = { pass: 'pass', fail: 'fail', shown: 'shown', error: 'error' };

/** "3.762 ± 0.2157": the mean and the half-width of its 95% CI (as the CLI prints it). */
export function withCI(s: CheckOutcome['simulated']): string {
  if (s.mean === null) return '–';
  if (s.ci95 === null) return fmt(s.mean);
  return `${fmt(s.mean)} ± ${fmt((s.ci95[1] - s.ci95[0]) / 2)}`;
}

function reference(c: CheckOutcome): { text: string; note: string } {
  const value = fmt(c.theory);
  switch (c.reference.kind) {
    case 'theory':
      return { text: value, note: '' };
    case 'expect':
      return { text: value, note: 'expected' };
    case 'below':
      return { text: `< ${value}`, note: 'bound' };
    case 'above':
      return { text: `> ${value}`, note: 'bound' };
  }
}

/**
 * Two rows per check, so the table fits the lesson panel's width: the check's label across the
 * table, then its prediction, simulated value, reference and verdict.
 */
export function renderCheckTable(groups: CheckGroup[], predictions: Record<string, string>): HTMLTableElement {
  const head = el('tr', {}, ...['Your prediction', 'Simulated (95% CI)', 'Theory', 'Verdict'].map((h) => el('th', { scope: 'col', text: h })));
  const body = el('tbody');
  for (const g of groups) {
    if (g.heading !== null) body.append(el('tr', { class: 'group' }, el('th', { colspan: 4, scope: 'rowgroup', text: g.heading })));
    if (g.outcomes === null) {
      body.append(el('tr', { class: 'problem' }, el('td', { colspan: 4, text: `The checks could not be evaluated: ${g.problem ?? 'unknown error'}` })));
      continue;
    }
    for (const c of g.outcomes) {
      const ref = reference(c);
      const prediction = predictions[c.label];
      const ci = c.simulated.ci95 ? `95% CI ${fmt(c.simulated.ci95[0])} … ${fmt(c.simulated.ci95[1])}, n = ${c.simulated.n}` : `n = ${c.simulated.n}`;
      body.append(
        el('tr', { class: 'check-label' }, el('th', { colspan: 4, scope: 'row', title: `${c.metric}\nvs ${c.reference.text}`, text: c.label })),
        el(
          'tr',
          { 'data-check': c.label, class: `verdict-${c.verdict}` },
          el('td', { class: 'prediction', text: prediction ?? (c.predict ? '(none written)' : '–') }),
          el('td', { class: 'simulated num', title: ci, text: withCI(c.simulated) }),
          el('td', { class: 'theory num' }, ref.text, ref.note ? el('span', { class: 'muted small', text: ` ${ref.note}` }) : null),
          el(
            'td',
            { class: 'verdict', title: c.reason },
            el('span', { class: `badge ${c.verdict}`, text: VERDICT[c.verdict] }),
            c.verdict === 'fail' || c.verdict === 'error' ? el('div', { class: 'reason', text: c.reason }) : null,
          ),
        ),
      );
    }
  }
  return el('table', { class: 'checks', id: 'check-table' }, el('thead', {}, head), body);
}
