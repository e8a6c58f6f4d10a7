import { describe } from 'vitest';
import { it } from 'vitest';
import { mg1Priority } from '../../../src/models/theory/priority.ts';
import { expectAgrees } from '../../helpers/agreement.ts';
import { loadExample, runScenario } from '../../helpers/scenarios.ts';

describe('priorities', () => {
  it('non-preemptive M/G/1 per-class waits follow Cobham (priority.json)', () => {
    const scenario = loadExample('priority');
    const out = runScenario(scenario);
    // Exponential service at rate 1: E[S] = 1, E[S^2] = 2.
    const th = mg1Priority([
      { priority: 1, lambda: 0.3, meanService: 1, secondMoment: 2 },
      { priority: 0, lambda: 0.4, meanService: 1, secondMoment: 2 },
    ]);
    for (const c of th.classes) {
      expectAgrees(`class ${c.priority} wait`, out.summary.classes[String(c.priority)].meanWait, c.Wq!, scenario.replications);
    }
  });

  it('preemptive-resume M/M/1 per-class sojourns', () => {
    const scenario = loadExample('priority');
    scenario.queues[0].preemptive = true;
    const out = runScenario(scenario);
    // Preemptive resume (Kleinrock vol. 2, sec. 3.7): T_k = E[S]/(1 - s_{k-1}) + R_k / ((1 - s_{k-1})(1 - s_k)),
    // R_k = sum_{i<=k} lambda_i E[S^2]/2, classes from the highest; here s_1 = 0.3, s_2 = 0.7.
    const high = 1 / 1 + (0.3 * 2) / 2 / (1 * 0.7);
    const low = 1 / 0.7 + (0.7 * 2) / 2 / (0.7 * 0.3);
    expectAgrees('high sojourn', out.summary.classes['1'].meanSojourn, high, scenario.replications);
    expectAgrees('low sojourn', out.summary.classes['0'].meanSojourn, low, scenario.replications);
  });
});
