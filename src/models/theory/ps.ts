// M/G/1 processor sharing ('async' handling with shared: true): the messages in handling share
// the server's speed equally. Its mean sojourn does not depend on the service distribution.
import { type QueueResult, integerAtLeast, nonNegative, positive, unstableResult } from './result';
import { pow } from '../../sim/math/index.ts';

const REFERENCE = 'Kleinrock (1976), Queueing Systems vol. 2, section 4.4: M/G/1-PS, T = E[S] / (1 - rho)';

/** Below this P(n > limit) under unlimited PS, the concurrency limit is treated as never binding. */
export const NEGLIGIBLE = 1e-9;

/**
 * M/G/1-PS with Poisson arrivals (rate lambda), mean service E[S], at most `limit` messages in
 * handling and `held` >= limit held by the server (the rest wait in the queue, FIFO).
 * Unlimited PS: the number in system is geometric, P(n) = (1 - rho) rho^n, whatever the service
 * distribution, so L = rho / (1 - rho) and W = E[S] / (1 - rho). With exponential service the
 * limit changes nothing (the server works at full speed whenever n >= 1: the M/M/1 birth-death
 * chain), so every figure is exact; otherwise they are exact only while the limit never binds,
 * and `exact` says whether P(n > limit) = rho^(limit + 1) < NEGLIGIBLE.
 * Queue length (waiting, not held): Lq = E[(n - held)^+] = rho^(held + 1) / (1 - rho); an
 * arrival waits with probability rho^held (PASTA). W - Wq is the time held, not E[S].
 */
export function mg1ps(
  lambda: number,
  meanService: number,
  serviceScv: number,
  exponential: boolean,
  limit: number,
  held: number,
): QueueResult {
  nonNegative('mg1ps', 'lambda', lambda);
  positive('mg1ps', 'meanService', meanService);
  nonNegative('mg1ps', 'serviceScv', serviceScv);
  integerAtLeast('mg1ps', 'limit', limit, 1);
  integerAtLeast('mg1ps', 'held', held, limit);
  const rho = lambda * meanService;
  const base = {
    model: 'M/G/1-PS' as const,
    exact: exponential || pow(rho, limit + 1) < NEGLIGIBLE,
    method: 'processor sharing (insensitive)',
    reference: REFERENCE,
    lambda,
    arrivalScv: 1,
    meanService,
    serviceScv,
    servers: 1,
    capacity: null,
    offered: rho,
    load: rho,
  };
  if (rho >= 1) return unstableResult(base);
  const Lq = pow(rho, held + 1) / (1 - rho);
  return {
    ...base,
    stable: true,
    loss: 0,
    throughput: lambda,
    utilization: rho,
    pWait: pow(rho, held),
    L: rho / (1 - rho),
    Lq,
    W: meanService / (1 - rho),
    Wq: lambda > 0 ? Lq / lambda : 0,
  };
}
