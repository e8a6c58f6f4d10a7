import { describe, expect, it } from 'vitest';
import { mm1 } from '../../../src/models/theory/index.ts';
import { transientBirthDeath } from '../../../src/models/transient/index.ts';
import { outageDrain } from '../../../src/lessons/theory/outageDrain.ts';
import { transientFrom } from '../../../src/lessons/theory/transientFrom.ts';

describe('transientFrom(queue, start, times)', () => {
  it('from a single state it is models/transient transientBirthDeath', () => {
    const times = [0, 0.5, 3, 10, 40];
    for (const q of [{ lambda: 0.8, mu: 1, servers: 1, capacity: null }, { lambda: 1.5, mu: 1, servers: 2, capacity: 8 }]) {
      const start = new Float64Array(6);
      start[5] = 1;
      const mine = transientFrom(q, start, times);
      const theirs = transientBirthDeath({ ...q, initial: 5, times });
      mine.meanQ.forEach((x, i) => expect(x).toBeCloseTo(theirs.meanQ[i], 8));
      mine.pEmpty.forEach((x, i) => expect(x).toBeCloseTo(theirs.pEmpty[i], 8));
    }
  });
});

describe('outageDrain(lambda, mu, down, window)', () => {
  it('with no outage the queue stays in its steady state', () => {
    const r = outageDrain(0.5, 1, 0, 200);
    expect(r.meanQ).toBeCloseTo(mm1(0.5, 1).Lq!, 6);
    expect(r.utilization).toBeCloseTo(0.5, 6);
    expect(r.backlog).toBeCloseTo(1, 12);
  });

  it('the busy time of a drained window is the work that was there plus the work that came', () => {
    // handled = N(restart) + lambda window - N(end), N(end) ~ L once drained; E[S] = 1 / mu.
    const r = outageDrain(0.5, 1, 600, 1800);
    expect(r.backlog).toBeCloseTo(301, 12);
    expect(r.drainTime).toBeCloseTo(602, 9);
    expect(r.utilization * 1800).toBeCloseTo(301 + 0.5 * 1800 - mm1(0.5, 1).L!, 3);
  });
});
