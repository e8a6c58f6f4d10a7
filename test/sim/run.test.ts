import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mg1 } from '../../src/models/theory/mg1.ts';
import { mm1 } from '../../src/models/theory/mm1.ts';
import { mm1k } from '../../src/models/theory/mmck.ts';
import { mmc } from '../../src/models/theory/mmc.ts';
import { simulate, type SimulationOutput } from '../../src/sim/run.ts';
import { parseScenario } from '../../src/sim/scenario/parse.ts';
import type { Scenario } from '../../src/sim/scenario/types.ts';
import { expectAgrees } from '../helpers/agreement.ts';

const examples = ['mm1', 'mmc', 'mm1k', 'md1', 'mg1', 'tandem', 'burst'];
const load = (name: string): Scenario => parseScenario(JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8')));
const runs = new Map<string, SimulationOutput>();
/** Each example runs once, with the settings of its file. */
function run(name: string): { scenario: Scenario; out: SimulationOutput } {
  const scenario = load(name);
  if (!runs.has(name)) runs.set(name, simulate(scenario, { warmup: scenario.warmup as number }));
  return { scenario, out: runs.get(name)! };
}

describe('simulate(scenario) agrees with queueing theory', () => {
  it('M/M/1 (mm1.json): Lq, Wq and utilisation', () => {
    const { scenario, out } = run('mm1');
    const th = mm1(0.9, 1);
    const n = scenario.replications;
    expectAgrees('Lq', out.summary.queues.q.meanLength, th.Lq!, n);
    expectAgrees('Wq', out.summary.queues.q.meanWait, th.Wq!, n);
    expectAgrees('W', out.summary.queues.q.meanSojourn, th.W!, n);
    expectAgrees('utilisation', out.summary.consumers.workers.utilization, th.utilization, n);
  });

  it('M/M/3 (mmc.json): Erlang C waiting', () => {
    const { scenario, out } = run('mmc');
    const th = mmc(2.4, 1, 3);
    expectAgrees('Lq', out.summary.queues.q.meanLength, th.Lq!, scenario.replications);
    expectAgrees('Wq', out.summary.queues.q.meanWait, th.Wq!, scenario.replications);
    expectAgrees('utilisation', out.summary.consumers.pool.utilization, th.utilization, scenario.replications);
  });

  it('M/M/1/K (mm1k.json): blocking probability and queue length', () => {
    const { scenario, out } = run('mm1k');
    const th = mm1k(1.2, 1, 6); // capacity 5 waiting + 1 in service
    expectAgrees('loss', out.summary.queues.q.lossProbability, th.loss, scenario.replications);
    expectAgrees('Lq', out.summary.queues.q.meanLength, th.Lq!, scenario.replications);
    expectAgrees('Wq of admitted', out.summary.queues.q.meanWait, th.Wq!, scenario.replications);
  });

  it('M/D/1 (md1.json) and M/G/1 (mg1.json): Pollaczek-Khinchine', () => {
    const md1 = run('md1');
    const thD = mg1(0.8, 1, 0);
    expectAgrees('M/D/1 Lq', md1.out.summary.queues.q.meanLength, thD.Lq!, md1.scenario.replications);
    expectAgrees('M/D/1 Wq', md1.out.summary.queues.q.meanWait, thD.Wq!, md1.scenario.replications);
    const g = run('mg1');
    const thG = mg1(0.7, 1, 1.5 ** 2);
    expectAgrees('M/G/1 Lq', g.out.summary.queues.q.meanLength, thG.Lq!, g.scenario.replications);
    expectAgrees('M/G/1 Wq', g.out.summary.queues.q.meanWait, thG.Wq!, g.scenario.replications);
  });

  it('Jackson tandem (tandem.json): each queue as an M/M/1', () => {
    const { scenario, out } = run('tandem');
    for (const [id, mu] of [['parse', 1], ['write', 0.8]] as const) {
      const th = mm1(0.5, mu);
      expectAgrees(`${id} L`, out.summary.queues[id].meanInSystem, th.L!, scenario.replications);
      expectAgrees(`${id} W`, out.summary.queues[id].meanSojourn, th.W!, scenario.replications);
    }
    expectAgrees('network sojourn', out.summary.messages.meanSojourn, mm1(0.5, 1).W! + mm1(0.5, 0.8).W!, scenario.replications);
  });

  it('a time-varying producer sends the integral of lambda(t) (burst.json)', () => {
    const { scenario, out } = run('burst');
    // lambda(t) = 0.5 + 2.5 exp(-0.005 t): integral over [0, T] = 0.5 T + 500 (1 - exp(-0.005 T)).
    const T = scenario.horizon;
    const expected = 0.5 * T + (2.5 / 0.005) * (1 - Math.exp(-0.005 * T));
    const perReplication = out.summary.messages.produced / scenario.replications;
    // A Poisson count has variance = mean: the standard error of the mean over n replications is
    // sqrt(expected / n); 4.5 of them bound a false failure at ~1e-5.
    expect(Math.abs(perReplication - expected)).toBeLessThanOrEqual(4.5 * Math.sqrt(expected / scenario.replications));
    // Its rate series starts near lambda(0) = 3 and ends near 0.5.
    const rate = out.series.Prate;
    expect(rate[1]).toBeGreaterThan(2.5);
    expect(rate[rate.length - 1]).toBeLessThan(1);
  });
});

describe('identities on every example', () => {
  for (const name of examples) {
    it(`${name}: conservation: produced = done + waiting + in flight + rejected + dropped + expired + lost`, () => {
      const m = run(name).out.summary.messages;
      expect(m.produced).toBe(
        m.completed + m.waiting + m.inFlight + m.rejected + m.dropped + m.expired + m.deadLetterDropped + m.lost + m.lostInTransit,
      );
      expect(m.produced).toBeGreaterThan(0);
    });

    it(`${name}: Little's law Lq = lambda Wq per queue, within the CI of Lq`, () => {
      const { scenario, out } = run(name);
      for (const q of scenario.queues) {
        const s = out.summary.queues[q.id];
        const admittedRate = s.arrivalRate.mean! * (1 - s.lossProbability.mean!);
        expectAgrees(`${name} ${q.id} Little`, s.meanLength, admittedRate * s.meanWait.mean!, scenario.replications);
      }
    });
  }
});
