// M/G/1: Poisson arrivals, one server with a general service time, unbounded queue.
import { type QueueResult, nonNegative, positive, unstableResult } from './result';

const REFERENCE = 'Pollaczek-Khinchine mean-value formula: Kleinrock (1975), Queueing Systems I, section 5.6';

/**
 * M/G/1 from the mean service time E[S] and its squared coefficient of variation scv:
 * Wq = lambda E[S^2] / (2 (1 - rho)) = rho E[S] (1 + scv) / (2 (1 - rho)), rho = lambda E[S],
 * Lq = lambda Wq, W = Wq + E[S], L = lambda W, P(wait) = rho (PASTA). scv = 0 is M/D/1 and
 * scv = 1 gives the M/M/1 means. Unstable (rho >= 1): see QueueResult.
 */
export function mg1(lambda: number, meanService: number, scv: number): QueueResult {
  nonNegative('mg1', 'lambda', lambda);
  positive('mg1', 'meanService', meanService);
  nonNegative('mg1', 'scv', scv);
  const rho = lambda * meanService;
  const base = {
    model: (scv === 0 ? 'M/D/1' : 'M/G/1') as 'M/D/1' | 'M/G/1',
    exact: true,
    method: 'Pollaczek-Khinchine',
    reference: REFERENCE,
    lambda,
    arrivalScv: 1,
    meanService,
    serviceScv: scv,
    servers: 1,
    capacity: null,
    offered: rho,
    load: rho,
  };
  if (rho >= 1) return unstableResult(base);
  const Wq = (rho * meanService * (1 + scv)) / (2 * (1 - rho));
  const W = Wq + meanService;
  return {
    ...base,
    stable: true,
    loss: 0,
    throughput: lambda,
    utilization: rho,
    pWait: rho,
    L: lambda * W,
    Lq: lambda * Wq,
    W,
    Wq,
  };
}
