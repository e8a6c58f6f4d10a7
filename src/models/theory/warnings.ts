// Plain-language warnings about queues whose backlog cannot settle, from offered loads alone.
import type { Producer, Scenario } from '../../sim/scenario/types';
import { serviceCapacity } from './groups';
import { networkRates } from './offered';
import { trafficEquations } from './jackson';

/** 3 significant digits, without trailing zeros: 1.2, 0.333, 1500. */
export function fmt(x: number): string {
  return String(Number(x.toPrecision(3)));
}

/** Highest rate of a time-varying producer over [0, horizon] (t = 0 and a log grid). */
function peakRate(p: Producer, horizon: number): number {
  if (p.rate === null) return 0;
  const { x0, terms } = p.rate;
  const at = (t: number) => x0 + terms.reduce((s, k) => s + k.amplitude * Math.exp(-k.rate * t), 0);
  let peak = at(0);
  const steps = 400;
  for (let i = 0; i <= steps; i++) peak = Math.max(peak, at(horizon * 10 ** (-6 + (6 * i) / steps)));
  return peak;
}

/**
 * Warnings, one line each, in scenario order:
 * - "queue q has no consumers: every message waits forever"
 * - "queue q is unstable: load 1.2 (>= 1); its backlog grows without bound"
 * - "queue q is overloaded: load 1.5 (>= 1); its capacity of 10 caps the backlog and at least 33% of messages are lost"
 * - "queue q is temporarily overloaded: load up to 2.5 while time-varying producers run above their long-run rate (long run 0.5)"
 * - "messages routed among queues a, b never leave: their backlog grows without bound"
 */
export function stabilityWarnings(scenario: Scenario): string[] {
  const rates = networkRates(scenario);
  const warnings: string[] = [];
  if (rates.trapped.length > 0) {
    warnings.push(
      `messages routed among queues ${rates.trapped.join(', ')} never leave: their backlog grows without bound`,
    );
  }
  // Rates with every time-varying producer at its peak (the traffic equations are linear).
  const index = new Map(rates.ids.map((id, i) => [id, i]));
  const peakExternal = [...rates.external];
  let surging = false;
  for (const p of scenario.producers) {
    const peak = peakRate(p, scenario.horizon);
    const extra = peak - (p.rate?.x0 ?? 0);
    if (p.rate === null || extra <= 0) continue;
    surging = true;
    for (const to of p.to) peakExternal[index.get(to)!] += extra / p.to.length;
  }
  const peakLambda = surging && rates.trapped.length === 0 ? trafficEquations(peakExternal, rates.routing) : null;
  scenario.queues.forEach((q, i) => {
    const lambda = rates.lambda[i];
    if (lambda === Infinity || (lambda === 0 && peakLambda === null)) return;
    const capacity = serviceCapacity(rates.groups[i]);
    if (capacity === 0) {
      if (lambda > 0 || (peakLambda?.[i] ?? 0) > 0)
        warnings.push(`queue ${q.id} has no consumers: every message waits forever`);
      return;
    }
    const load = lambda / capacity;
    if (load >= 1 && q.capacity === null) {
      warnings.push(`queue ${q.id} is unstable: load ${fmt(load)} (>= 1); its backlog grows without bound`);
    } else if (load >= 1) {
      const lost = Math.floor(100 * (1 - 1 / load)); // throughput <= capacity: loss >= 1 - 1 / load
      const share = lost > 0 ? `at least ${lost}% of messages are lost` : 'messages are lost';
      warnings.push(
        `queue ${q.id} is overloaded: load ${fmt(load)} (>= 1); its capacity of ${q.capacity} caps the backlog and ${share}`,
      );
    } else if (peakLambda !== null && peakLambda[i] / capacity >= 1) {
      warnings.push(
        `queue ${q.id} is temporarily overloaded: load up to ${fmt(peakLambda[i] / capacity)} while time-varying producers run above their long-run rate (long run ${fmt(load)})`,
      );
    }
  });
  return warnings;
}
