import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src/sim/engine/simulation.ts';
import { checkScenario, formatProblem, parseScenario } from '../../../src/sim/scenario/parse.ts';
import { runScenario } from '../../helpers/scenarios.ts';

/** A backlog of 4 at t = 0, one server taking 1 s each, no arrivals until t = 100. */
const scenario = (initial: unknown, queue: object = {}) => ({
  name: 'backlog by hand',
  horizon: 6,
  sampleEvery: 1,
  producers: [{ id: 'p', to: 'q', interarrival: { dist: 'deterministic', value: 1 }, start: 100 }],
  queues: [{ id: 'q', initial, ...queue }],
  consumers: [{ id: 'c', from: 'q', service: { dist: 'deterministic', value: 1 } }],
});

describe('queues[].initial', () => {
  it('enqueues the backlog at t = 0 before any event: counted as produced then, drained one a second', () => {
    const sim = new Simulation(parseScenario(scenario(4)), 0, 0);
    const rec = sim.run();
    expect(Array.from(rec.P)).toEqual([4, 4, 4, 4, 4, 4, 4]);
    // One goes into service at once; the other three wait and leave the line one a second.
    expect(Array.from(rec.Q)).toEqual([3, 2, 1, 0, 0, 0, 0]);
    expect(Array.from(rec.H)).toEqual([0, 1, 2, 3, 4, 4, 4]);
    expect(rec.completed).toBe(4);
    expect(sim.present).toBe(0);
  });

  it('beyond the capacity, backlog messages are rejected like arrivals', () => {
    const sim = new Simulation(parseScenario(scenario(4, { capacity: 2 })), 0, 0);
    sim.run();
    expect(sim.recorder.rejected[0]).toBe(1); // one in service, two wait, one refused
    expect(sim.recorder.completed).toBe(3);
  });

  it('every backlog message is accounted for, with retries, dead letters, expiry and a bounded queue', () => {
    const s = parseScenario({
      name: 'backlog with everything',
      seed: 3,
      horizon: 500,
      replications: 3,
      producers: [{ id: 'p', to: 'q', interarrival: { dist: 'exponential', rate: 0.5 }, priority: { dist: 'uniform', min: 0, max: 1 } }],
      queues: [{ id: 'q', initial: 300, capacity: 250, ttl: 120, discipline: 'priority' }, { id: 'dlq', initial: 5 }],
      consumers: [
        { id: 'c', from: 'q', count: 2, service: { dist: 'exponential', rate: 1 }, prefetch: 2, ack: { mode: 'manual', failure: 0.2, visibilityTimeout: 5, maxDeliveries: 3, deadLetter: 'dlq' } },
        { id: 'ops', from: 'dlq', service: { dist: 'exponential', mean: 20 } },
      ],
    });
    const m = runScenario(s).summary.messages;
    expect(m.produced).toBe(m.completed + m.waiting + m.inFlight + m.rejected + m.dropped + m.expired + m.deadLetterDropped + m.lost + m.lostInTransit);
    expect([m.rejected, m.expired, m.deadLettered].every((n) => n > 0)).toBe(true);
  });

  it('defaults to 0 and must be an integer >= 0', () => {
    expect(parseScenario(scenario(undefined)).queues[0].initial).toBe(0);
    const bad = checkScenario(scenario(-1));
    expect(bad.ok ? [] : bad.problems.map(formatProblem)).toEqual(['queues[0].initial: must be >= 0 (got -1)']);
    const half = checkScenario(scenario(1.5));
    expect(half.ok ? [] : half.problems.map(formatProblem)).toEqual(['queues[0].initial: must be an integer (got 1.5)']);
  });
});
