// Shared by the scenario tests: a small valid file, and its problems after an edit.
import { checkScenario, formatProblem } from '../../../src/sim/scenario/parse.ts';

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A small valid file: one producer, two queues, one consumer. */
export function file(): Json {
  return {
    name: 'M/M/1',
    horizon: 1000,
    producers: [{ id: 'p', to: 'q', interarrival: { dist: 'exponential', rate: 0.9 } }],
    queues: [{ id: 'q' }, { id: 'q2' }],
    consumers: [{ id: 'c', from: 'q', service: { dist: 'exponential', rate: 1 } }],
  };
}

/** The file after `edit`, checked: its problems as printed lines, or [] when valid. */
export function problems(edit: (f: Json) => void = () => {}): string[] {
  const f = file();
  edit(f);
  const result = checkScenario(f);
  return result.ok ? [] : result.problems.map(formatProblem);
}

/** A table of single mistakes: name, edit, the one problem it must give. */
export type Cases = [string, (f: Json) => void, string][];
