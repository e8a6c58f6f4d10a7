// GI/M/1: renewal arrivals, one exponential server, FIFO. The number an arrival finds is
// geometric with parameter sigma, the root in (0, 1) of sigma = A*(mu (1 - sigma)), A* the
// Laplace-Stieltjes transform of the interarrival time (Kleinrock (1975), Queueing Systems I,
// section 6.4). Then P(wait) = sigma, Wq = sigma / (mu (1 - sigma)), W = 1 / (mu (1 - sigma)).

export interface GIM1Result {
  /** The root sigma: P(an arrival finds the server busy). */
  sigma: number;
  lambda: number;
  mu: number;
  load: number;
  pWait: number;
  Wq: number;
  W: number;
  Lq: number;
  L: number;
}

/**
 * GI/M/1 from the interarrival transform `lst` (A*(s) = E[exp(-s A)]), arrival rate lambda and
 * service rate mu, lambda < mu. sigma by fixed-point iteration from 0, which increases to the
 * smallest root (the map is increasing and convex).
 */
export function gim1(lst: (s: number) => number, lambda: number, mu: number): GIM1Result {
  if (!(lambda > 0 && mu > 0)) throw new RangeError(`rates must be > 0, got lambda = ${lambda}, mu = ${mu}`);
  const load = lambda / mu;
  if (!(load < 1)) throw new RangeError(`no steady state: load lambda / mu = ${load} >= 1`);
  let sigma = 0;
  for (let i = 0; i < 10_000_000; i++) {
    const next = lst(mu * (1 - sigma));
    if (Math.abs(next - sigma) <= 1e-15) {
      sigma = next;
      break;
    }
    sigma = next;
  }
  const Wq = sigma / (mu * (1 - sigma));
  const W = 1 / (mu * (1 - sigma));
  return { sigma, lambda, mu, load, pWait: sigma, Wq, W, Lq: lambda * Wq, L: lambda * W };
}

/** E_k/M/1: Erlang-k interarrival times of mean 1 / lambda, A*(s) = (k lambda / (k lambda + s))^k. */
export function ekm1(k: number, lambda: number, mu: number): GIM1Result {
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`k must be an integer >= 1, got ${k}`);
  return gim1((s) => ((k * lambda) / (k * lambda + s)) ** k, lambda, mu);
}

/** D/M/1: arrivals exactly 1 / lambda apart, A*(s) = exp(-s / lambda). */
export function dm1(lambda: number, mu: number): GIM1Result {
  return gim1((s) => Math.exp(-s / lambda), lambda, mu);
}
