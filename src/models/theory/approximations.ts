// G/G/1 and G/G/c: no closed forms, two classic approximations from the first two moments.
import { erlangC } from './erlang';
import { type QueueResult, integerAtLeast, nonNegative, positive, unstableResult } from './result';

const KINGMAN = 'Kingman (1961), "The single server queue in heavy traffic", Proc. Camb. Phil. Soc. 57(4), 902-904';
const ALLEN_CUNNEEN =
  'Allen-Cunneen: Allen (1990), Probability, Statistics, and Queueing Theory, 2nd ed., Academic Press';

/** Shared tail of both approximations: Little's law around an approximate Wq. */
function fromWq(
  base: Omit<QueueResult, 'stable' | 'loss' | 'throughput' | 'utilization' | 'pWait' | 'L' | 'Lq' | 'W' | 'Wq'>,
  Wq: number,
): QueueResult {
  const W = Wq + base.meanService;
  return {
    ...base,
    stable: true,
    loss: 0,
    throughput: base.lambda,
    utilization: base.load,
    pWait: null,
    L: base.lambda * W,
    Lq: base.lambda * Wq,
    W,
    Wq,
  };
}

/**
 * Kingman's G/G/1 approximation: Wq ~ rho / (1 - rho) * (ca2 + cs2) / 2 * E[S], with ca2, cs2
 * the squared coefficients of variation of interarrival and service times. Exact for M/M/1 and
 * M/G/1 (ca2 = 1), asymptotically exact as rho -> 1. exact: false; pWait: null.
 */
export function kingman(lambda: number, arrivalScv: number, meanService: number, serviceScv: number): QueueResult {
  nonNegative('kingman', 'lambda', lambda);
  nonNegative('kingman', 'arrivalScv', arrivalScv);
  positive('kingman', 'meanService', meanService);
  nonNegative('kingman', 'serviceScv', serviceScv);
  const rho = lambda * meanService;
  const base = {
    model: 'G/G/1' as const,
    exact: false,
    method: 'Kingman',
    reference: KINGMAN,
    lambda,
    arrivalScv,
    meanService,
    serviceScv,
    servers: 1,
    capacity: null,
    offered: rho,
    load: rho,
  };
  if (rho >= 1) return unstableResult(base);
  return fromWq(base, (rho / (1 - rho)) * ((arrivalScv + serviceScv) / 2) * meanService);
}

/**
 * Allen-Cunneen G/G/c approximation: the M/M/c wait scaled by (ca2 + cs2) / 2,
 * Wq ~ C(c, a) / (c / E[S] - lambda) * (ca2 + cs2) / 2 with a = lambda E[S] and C Erlang C.
 * With c = 1 it is Kingman's formula. exact: false; pWait: null.
 */
export function allenCunneen(
  lambda: number,
  arrivalScv: number,
  meanService: number,
  serviceScv: number,
  c: number,
): QueueResult {
  nonNegative('allenCunneen', 'lambda', lambda);
  nonNegative('allenCunneen', 'arrivalScv', arrivalScv);
  positive('allenCunneen', 'meanService', meanService);
  nonNegative('allenCunneen', 'serviceScv', serviceScv);
  integerAtLeast('allenCunneen', 'c', c, 1);
  const a = lambda * meanService;
  const rho = a / c;
  const base = {
    model: (c === 1 ? 'G/G/1' : 'G/G/c') as 'G/G/1' | 'G/G/c',
    exact: false,
    method: 'Allen-Cunneen',
    reference: ALLEN_CUNNEEN,
    lambda,
    arrivalScv,
    meanService,
    serviceScv,
    servers: c,
    capacity: null,
    offered: a,
    load: rho,
  };
  if (rho >= 1) return unstableResult(base);
  const mmcWq = erlangC(c, a) / (c / meanService - lambda);
  return fromWq(base, mmcWq * ((arrivalScv + serviceScv) / 2));
}
