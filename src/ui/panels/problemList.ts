// The list of every problem under the JSON editor: path (a button that focuses its form field
// when there is one) and message.
import { formatProblem, type ScenarioProblem } from '../../sim/scenario/parse.ts';
import { el, fill } from './dom.ts';

export function renderProblems(list: HTMLElement, problems: ScenarioProblem[], focus: (path: string) => boolean): void {
  if (problems.length === 0) {
    fill(list, el('li', { class: 'ok', text: 'The scenario is valid.' }));
    return;
  }
  fill(
    list,
    ...problems.map((p) => {
      const item = el('li', { class: 'problem', 'data-path': p.path });
      const link = el('button', { type: 'button', class: 'linklike', text: p.path === '' ? '(scenario)' : p.path });
      link.addEventListener('click', () => focus(p.path));
      item.append(link, `: ${p.message}`);
      item.title = formatProblem(p);
      return item;
    }),
  );
}
