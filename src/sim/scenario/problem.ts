// Problems found in a scenario file, and how they are printed.

/** One thing wrong with a scenario file: where (`producers[0].interarrival.rate`) and what. */
export interface ScenarioProblem {
  path: string;
  message: string;
}

/** Thrown by parseScenario(); `problems` lists everything that is wrong, not just the first. */
export class ScenarioError extends Error {
  readonly problems: ScenarioProblem[];

  constructor(problems: ScenarioProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ScenarioError';
    this.problems = problems;
  }
}

/** `path: message`, with "(scenario)" for the file as a whole. */
export function formatProblem(p: ScenarioProblem): string {
  return `${p.path === '' ? '(scenario)' : p.path}: ${p.message}`;
}

export type PathSegment = string | number;

/** ["producers", 0, "to"] -> "producers[0].to"; odd keys are quoted: `queues[0]["my key"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'string' && /^[A-Za-z_$][\w$-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out;
}
