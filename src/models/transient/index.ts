/** Exact transients of birth-death queues (M/M/c/K, truncated M/M/c) and their relaxation rate. */
export { transientBirthDeath, type TransientOptions, type TransientResult } from './transientBirthDeath.ts';
export { relaxationRate, type RelaxationRate } from './relaxationRate.ts';
export { stationaryDistribution, type BirthDeathQueue } from './birthDeath.ts';
export { poissonWeights, type PoissonWeights } from './poissonWeights.ts';
export { chooseTruncation, truncationBound, type Truncation } from './truncation.ts';
