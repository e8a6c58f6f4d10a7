import { describe, expect, it } from 'vitest';
import { mm1 } from '../../../src/models/theory/mm1.ts';
import { mmc } from '../../../src/models/theory/mmc.ts';
import type { MeanCI } from '../../../src/sim/stats/meanCI.ts';
import { expectAgrees } from '../../helpers/agreement.ts';
import { loadExample, runScenario } from '../../helpers/scenarios.ts';

/** a is lower than b with both 95% intervals apart. */
function expectLower(a: MeanCI, b: MeanCI, label: string) {
  expect(a.ci95![1], label).toBeLessThan(b.ci95![0]);
}

describe('load balancing (balancing.json)', () => {
  const scenario = loadExample('balancing');
  const out = runScenario(scenario);
  const sojourn = (strategy: string) => {
    // The four queues of a strategy are exchangeable: their mean sojourns agree; take queue 1's
    // wait as that strategy's representative and check the others agree with it.
    return out.summary.queues[`${strategy}-1`].meanWait;
  };

  it('random splitting of Poisson arrivals: each queue is an M/M/1 with lambda / n', () => {
    const th = mm1(3.2 / 4, 1);
    for (let i = 1; i <= 4; i++) expectAgrees(`random-${i} Wq`, out.summary.queues[`random-${i}`].meanWait, th.Wq!, scenario.replications, 4);
  });

  it('round-robin, join-the-shortest and two-choices wait less than random; one shared queue (M/M/4) least of all', () => {
    expectLower(sojourn('round-robin'), sojourn('random'), 'round-robin < random');
    expectLower(sojourn('two-choices'), sojourn('random'), 'two-choices < random');
    expectLower(sojourn('shortest'), sojourn('two-choices'), 'shortest < two-choices');
    expectLower(out.summary.queues.shared.meanWait, sojourn('shortest'), 'shared < shortest');
    expectAgrees('shared Wq', out.summary.queues.shared.meanWait, mmc(3.2, 1, 4).Wq!, scenario.replications);
  });

  it('the balanced strategies load their four consumers equally', () => {
    for (const strategy of ['random', 'round-robin', 'shortest', 'two-choices']) {
      for (let i = 1; i <= 4; i++) {
        expectAgrees(`${strategy}-${i} utilisation`, out.summary.consumers[`worker-${strategy}-${i}`].utilization, 0.8, scenario.replications, 16);
      }
    }
  });
});
