// parseScenario(unknown) -> a fully checked Scenario, or every problem at once.
// Pure: no Node modules, it runs in the browser too.
import { errorMap, toProblems } from './issues.ts';
import { normalise } from './normalise.ts';
import { sortProblems } from './order.ts';
import type { ScenarioProblem } from './problem.ts';
import { ScenarioError } from './problem.ts';
import { checkRules } from './rules.ts';
import { scenarioFileSchema } from './schema.ts';
import { show } from './show.ts';
import type { Scenario } from './types.ts';
import { takeUnimplemented } from './unimplemented.ts';

export { ScenarioError, formatProblem } from './problem.ts';
export type { ScenarioProblem } from './problem.ts';

export type CheckResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

/** Validates a scenario file's parsed JSON; never throws. Problems come in document order. */
export function checkScenario(input: unknown): CheckResult {
  try {
    const { problems: notYet, rest } = takeUnimplemented(input);
    const parsed = scenarioFileSchema.safeParse(rest, { error: errorMap, reportInput: true });
    const problems = [...notYet, ...(parsed.success ? [] : toProblems(parsed.error.issues)), ...checkRules(input)];
    if (problems.length > 0 || !parsed.success) return { ok: false, problems: sortProblems(problems) };
    return { ok: true, scenario: normalise(parsed.data) };
  } catch (e) {
    // Only hostile input gets here (a getter that throws, a revoked Proxy...).
    const why = e instanceof Error ? e.message : show(e);
    return { ok: false, problems: [{ path: '', message: `cannot be read (${why})` }] };
  }
}

/** Like checkScenario(), but throws a ScenarioError listing every problem. */
export function parseScenario(input: unknown): Scenario {
  const result = checkScenario(input);
  if (!result.ok) throw new ScenarioError(result.problems);
  return result.scenario;
}
