import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src/sim/engine/simulation.ts';
import { OFF } from '../../../src/sim/engine/serverPhase.ts';
import { single } from '../../helpers/scenarios.ts';

const det = (value: number) => ({ dist: 'deterministic', value });

/** Runs replication r, checking at every change of the count that it is what the servers say and
 *  within [min, max]; returns the changes (t, n) and the simulation. */
function traced(scenario: ReturnType<typeof single>, r = 0, warmup = 0) {
  const sim = new Simulation(scenario, r, warmup);
  const g = sim.consumers[0];
  const { min, max } = scenario.consumers[0].autoscale!;
  const changes: [number, number][] = [[0, scenario.consumers[0].count]];
  const record = sim.recorder.consumersChanged.bind(sim.recorder);
  sim.recorder.consumersChanged = (t, index, n) => {
    {
      const provisioned = sim.servers.filter((s) => s.group === g && s.phase !== OFF).length;
      expect(n, `count at t=${t}`).toBe(provisioned);
      expect(n).toBeGreaterThanOrEqual(min);
      expect(n).toBeLessThanOrEqual(max);
      expect(g.servers.length).toBeLessThanOrEqual(n);
      changes.push([t, n]);
    }
    record(t, index, n);
  };
  sim.run();
  return { sim, changes };
}

/** Integral of a step function given by its changes over [from, to]. */
function integral(changes: [number, number][], from: number, to: number): number {
  let area = 0;
  changes.forEach(([t, n], i) => {
    const end = i + 1 < changes.length ? changes[i + 1][0] : to;
    area += n * Math.max(0, Math.min(end, to) - Math.max(t, from));
  });
  return area;
}

describe('autoscaling', () => {
  it('consumer-seconds equal the integral of the count, which stays within [min, max] and matches the servers', () => {
    for (const metric of ['backlog', 'age', 'utilization'] as const) {
      const target = metric === 'utilization' ? 0.7 : 2;
      const scenario = single({
        horizon: 3000,
        producer: { interarrival: { dist: 'exponential', rate: 6 } },
        consumer: { count: 3, autoscale: { min: 2, max: 15, metric, target, interval: 5, startupDelay: 20 } },
      });
      const { sim, changes } = traced(scenario, 0, 500);
      expect(changes.length, metric).toBeGreaterThan(10);
      const area = sim.recorder.consumerArea[0];
      expect(Math.abs(area - integral(changes, 500, 3000)), metric).toBeLessThanOrEqual(1e-9 * area);
      // The sampled series holds the count at each sample time.
      const N = sim.recorder.consumerN[0];
      sim.recorder.sampleTimes.forEach((t, k) => {
        const last = changes.filter(([s]) => s <= t).at(-1)!;
        expect(N[k], `${metric} N(${t}) after changes ${JSON.stringify(changes.filter(([s]) => Math.abs(s - t) < 7))}`).toBe(last[1]);
      });
    }
  });

  it('new servers take messages only after the start-up delay, and count from when they are asked for', () => {
    // Arrivals every 0.5 s, handling 1.5 s: the backlog at t = 10 asks for the max, 3.
    const scenario = single({
      horizon: 40,
      producer: { interarrival: det(0.5) },
      consumer: { service: det(1.5), autoscale: { min: 1, max: 3, metric: 'backlog', target: 1, interval: 10, startupDelay: 5 } },
    });
    const sim = new Simulation(scenario, 0, 0);
    sim.runUntil(10);
    expect(sim.recorder.consumers[0]).toBe(3);
    expect(sim.consumers[0].servers.length).toBe(1);
    sim.runUntil(14.999);
    expect(sim.consumers[0].servers.length).toBe(1);
    sim.runUntil(15);
    expect(sim.consumers[0].servers.length).toBe(3);
    expect(sim.consumers[0].busy).toBe(3);
  });

  it('scaling down lets busy servers finish their message before they leave', () => {
    // Three messages at t ~ 0 on three servers, each handling 8 s; at t = 2 the empty queue asks
    // for min = 1: none is idle, so two finish at t = 8 and then leave.
    const scenario = single({
      horizon: 20,
      producer: { interarrival: det(0.001), limit: 3 },
      consumer: { count: 3, service: det(8), autoscale: { min: 1, max: 3, metric: 'backlog', target: 1, interval: 2 } },
    });
    const sim = new Simulation(scenario, 0, 0);
    sim.runUntil(7.9);
    expect(sim.recorder.consumers[0]).toBe(3);
    expect(sim.consumers[0].servers.length).toBe(1); // two no longer take messages
    sim.runUntil(8.1);
    expect(sim.recorder.consumers[0]).toBe(1);
    sim.run();
    expect(sim.recorder.handled).toBe(3);
    // Ties among the least loaded go to the last servers: those handling the messages that
    // arrived at 0.002 and 0.003 leave at 8.002 and 8.003.
    expect(sim.recorder.consumerArea[0]).toBeCloseTo(3 * 8.002 + 2 * 0.001 + 1 * (20 - 8.003), 9);
  });

  it('an idle server leaves at once', () => {
    // Nothing arrives after t = 0.001: at t = 5 the policy drops from 4 to min 1 at once.
    const scenario = single({
      horizon: 20,
      producer: { interarrival: det(0.001), limit: 1 },
      consumer: { count: 4, service: det(1), autoscale: { min: 1, max: 4, metric: 'backlog', target: 1, interval: 5 } },
    });
    const sim = new Simulation(scenario, 0, 0);
    sim.run();
    expect(sim.recorder.consumerArea[0]).toBeCloseTo(4 * 5 + 1 * 15, 9);
  });

  it('scaling down cancels servers still starting first: they never take a message', () => {
    // 20 messages by t = 0.2, 0.1 s each: at t = 1 the backlog asks for 5 (4 start, up at 11);
    // at t = 2 it is gone and the policy asks for 1: the 4 are cancelled.
    const scenario = single({
      horizon: 30,
      producer: { interarrival: det(0.01), limit: 20 },
      consumer: { service: det(0.1), autoscale: { min: 1, max: 5, metric: 'backlog', target: 1, interval: 1, startupDelay: 10 } },
    });
    const sim = new Simulation(scenario, 0, 0);
    sim.runUntil(1);
    expect(sim.recorder.consumers[0]).toBe(5);
    sim.run();
    expect(sim.consumers[0].servers.length).toBe(1);
    expect(sim.recorder.handled).toBe(20);
    expect(sim.recorder.consumerArea[0]).toBeCloseTo(1 * 1 + 5 * 1 + 1 * 28, 9);
  });

  it('cooldown: no decision within cooldown s of the last change', () => {
    const base = { min: 1, max: 30, metric: 'utilization', target: 0.6, interval: 5, startupDelay: 30 };
    const scenario = single({
      horizon: 5000,
      producer: { interarrival: { dist: 'exponential', rate: 8 } },
      consumer: { count: 2, autoscale: { ...base, cooldown: 120 } },
    });
    const sim = new Simulation(scenario, 0, 0);
    const a = sim.consumers[0].autoscaler!;
    const decisions: number[] = [];
    const changed = a.changed.bind(a);
    a.changed = (t, direction) => {
      decisions.push(t);
      changed(t, direction);
    };
    sim.run();
    expect(decisions.length).toBeGreaterThan(5);
    for (let i = 1; i < decisions.length; i++) expect(decisions[i] - decisions[i - 1]).toBeGreaterThanOrEqual(120);
  });
});
