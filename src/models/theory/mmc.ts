// M/M/c: Poisson arrivals, c identical exponential servers, unbounded FIFO queue.
import { erlangC } from './erlang';
import { type QueueResult, integerAtLeast, nonNegative, positive, unstableResult } from './result';

const REFERENCE = 'Gross, Shortle, Thompson & Harris (2008), Fundamentals of Queueing Theory, 4th ed., section 2.3';

/**
 * M/M/c with arrival rate lambda, service rate mu per server and c servers: a = lambda / mu,
 * rho = a / c, C = Erlang C(c, a) (computed stably, see erlang.ts), Lq = C rho / (1 - rho),
 * Wq = C / (c mu - lambda), W = Wq + 1 / mu, L = lambda W, P(wait) = C.
 * Unstable (rho >= 1): see QueueResult.
 */
export function mmc(lambda: number, mu: number, c: number): QueueResult {
  nonNegative('mmc', 'lambda', lambda);
  positive('mmc', 'mu', mu);
  integerAtLeast('mmc', 'c', c, 1);
  const a = lambda / mu;
  const rho = a / c;
  const base = {
    model: (c === 1 ? 'M/M/1' : 'M/M/c') as 'M/M/1' | 'M/M/c',
    exact: true,
    method: 'Erlang C',
    reference: REFERENCE,
    lambda,
    arrivalScv: 1,
    meanService: 1 / mu,
    serviceScv: 1,
    servers: c,
    capacity: null,
    offered: a,
    load: rho,
  };
  if (rho >= 1) return unstableResult(base);
  const C = erlangC(c, a);
  const Wq = C / (c * mu - lambda);
  const W = Wq + 1 / mu;
  return {
    ...base,
    stable: true,
    loss: 0,
    throughput: lambda,
    utilization: rho,
    pWait: C,
    L: lambda * W,
    Lq: lambda * Wq,
    W,
    Wq,
  };
}
