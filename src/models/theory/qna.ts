// Two-moment descriptions of arrival streams inside a network: how the squared coefficient of
// variation (scv) of interarrival times changes when streams merge, split or pass a queue.
// Whitt (1983), "The Queueing Network Analyzer", Bell Syst. Tech. J. 62(9), 2779-2815.
import { pow } from '../../sim/math/index.ts';

/** Merged streams: the rate-weighted scv (QNA's basic superposition approximation). */
export function superpositionScv(streams: { rate: number; scv: number }[]): number {
  const total = streams.reduce((s, x) => s + x.rate, 0);
  if (total === 0) return 1;
  return streams.reduce((s, x) => s + (x.rate / total) * x.scv, 0);
}

/**
 * Each message kept independently with probability p: scv p c^2 + 1 - p. Exact for a renewal
 * stream (a geometric sum of interarrival times); Poisson stays Poisson.
 */
export function bernoulliSplitScv(scv: number, p: number): number {
  return p * scv + 1 - p;
}

/** Every k-th message of a renewal stream (round-robin over k targets): scv c^2 / k, exact. */
export function roundRobinScv(scv: number, k: number): number {
  return scv / k;
}

/**
 * Departures of a c-server queue with utilization rho (QNA):
 * cd^2 = 1 + (1 - rho^2) (ca^2 - 1) + rho^2 (cs^2 - 1) / sqrt(c).
 */
export function departureScv(arrivalScv: number, serviceScv: number, rho: number, c: number): number {
  const r2 = pow(Math.min(rho, 1), 2);
  return Math.max(0, 1 + (1 - r2) * (arrivalScv - 1) + (r2 * (serviceScv - 1)) / Math.sqrt(c));
}
