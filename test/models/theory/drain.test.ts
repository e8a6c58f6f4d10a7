import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitSeries, evaluateModel } from '../../../src/models/expfit/index.ts';
import { theoryFor } from '../../../src/models/theory/index.ts';
import { combineReplications, runReplication } from '../../../src/sim/replicate.ts';
import { parseScenario } from '../../../src/sim/scenario/parse.ts';
import { meanCI } from '../../../src/sim/stats/meanCI.ts';
import { expectAgrees } from '../../helpers/agreement.ts';

const file = JSON.parse(readFileSync('scenarios/drain.json', 'utf8'));

describe('drain theory (theoryFor(scenario).drain)', () => {
  it('reports B / (c mu - lambda) and the exact (B - c) / (c mu - lambda) of M/M/c for a queue with a backlog', () => {
    const theory = theoryFor(parseScenario(file));
    expect(theory.drain).toEqual({
      q: expect.objectContaining({ backlog: 2400, lambda: 4, capacity: 5, time: 2400 / (5 - 4), exact: (2400 - 5) / (5 - 4) }),
    });
    expect(theoryFor(parseScenario({ ...file, queues: [{ id: 'q' }] })).drain).toBeUndefined();
    const none = parseScenario({ ...file, queues: [{ id: 'q' }], horizon: 10, warmup: 0, replications: 1 });
    expect(combineReplications(none, 0, [runReplication(none, 0, 0)]).summary.queues.q).not.toHaveProperty('drainTime');
    const overloaded = theoryFor(parseScenario({ ...file, producers: [{ ...file.producers[0], interarrival: { dist: 'exponential', rate: 5 } }] }));
    expect(overloaded.drain!.q).toMatchObject({ time: null, exact: null });
    expect(overloaded.drain!.q.note).toContain('no drain');
    // Prefetch 3: each server holds more than it handles, so the exact form no longer applies.
    const buffered = theoryFor(parseScenario({ ...file, consumers: [{ ...file.consumers[0], prefetch: 3 }] }));
    expect(buffered.drain!.q.exact).toBeNull();
  });

  it('the simulated time until nothing waits agrees with (B - c) / (c mu - lambda); Q(t) falls by c mu - lambda a second', () => {
    // scenarios/drain.json, sampled every 0.5 s, 30 replications of the drain itself.
    const dt = 0.5;
    const scenario = parseScenario({ ...file, horizon: 3000, warmup: 0, replications: 30, sampleEvery: dt });
    const reps = Array.from({ length: scenario.replications }, (_, r) => runReplication(scenario, r, 0));
    const drain = theoryFor(scenario).drain!.q;
    // The first sample with nothing waiting: the queue emptied in the half-second before it
    // (a later one if an earlier empty instant fell between samples), so its midpoint estimates it.
    const firstEmpty = reps.map((r) => {
      const k = r.series!.queueQ[0].findIndex((q) => q === 0);
      expect(k, `replication ${r.replication} never drained`).toBeGreaterThan(0);
      return k * dt - dt / 2;
    });
    expectAgrees('time until nothing waits', meanCI(firstEmpty), drain.exact!, scenario.replications, 3);

    // The summary reports the same estimate as summary.queues.q.drainTime (queues with a backlog only).
    const { series, summary } = combineReplications(scenario, 0, reps);
    expect(summary.queues.q.drainTime).toEqual(meanCI(firstEmpty));

    // Halfway through, E[Q(t)] = B - c - (c mu - lambda) t exactly (all servers busy all along).
    const half = Math.round(drain.exact! / 2 / dt);
    const t = series.t[half];
    const band = series.band!.Q;
    const qHalf = { mean: series.Q[half], ci95: [band.lo[half], band.hi[half]] as [number, number] };
    expectAgrees('Q halfway through the drain', qHalf, 2400 - 5 - (drain.capacity - drain.lambda) * t, scenario.replications, 3);

    // The exponential model fitted to each replication's drain (Q over the first 80% of it,
    // before any replication has emptied): a fall at a constant rate is a straight line, which
    // one term follows with a time constant beyond the window; its mean fall rate over the
    // window, (X(0) - X(T)) / T, agrees with c mu - lambda.
    const window = Math.round((0.8 * drain.exact!) / dt);
    const T = series.t[window - 1];
    const rates = reps.map((r) => {
      const fit = fitSeries(series.t.slice(0, window), Array.from(r.series!.queueQ[0].slice(0, window)), { terms: 1 });
      return (evaluateModel(fit, 0) - evaluateModel(fit, T)) / T;
    });
    expectAgrees('fitted fall rate of Q during the drain', meanCI(rates), drain.capacity - drain.lambda, scenario.replications, 3);
  });
});
