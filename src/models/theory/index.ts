// Queueing theory: closed forms and approximations over plain numbers, and the matcher that
// picks the one a scenario's queue follows. See each file for the formula and its source.
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
export { type OfferedLoad, offeredLoads } from './offered';
export { stabilityWarnings } from './warnings';
export type { Regime } from './streams';
export {
  type MatchedQueue,
  type NetworkTheory,
  type QueueTheory,
  type ScenarioTheory,
  type UnmatchedQueue,
  theoryFor,
} from './scenario';
