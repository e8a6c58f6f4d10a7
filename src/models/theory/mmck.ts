// M/M/c/K: Poisson arrivals, c exponential servers, at most K messages in the system (waiting +
// in service); arrivals that find K present are lost. The scenario's `capacity` counts waiting
// messages only, so K = capacity + c (the matcher converts).
import { geometricSums } from './geometric';
import { type QueueResult, integerAtLeast, nonNegative, positive } from './result';
import { exp, log } from '../../sim/math/index.ts';

const REFERENCE = 'Gross, Shortle, Thompson & Harris (2008), Fundamentals of Queueing Theory, 4th ed., section 2.5';

/**
 * M/M/c/K with arrival rate lambda, service rate mu per server, c servers and room for K >= c in
 * the system. p_n is proportional to a^n / n! for n <= c and to (a^c / c!) rho^(n-c) above
 * (a = lambda / mu, rho = a / c). Weights are handled as logarithms scaled by their maximum and
 * the tail as a truncated geometric sum, so c in the thousands and any load stay finite.
 * loss = p_K; W, Wq, pWait are those of admitted messages (rate lambda (1 - p_K)). Always stable.
 */
export function mmck(lambda: number, mu: number, c: number, K: number): QueueResult {
  nonNegative('mmck', 'lambda', lambda);
  positive('mmck', 'mu', mu);
  integerAtLeast('mmck', 'c', c, 1);
  integerAtLeast('mmck', 'K', K, c);
  const a = lambda / mu;
  const rho = a / c;
  const base = {
    model: (c === 1 ? 'M/M/1/K' : 'M/M/c/K') as 'M/M/1/K' | 'M/M/c/K',
    exact: true,
    method: 'truncated birth-death distribution',
    reference: REFERENCE,
    lambda,
    arrivalScv: 1,
    meanService: 1 / mu,
    serviceScv: 1,
    servers: c,
    capacity: K,
    offered: a,
    load: rho,
    stable: true,
  };
  if (lambda === 0) {
    return { ...base, loss: 0, throughput: 0, utilization: 0, pWait: 0, L: 0, Lq: 0, W: 1 / mu, Wq: 0 };
  }
  const m = K - c; // waiting places
  // log w_n = n log a - log n!, n = 0..c, built as a running sum (no factorials).
  const logW = new Array<number>(c + 1);
  logW[0] = 0;
  for (let n = 1; n <= c; n++) logW[n] = logW[n - 1] + log(a / n);
  const logWK = logW[c] + m * log(rho); // the weight of n = K
  let top = logWK;
  for (const lw of logW) top = Math.max(top, lw);
  let low = 0; // sum of weights for n < c
  let lowBusy = 0; // sum of n w_n for n < c (busy servers)
  for (let n = 0; n < c; n++) {
    const w = exp(logW[n] - top);
    low += w;
    lowBusy += n * w;
  }
  // Tail n = c..K: weights w_c rho^j (j = n - c). For rho > 1 write them from the top end,
  // w_K (1/rho)^i with i = K - n, so every ratio summed is <= 1.
  const wK = exp(logWK - top);
  let tail: number; // sum over n = c..K
  let tailWaiting: number; // sum of (n - c) w_n
  let tailBelowK: number; // sum over n = c..K-1
  if (rho <= 1) {
    const wc = exp(logW[c] - top);
    const { g0, g1 } = geometricSums(rho, m);
    tail = wc * g0;
    tailWaiting = wc * g1;
    tailBelowK = wc * geometricSums(rho, m - 1).g0;
  } else {
    const s = 1 / rho;
    const { g0, g1 } = geometricSums(s, m);
    tail = wK * g0;
    tailWaiting = wK * (m * g0 - g1);
    tailBelowK = wK * s * geometricSums(s, m - 1).g0;
  }
  const Z = low + tail;
  const loss = wK / Z;
  const busy = (lowBusy + c * tail) / Z; // mean busy servers = carried load
  const throughput = mu * busy; // = lambda (1 - loss), without the cancellation in 1 - loss
  const Lq = tailWaiting / Z;
  const L = Lq + busy;
  return {
    ...base,
    loss,
    throughput,
    utilization: busy / c,
    pWait: tailBelowK / (low + tailBelowK),
    L,
    Lq,
    W: L / throughput,
    Wq: Lq / throughput,
  };
}

/** M/M/1/K: mmck with one server (K >= 1 in the system, K - 1 waiting places). */
export function mm1k(lambda: number, mu: number, K: number): QueueResult {
  return mmck(lambda, mu, 1, K);
}
