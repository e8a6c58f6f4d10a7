// Little's law as checks on any scenario (lesson 2 "live"): for every queue, the time-average
// number waiting against arrival rate x mean wait, and in system against rate x mean sojourn,
// compared replication by replication (evaluateChecks, with the observation of a run).
import type { Scenario } from '../sim/scenario/types.ts';
import { parseExpr } from './expr/parse.ts';
import type { Check, Lesson } from './types.ts';

function expression(text: string) {
  return { text, expr: parseExpr(text), perReplication: true };
}

/**
 * Two paired checks per queue with consumers: Lq = lambda Wq and L = lambda W. (A queue without
 * consumers serves nobody, so its wait has no value; a queue that nothing reaches gives an
 * 'error' verdict saying so.)
 */
export function littleLawChecks(scenario: Scenario, scenarioId = 'main'): Check[] {
  const served = scenario.queues.filter((q) => scenario.consumers.some((c) => c.from === q.id));
  return served.flatMap((q) => {
    const at = `replications.queues[${JSON.stringify(q.id)}]`;
    const check = (label: string, length: string, time: string): Check => ({
      label: `${q.id}: ${label}`,
      scenario: scenarioId,
      at: null,
      metric: expression(`${at}.${length}`),
      reference: { ...expression(`${at}.arrivalRate * ${at}.${time}`), kind: 'expect' },
      tolerance: 'ci',
      predict: null,
    });
    return [check('waiting, Lq = λ Wq', 'meanLength', 'meanWait'), check('in system, L = λ W', 'meanInSystem', 'meanSojourn')];
  });
}

/** A one-scenario lesson holding those checks, to evaluate with evaluateChecks(lesson, [observation]). */
export function littleLawLesson(scenario: Scenario): Lesson {
  return {
    id: 'littles-law-live',
    title: `Little's law on ${scenario.name}`,
    question: null,
    scenarios: [{ id: 'main', file: '', path: '', vary: null, fit: null }],
    checks: littleLawChecks(scenario),
    body: '',
    path: null,
  };
}
