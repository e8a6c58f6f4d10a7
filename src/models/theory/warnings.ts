// Plain-language warnings about queues whose backlog cannot settle, from offered loads alone.
import type { Producer, Scenario } from '../../sim/scenario/types';
import { behaviourOf } from './behaviour';
import { type ServiceGroup, serviceCapacity } from './groups';
import { networkRates } from './offered';
import { trafficEquations } from './jackson';
import { fmt, pct } from './format';
import { producerRate } from './streams';
import { exp, pow } from '../../sim/math/index.ts';

export { fmt, pct };

/** Warn about visibility timeouts that at least this share of handling times outlast. */
const TIMEOUT_WARNING = 1e-3;


/** Highest rate of a time-varying producer over [0, horizon] (t = 0 and a log grid). */
function peakRate(p: Producer, horizon: number): number {
  if (p.rate === null) return 0;
  const { x0, terms } = p.rate;
  const at = (t: number) => x0 + terms.reduce((s, k) => s + k.amplitude * exp(-k.rate * t), 0);
  let peak = at(0);
  const steps = 400;
  for (let i = 0; i <= steps; i++) peak = Math.max(peak, at(horizon * pow(10, -6 + (6 * i) / steps)));
  return peak;
}

/** "(>= 1, counting 1.2 deliveries per message and availability 90.9%)", or "(>= 1)". */
function loadContext(group: ServiceGroup): string {
  if (group.kind === 'none') return '(>= 1)';
  const parts: string[] = [];
  if (group.deliveries > 1) parts.push(`${fmt(group.deliveries)} deliveries per message`);
  if (group.kind === 'pooled' && group.behaviour.availability < 1) parts.push(`availability ${pct(group.behaviour.availability)}`);
  return parts.length === 0 ? '(>= 1)' : `(>= 1, counting ${parts.join(' and ')})`;
}

/** Visibility timeouts that make messages come back as duplicates, or for ever. */
function ackWarnings(scenario: Scenario): string[] {
  const out: string[] = [];
  for (const c of scenario.consumers) {
    if (c.ack.mode !== 'manual') continue;
    const { retries } = behaviourOf(c, scenario.horizon);
    const vt = c.ack.visibilityTimeout;
    if (vt !== null && retries.timeoutProbability >= TIMEOUT_WARNING) {
      out.push(
        `consumer ${c.id}: visibility timeout ${vt} s is shorter than ${pct(retries.timeoutProbability)} of handling times: they are delivered again while still in handling (duplicates)`,
      );
    }
    if (retries.deliveriesPerMessage === null) {
      out.push(`consumer ${c.id}: every delivery ends in a redelivery and there is no maxDeliveries: messages are delivered for ever`);
    }
  }
  return out;
}

/**
 * Warnings, one line each, in scenario order:
 * - "queue q has no consumers: every message waits forever"
 * - "queue q is unstable: load 1.2 (>= 1); its backlog grows without bound"
 * - "queue q is overloaded: load 1.5 (>= 1); its capacity of 10 caps the backlog and at least 33% of messages are lost"
 * - "queue q is temporarily overloaded: load up to 2.5 while time-varying producers run above their long-run rate (long run 0.5)"
 * - "messages routed among queues a, b never leave: their backlog grows without bound"
 * - "queue q is unstable: load 1.05 (>= 1, counting 1.2 deliveries per message and availability 90.9%); ..."
 *   when redeliveries or failures (availability = mtbf / (mtbf + mttr)) add to the load
 * - "consumer c: visibility timeout 30 s is shorter than 50% of handling times: they are delivered again ..."
 * Queues that closed loops (replies "sync") send to are never unstable: at most N messages exist.
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
  const closed = new Set([...rates.loops.values()].map((l) => l.queue));
  scenario.queues.forEach((q, i) => {
    const lambda = rates.lambda[i];
    if (lambda === Infinity || (lambda === 0 && peakLambda === null && !closed.has(q.id))) return;
    const group = rates.groups[i];
    const capacity = serviceCapacity(group);
    if (group.kind === 'none') {
      if (lambda > 0 || (peakLambda?.[i] ?? 0) > 0 || closed.has(q.id))
        warnings.push(`queue ${q.id} has no consumers: every message waits forever`);
      return;
    }
    if (closed.has(q.id)) return;
    if (capacity === 0) {
      warnings.push(`queue ${q.id} is unstable: its consumers have no service capacity (an infinite mean service or repair time)`);
      return;
    }
    const load = rates.load[i];
    if (load === Infinity) return; // messages delivered for ever: ackWarnings says so
    const context = loadContext(group);
    if (load >= 1 && q.capacity === null) {
      warnings.push(`queue ${q.id} is unstable: load ${fmt(load)} ${context}; its backlog grows without bound`);
    } else if (load >= 1) {
      const lost = Math.floor(100 * (1 - 1 / load)); // throughput <= capacity: loss >= 1 - 1 / load
      const share = lost > 0 ? `at least ${lost}% of messages are lost` : 'messages are lost';
      warnings.push(
        `queue ${q.id} is overloaded: load ${fmt(load)} ${context}; its capacity of ${q.capacity} caps the backlog and ${share}`,
      );
    } else if (peakLambda !== null && (peakLambda[i] * group.deliveries) / capacity >= 1) {
      warnings.push(
        `queue ${q.id} is temporarily overloaded: load up to ${fmt((peakLambda[i] * group.deliveries) / capacity)} while time-varying producers run above their long-run rate (long run ${fmt(load)})`,
      );
    }
  });
  return [...warnings, ...retryWarnings(scenario, rates.load), ...ackWarnings(scenario)];
}

/**
 * Stable queues that client retries could overload: once a slowdown makes requests time out,
 * every request may become up to maxAttempts messages (1 + ratio with a retry budget), and the
 * abandoned attempts still take service. If that load is >= 1 the overload can outlast its cause
 * (a metastable failure; see lesson 17). Open-loop producers sending straight to the queue only.
 */
function retryWarnings(scenario: Scenario, loads: number[]): string[] {
  const out: string[] = [];
  scenario.queues.forEach((q, i) => {
    const load = loads[i];
    if (!(load > 0 && load < 1)) return;
    const lambda = scenario.producers.reduce((s, p) => s + (p.to.includes(q.id) ? producerRate(p) / p.to.length : 0), 0);
    let extra = 0;
    let retrying = 0;
    const who: string[] = [];
    for (const p of scenario.producers) {
      if (p.retry === null || !p.to.includes(q.id) || p.replies === 'sync') continue;
      const perRequest = p.retry.budget === null ? p.retry.maxAttempts : Math.min(p.retry.maxAttempts, 1 + p.retry.budget.ratio);
      extra += (producerRate(p) / p.to.length) * (perRequest - 1);
      retrying += producerRate(p) / p.to.length;
      who.push(`${p.id}: up to ${fmt(perRequest)} messages per request`);
    }
    if (lambda === 0 || extra === 0) return;
    const worst = load * (1 + extra / lambda);
    if (worst >= 1) {
      // A budget of `ratio` retries per request caps the worst case at load (1 + ratio retrying / lambda).
      const budget = ((1 / load - 1) * lambda) / retrying;
      out.push(
        `queue ${q.id}: client retries can raise its load from ${fmt(load)} to ${fmt(worst)} (${who.join('; ')}): after a slowdown that makes requests time out, the retries can keep it overloaded when the cause has gone (metastable); backoff alone does not prevent it, a retry budget below ${pct(budget)} of requests does`,
      );
    }
  });
  return out;
}
