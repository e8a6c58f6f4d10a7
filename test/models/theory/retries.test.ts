import { describe, expect, it } from 'vitest';
import { type RetryTheory, retryTheory } from '../../../src/models/theory/retries';
import type { Ack, DistSpec } from '../../../src/sim/scenario/types';
import { expectClose } from './helpers';

const manual = (a: Partial<Extract<Ack, { mode: 'manual' }>>): Ack => ({
  mode: 'manual',
  failure: 0,
  loss: 0,
  visibilityTimeout: null,
  maxDeliveries: null,
  deadLetter: null,
  ...a,
});
const exp1: DistSpec = { dist: 'exponential', rate: 1 };
const fixed = (value: number): DistSpec => ({ dist: 'deterministic', value });

function expectFractionsAddUp(r: RetryTheory): void {
  expectClose(r.completedFraction + r.deadLetterFraction + r.lostFraction + r.unackedFraction, 1, 1e-12);
}

describe('retryTheory(ack, service)', () => {
  it('retryTheory: auto ack loses the failed fraction f and delivers once', () => {
    const r = retryTheory({ mode: 'auto', failure: 0.1 }, exp1);
    expect(r).toMatchObject({ deliveriesPerMessage: 1, duplicatesPerMessage: 0, deadLetterFraction: 0 });
    expectClose(r.lostFraction, 0.1);
    expectClose(r.completedFraction, 0.9);
    expectFractionsAddUp(r);
  });

  it('retryTheory: failures f with maxDeliveries m give (1 - f^m) / (1 - f) deliveries and f^m dead letters', () => {
    const f = 0.3;
    const m = 5;
    const r = retryTheory(manual({ failure: f, maxDeliveries: m }), exp1);
    expectClose(r.deliveriesPerMessage, (1 - f ** m) / (1 - f));
    expectClose(r.deadLetterFraction, f ** m);
    expectClose(r.handlingsPerMessage, 1 - f ** m); // each message is handled at most once
    expectClose(r.duplicatesPerMessage, 0);
    expectFractionsAddUp(r);
  });

  it('retryTheory: without maxDeliveries a message is delivered 1 / (1 - f) times and always completes', () => {
    const r = retryTheory(manual({ failure: 0.2 }), exp1);
    expectClose(r.deliveriesPerMessage, 1.25);
    expect(r.deadLetterFraction).toBe(0);
    expectClose(r.completedFraction, 1);
  });

  it('retryTheory: a lost ack (with a visibility timeout) redelivers a handled message: a duplicate', () => {
    const f = 0.05;
    const l = 0.01;
    const m = 5;
    const r = retryTheory(manual({ failure: f, loss: l, visibilityTimeout: 30, maxDeliveries: m }), fixed(1));
    const rr = 1 - (1 - f) * (1 - l);
    expectClose(r.redeliveryProbability, rr);
    expectClose(r.deliveriesPerMessage, (1 - rr ** m) / (1 - rr));
    expectClose(r.duplicatesPerMessage, (1 - f) * r.deliveriesPerMessage! - (1 - f ** m));
    expect(r.duplicatesPerMessage!).toBeGreaterThan(0);
    expectFractionsAddUp(r);
  });

  it('retryTheory: handling times that outlast the visibility timeout are delivered again (visibility-timeout.json)', () => {
    // Handling uniform on [20, 40] s, timeout 30 s: half the deliveries time out; at most 4.
    const r = retryTheory(manual({ visibilityTimeout: 30, maxDeliveries: 4 }), { dist: 'uniform', min: 20, max: 40 });
    expectClose(r.timeoutProbability, 0.5);
    expectClose(r.deliveriesPerMessage, 1.875);
    expectClose(r.deadLetterFraction, 0.0625);
    expectClose(r.duplicatesPerMessage, 0.875);
    expectFractionsAddUp(r);
  });

  it('retryTheory: a timeout shorter than every handling time delivers maxDeliveries times, or for ever (null)', () => {
    const capped = retryTheory(manual({ visibilityTimeout: 1, maxDeliveries: 4 }), fixed(2));
    expect(capped).toMatchObject({ redeliveryProbability: 1, deliveriesPerMessage: 4, deadLetterFraction: 1, completedFraction: 0 });
    const forever = retryTheory(manual({ visibilityTimeout: 1 }), fixed(2));
    expect(forever).toMatchObject({ deliveriesPerMessage: null, handlingsPerMessage: null, duplicatesPerMessage: null });
  });

  it('retryTheory: a lost ack without a visibility timeout leaves the message un-acked for ever', () => {
    const f = 0.1;
    const l = 0.2;
    const r = retryTheory(manual({ failure: f, loss: l, maxDeliveries: 3 }), exp1);
    expectClose(r.unackedFraction, l * (1 - f ** 3));
    expectClose(r.completedFraction, (1 - l) * (1 - f ** 3));
    expectClose(r.deadLetterFraction, f ** 3);
    expectFractionsAddUp(r);
  });

  it('retryTheory: the fractions add up to 1 over a grid of options', () => {
    for (const failure of [0, 0.1, 0.6])
      for (const loss of [0, 0.05])
        for (const visibilityTimeout of [null, 0.5, 3])
          for (const maxDeliveries of [null, 1, 4]) {
            const r = retryTheory(manual({ failure, loss, visibilityTimeout, maxDeliveries }), exp1);
            expectFractionsAddUp(r);
            expect(r.duplicatesPerMessage!).toBeGreaterThanOrEqual(0);
          }
  });
});
