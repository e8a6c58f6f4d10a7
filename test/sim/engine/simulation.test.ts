import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src/sim/engine/simulation.ts';
import { parseScenario } from '../../../src/sim/scenario/parse.ts';

/** A tiny scenario whose every event can be worked out by hand. */
function deterministicScenario(extra: { queue?: object; consumer?: object; producer?: object } = {}) {
  return parseScenario({
    name: 'D/D/1 by hand',
    seed: 1,
    horizon: 10,
    sampleEvery: 1,
    producers: [{ id: 'p', to: 'q', interarrival: { dist: 'deterministic', value: 1 }, ...extra.producer }],
    queues: [{ id: 'q', ...extra.queue }],
    consumers: [{ id: 'c', from: 'q', service: { dist: 'deterministic', value: 1.5 }, ...extra.consumer }],
  });
}

describe('Simulation', () => {
  it('reproduces a D/D/1 worked out by hand (arrivals at 1, 2, ..., service 1.5)', () => {
    // Service starts at max(arrival, previous end): 1, 2.5, 4, 5.5, 7, 8.5, 10; ends 1.5 later.
    // At equal times events run in scheduling order: the service end at t = 4 (scheduled at 2.5)
    // comes before the arrival at t = 4 (scheduled at 3).
    const sim = new Simulation(deterministicScenario(), 0, 0);
    const rec = sim.run();
    expect(Array.from(rec.P)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(Array.from(rec.C)).toEqual([0, 1, 1, 2, 3, 3, 4, 5, 5, 6, 7]);
    expect(Array.from(rec.H)).toEqual([0, 0, 0, 1, 2, 2, 3, 4, 4, 5, 6]);
    expect(Array.from(rec.Q)).toEqual([0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3]);
    expect(rec.completed).toBe(6);
    // Waits 0, .5, 1, 1.5, 2, 2.5, 3 (the last starts at the horizon).
    expect(rec.waitSum[0]).toBeCloseTo(10.5, 12);
    expect(rec.waitCount[0]).toBe(7);
    // Busy from 1 to 10 without a break.
    expect(rec.busyArea[0]).toBeCloseTo(9, 12);
    // Q(t): 1 on [2, 2.5), [3, 5) and [5.5, 6); 2 on [5, 5.5), [6, 8) and [8.5, 9); 3 on [8, 8.5) and [9, 10].
    expect(rec.lengthArea[0]).toBeCloseTo(13.5, 12);
  });

  it('rejects arrivals to a full queue (capacity 1)', () => {
    // Unbounded, Q reaches 2 at t = 5; with room for one waiting message the arrivals that find
    // one waiting are refused.
    const sim = new Simulation(deterministicScenario({ queue: { capacity: 1 } }), 0, 0);
    sim.run();
    const r = sim.recorder;
    expect(Math.max(...r.Q)).toBe(1);
    expect(r.rejected[0]).toBeGreaterThan(0);
    expect(r.produced).toBe(10);
    expect(r.produced).toBe(r.completed + sim.queues[0].line.size + sim.queues[0].inService + r.rejected[0]);
  });

  it('drop-head pushes out the oldest waiting message instead', () => {
    const sim = new Simulation(deterministicScenario({ queue: { capacity: 1, overflow: 'drop-head' } }), 0, 0);
    const r = sim.run();
    expect(r.rejected[0]).toBe(0);
    expect(r.dropped[0]).toBeGreaterThan(0);
    expect(r.produced).toBe(r.completed + sim.queues[0].line.size + sim.queues[0].inService + r.dropped[0]);
  });

  it('expires messages that waited ttl seconds', () => {
    // With ttl 1.2: m2 waits .5, m3 waits 1 (served), m4 would wait 1.5 -> expires at 5.2, ...
    const sim = new Simulation(deterministicScenario({ queue: { ttl: 1.2 } }), 0, 0);
    const r = sim.run();
    expect(r.expired[0]).toBeGreaterThan(0);
    expect(r.waitSum[0] / r.waitCount[0]).toBeLessThanOrEqual(1.2);
    expect(r.produced).toBe(r.completed + sim.queues[0].line.size + sim.queues[0].inService + r.expired[0]);
  });

  it('runUntil(T) then runUntil(2T) equals one run to 2T', () => {
    const scenario = parseScenario({
      name: 'split run',
      seed: 9,
      horizon: 2000,
      sampleEvery: 10,
      producers: [{ id: 'p', to: 'q', interarrival: { dist: 'exponential', rate: 0.8 } }],
      queues: [{ id: 'q' }],
      consumers: [{ id: 'c', from: 'q', service: { dist: 'exponential', rate: 1 } }],
    });
    const whole = new Simulation(scenario, 3, 100).run();
    const split = new Simulation(scenario, 3, 100);
    split.runUntil(1000);
    split.runUntil(1000); // again: a no-op
    split.runUntil(2000);
    split.recorder.finish();
    const r = split.recorder;
    expect(Array.from(r.Q)).toEqual(Array.from(whole.Q));
    expect(Array.from(r.H)).toEqual(Array.from(whole.H));
    expect(r.waitSum[0]).toBe(whole.waitSum[0]);
    expect(r.lengthArea[0]).toBe(whole.lengthArea[0]);
  });

  it('wraps an error inside the event loop with the component and the simulated time', () => {
    const sim = new Simulation(deterministicScenario(), 0, 0);
    sim.consumers[0].service.sample = () => {
      throw new Error('boom');
    };
    // The first service starts while the arrival at t = 1 is being processed: that event is named.
    expect(() => sim.run()).toThrow(/^producer p at t=1: boom$/);
  });
});

describe('Simulation never hangs', () => {
  it('stops with a clear error when time cannot advance (a closed loop with zero delays)', () => {
    const scenario = parseScenario({
      name: 'zero loop',
      horizon: 10,
      producers: [{ id: 'p', to: 'q', replies: 'sync', clients: 1 }],
      queues: [{ id: 'q' }],
      consumers: [{ id: 'c', from: 'q', service: { dist: 'deterministic', value: 0 } }],
    });
    expect(() => new Simulation(scenario, 0, 0).run()).toThrow(/at t=0: time does not advance/);
  });
});
