import { describe, expect, it } from 'vitest';
import { retryTheory } from '../../../src/models/theory/retries.ts';
import type { Ack } from '../../../src/sim/scenario/types.ts';
import { atLeastOnce } from '../../../src/lessons/theory/atLeastOnce.ts';

const manual = (failure: number, loss: number, maxDeliveries: number | null, visibilityTimeout: number | null = 30): Ack => ({
  mode: 'manual',
  failure,
  loss,
  visibilityTimeout,
  maxDeliveries,
  deadLetter: null,
});

describe('atLeastOnce(failure, ackLoss, maxDeliveries, lateProbability)', () => {
  it('agrees with models/theory/retries.ts for handling well inside the timeout', () => {
    for (const [f, l, m] of [[0.2, 0.05, 3], [0.05, 0.01, 5], [0.3, 0, 1]] as const) {
      const mine = atLeastOnce(f, l, m);
      const theirs = retryTheory(manual(f, l, m), { dist: 'deterministic', value: 1 });
      expect(mine.deliveries).toBeCloseTo(theirs.deliveriesPerMessage!, 12);
      expect(mine.duplicates).toBeCloseTo(theirs.duplicatesPerMessage!, 12);
      expect(mine.deadLetter).toBeCloseTo(theirs.deadLetterFraction, 12);
      expect(mine.completed).toBeCloseTo(theirs.completedFraction, 12);
    }
  });

  it('agrees with it for a timeout inside the handling time (uniform 20-40 s, timeout 30 s: half are late)', () => {
    const mine = atLeastOnce(0, 0, 4, 0.5);
    const theirs = retryTheory(manual(0, 0, 4), { dist: 'uniform', min: 20, max: 40 });
    expect(mine.deliveries).toBeCloseTo(1.875, 12);
    expect(mine.deliveries).toBeCloseTo(theirs.deliveriesPerMessage!, 12);
    expect(mine.duplicates).toBeCloseTo(theirs.duplicatesPerMessage!, 12);
    expect(mine.deadLetter).toBeCloseTo(0.0625, 12);
  });

  it('without a limit nothing is dead-lettered and deliveries are geometric', () => {
    const r = atLeastOnce(0.5, 0, null);
    expect(r.deliveries).toBe(2);
    expect(r.deadLetter).toBe(0);
  });
});
