/** Output analysis: warm-up detection, batch-means intervals, replication counts, Student t. */
export { mser5, type Mser5Options, type Mser5Result } from './mser5.ts';
export { batchMeansCI, type BatchMeansOptions, type BatchMeansResult } from './batchMeans.ts';
export { replicationsNeeded, type ReplicationSample, type ReplicationAdvice } from './replications.ts';
export { studentTQuantile, studentTCdf, studentTPdf, tCritical95 } from '../../sim/stats/studentT.ts';
