// One table per fitted series: X0, each term's amplitude Xi, rate ri and time constant 1/ri,
// R², the chosen N, and whether the solver converged and the model is identifiable.
import type { PageResult } from '../worker/protocol.ts';
import { num } from '../views/common.ts';
import { el, fill } from './dom.ts';
import { fitNotes } from './fitNotes.ts';

const WHAT: Record<string, string> = { P: 'production rate', Q: 'backlog (all queues)', C: 'consumption rate', H: 'handling rate', R: 'reply rate' };

export function renderFits(root: HTMLElement, res: PageResult | null): void {
  const fits = res?.fits;
  if (!fits) {
    fill(root, el('p', { class: 'empty', text: 'The fits appear when the run finishes.' }));
    return;
  }
  const cards = (Object.keys(fits) as (keyof typeof fits)[]).map((key) => {
    const f = fits[key];
    const head = el('h4', { text: `${key}: ${WHAT[key] ?? key} — ${f.of}` });
    if ('error' in f) return el('div', { class: 'fit', 'data-fit': key }, head, el('p', { class: 'fit-error', text: `no fit: ${f.error}` }));
    const rows = f.terms.map((t, i) =>
      el('tr', {}, el('th', { scope: 'row', text: `term ${i + 1}` }), el('td', { class: 'num', text: num(t.amplitude) }), el('td', { class: 'num', text: num(t.rate) }), el('td', { class: 'num', text: num(f.timeConstants[i]) })),
    );
    const table = el(
      'table',
      { class: 'fit-table' },
      el('caption', { text: `X(t) = X0 + Σ Xi·exp(−ri·t), N = ${f.terms.length}${f.termsRequested === 'auto' ? ' (chosen by the information criterion)' : ''}` }),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: '' }), el('th', { scope: 'col', text: 'Xi' }), el('th', { scope: 'col', text: 'ri (1/s)' }), el('th', { scope: 'col', text: 'τi = 1/ri (s)' }))),
      el('tbody', {}, el('tr', {}, el('th', { scope: 'row', text: 'X0' }), el('td', { class: 'num', text: num(f.x0) }), el('td', { text: '' }), el('td', { text: '' })), ...rows),
    );
    const notes = fitNotes(f);
    return el('div', { class: 'fit', 'data-fit': key }, head, table, el('p', { class: 'fit-notes', text: notes.join(' · ') }));
  });
  fill(root, ...cards);
}
