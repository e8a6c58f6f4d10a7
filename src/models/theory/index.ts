// Queueing theory: closed forms and approximations over plain numbers, and the matcher that
// picks the one a scenario's queue follows, with the message-queue options folded in (retries,
// async handling, processor sharing, prefetch, polling, failures, preemption, closed loops,
// transport). See each file for the formula and its source.
export type { ModelName, QueueResult } from './result';
export { erlangB, erlangC } from './erlang';
export { mm1 } from './mm1';
export { mmc } from './mmc';
export { mm1k, mmck } from './mmck';
export { mgcc } from './mgcc';
export { mg1 } from './mg1';
export { type ClassResult, type PriorityClass, type PriorityResult, mg1Priority, mmcPriority } from './priority';
export { allenCunneen, kingman } from './approximations';
export { type JacksonNetwork, type JacksonResult, jackson, trafficEquations, trappedNodes } from './jackson';
export { mg1ps } from './ps';
export { mg1PreemptivePriority } from './preemptive';
export { type ClosedLoopInput, type ClosedResult, closedQueue, mva } from './closed';
export { type RetryTheory, retryTheory } from './retries';
export { survival } from './survival';
export { type PollingDelay, lightTrafficPollDelay, pollingDelay, setupDelay } from './polling';
export { type TransportTheory, transportTheory } from './transport';
export type { ClientLoop } from './clientLoops';
export type { ProducerTheory } from './endToEnd';
export { type OfferedLoad, offeredLoads } from './offered';
export { stabilityWarnings } from './warnings';
export { type DrainTheory, drainFor } from './drain';
export type { Regime } from './streams';
export {
  type MatchedQueue,
  type NetworkTheory,
  type QueueTheory,
  type ScenarioTheory,
  type UnmatchedQueue,
  theoryFor,
} from './scenario';
