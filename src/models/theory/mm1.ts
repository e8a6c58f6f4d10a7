// M/M/1: Poisson arrivals, one exponential server, unbounded FIFO queue.
import { type QueueResult, nonNegative, positive, unstableResult } from './result';

const REFERENCE = 'Kleinrock (1975), Queueing Systems I, section 3.2: L = rho / (1 - rho)';

/**
 * M/M/1 with arrival rate lambda and service rate mu: rho = lambda / mu, L = rho / (1 - rho),
 * Lq = rho^2 / (1 - rho), W = 1 / (mu - lambda), Wq = rho / (mu - lambda), P(wait) = rho.
 * Unstable (rho >= 1): see QueueResult.
 */
export function mm1(lambda: number, mu: number): QueueResult {
  nonNegative('mm1', 'lambda', lambda);
  positive('mm1', 'mu', mu);
  const rho = lambda / mu;
  const base = {
    model: 'M/M/1' as const,
    exact: true,
    method: 'birth-death (geometric) distribution',
    reference: REFERENCE,
    lambda,
    arrivalScv: 1,
    meanService: 1 / mu,
    serviceScv: 1,
    servers: 1,
    capacity: null,
    offered: rho,
    load: rho,
  };
  if (rho >= 1) return unstableResult(base);
  return {
    ...base,
    stable: true,
    loss: 0,
    throughput: lambda,
    utilization: rho,
    pWait: rho,
    L: rho / (1 - rho),
    Lq: (rho * rho) / (1 - rho),
    W: 1 / (mu - lambda),
    Wq: rho / (mu - lambda),
  };
}
