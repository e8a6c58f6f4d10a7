// M/G/1 preemptive-resume priority: an arrival interrupts a lower class in service, which later
// resumes where it stopped. A class never sees the classes below it.
import { type ClassResult, type PriorityClass, type PriorityResult, sortedClasses } from './priority';
import { positive, unstableResult } from './result';

const REFERENCE =
  'Harchol-Balter (2013), Performance Modeling and Design of Computer Systems, ch. 32: preemptive-resume priority M/G/1';

/**
 * Per class k (highest first), sigma_k = load of classes 1..k:
 *   T_k = E[S_k] / (1 - sigma_{k-1}) + (sum_{i<=k} lambda_i E[S_i^2] / 2) / ((1 - sigma_{k-1}) (1 - sigma_k)).
 * The second term is the wait before the first service start: the work of classes 1..k found in
 * the system (an M/G/1 of those classes alone) stretched by later arrivals of higher classes; the
 * first is the service, stretched by the higher classes that interrupt it.
 * Engine conventions: Wq is that first wait; Lq is the queue line, which also holds interrupted
 * messages waiting to resume, Lq_k = L_k - rho_k. So Lq = lambda Wq does not hold here, nor
 * W - Wq = E[S]. Classes with sigma_k >= 1 have no steady state (null).
 */
export function mg1PreemptivePriority(classes: PriorityClass[]): PriorityResult {
  const sorted = sortedClasses('mg1PreemptivePriority', classes).map((k) => {
    positive('mg1PreemptivePriority', `meanService of class ${k.priority}`, k.meanService);
    positive('mg1PreemptivePriority', `secondMoment of class ${k.priority}`, k.secondMoment);
    return { ...k, load: k.lambda * k.meanService };
  });
  let before = 0;
  let residual = 0; // sum_{i<=k} lambda_i E[S_i^2] / 2
  const perClass: ClassResult[] = sorted.map(({ priority, lambda, meanService, secondMoment, load }) => {
    const upTo = before + load;
    residual += (lambda * secondMoment) / 2;
    const stable = upTo < 1;
    const Wq = stable ? residual / ((1 - before) * (1 - upTo)) : null;
    const W = Wq === null ? null : meanService / (1 - before) + Wq;
    const L = W === null ? null : lambda * W;
    const result: ClassResult = {
      priority,
      lambda,
      meanService,
      load,
      cumulativeLoad: upTo,
      stable,
      throughput: stable ? lambda : Math.max(0, 1 - before) * (lambda / load || 0),
      L,
      Lq: L === null ? null : Math.max(0, L - load),
      W,
      Wq,
    };
    before = upTo;
    return result;
  });
  const lambda = sorted.reduce((s, k) => s + k.lambda, 0);
  const weight = (k: { lambda: number }) => (lambda > 0 ? k.lambda / lambda : 1 / sorted.length);
  const meanService = sorted.reduce((s, k) => s + weight(k) * k.meanService, 0);
  const second = sorted.reduce((s, k) => s + weight(k) * k.secondMoment, 0);
  const rho = before;
  const base = {
    model: 'M/G/1 preemptive priority' as const,
    exact: true,
    method: 'preemptive-resume priority',
    reference: REFERENCE,
    lambda,
    arrivalScv: 1,
    meanService,
    serviceScv: Math.max(0, second / (meanService * meanService) - 1),
    servers: 1,
    capacity: null,
    offered: rho,
    load: rho,
  };
  if (rho >= 1) {
    const served = perClass.reduce((s, k) => s + k.throughput, 0);
    return { ...unstableResult(base), throughput: served, classes: perClass };
  }
  const sum = (key: 'L' | 'Lq' | 'W' | 'Wq') => perClass.reduce((s, k) => s + k.lambda * (k[key] ?? 0), 0);
  return {
    ...base,
    stable: true,
    loss: 0,
    throughput: lambda,
    utilization: rho,
    pWait: null, // a higher class does not wait for a lower one in service
    L: perClass.reduce((s, k) => s + (k.L ?? 0), 0),
    Lq: perClass.reduce((s, k) => s + (k.Lq ?? 0), 0),
    W: lambda > 0 ? sum('W') / lambda : null,
    Wq: lambda > 0 ? sum('Wq') / lambda : null,
    classes: perClass,
  };
}
