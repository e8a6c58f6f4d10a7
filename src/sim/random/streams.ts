// One named random stream per component, derived from (seed, replication, component id).
// Keyed by id, not by creation order: adding a consumer never changes a producer's samples.
import seedrandom from 'seedrandom';
import type { Rng } from './rng';

/**
 * An independent uniform [0, 1) stream for one component in one replication.
 * Alea (Baagøe's multiply-with-carry, period ~2^116, passes BigCrush) seeded by hashing the
 * key with its Mash function; outputs have 32-bit resolution. A component that needs several
 * streams (e.g. service times and failures) can pass ids like "workers/service".
 * Pure: no global state, no clock, no Node modules.
 */
export function createStream(seed: number, replication: number, componentId: string): Rng {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`stream seed must be an integer (got ${seed})`);
  }
  if (!Number.isSafeInteger(replication) || replication < 0) {
    throw new RangeError(`stream replication must be an integer >= 0 (got ${replication})`);
  }
  // Integers contain no ':', so the key is unambiguous whatever the id holds.
  return seedrandom.alea(`${seed}:${replication}:${componentId}`);
}
