// M/G/c/c, Erlang's loss system: c servers, no waiting room; arrivals finding every server busy
// are lost. Its blocking probability is Erlang B whatever the service distribution.
import { erlangB } from './erlang';
import { type QueueResult, integerAtLeast, nonNegative, positive } from './result';

const REFERENCE =
  'Erlang B, insensitive to the service distribution: Sevastyanov (1957), Theory Probab. Appl. 2(1), 104-112';

/**
 * M/G/c/c with arrival rate lambda, mean service time meanService (any distribution; its scv is
 * only reported) and c servers: loss = B(c, a) with a = lambda E[S], L = a (1 - B),
 * W = E[S], nobody waits. Always stable.
 */
export function mgcc(lambda: number, meanService: number, c: number, serviceScv = 1): QueueResult {
  nonNegative('mgcc', 'lambda', lambda);
  positive('mgcc', 'meanService', meanService);
  integerAtLeast('mgcc', 'c', c, 1);
  nonNegative('mgcc', 'serviceScv', serviceScv);
  const a = lambda * meanService;
  const B = erlangB(c, a);
  const throughput = lambda * (1 - B);
  return {
    model: 'M/G/c/c',
    exact: true,
    method: 'Erlang B',
    reference: REFERENCE,
    lambda,
    arrivalScv: 1,
    meanService,
    serviceScv,
    servers: c,
    capacity: c,
    offered: a,
    load: a / c,
    stable: true,
    loss: B,
    throughput,
    utilization: (throughput * meanService) / c,
    pWait: 0,
    L: throughput * meanService,
    Lq: 0,
    W: meanService,
    Wq: 0,
  };
}
