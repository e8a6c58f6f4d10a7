import { describe, expect, it } from 'vitest';
import { LogHistogram } from '../../../src/sim/stats/logHistogram.ts';

describe('LogHistogram', () => {
  it('fromData(h.toData()) equals h, and the data keeps only non-empty bins', () => {
    const h = new LogHistogram();
    for (const x of [0, 1e-9, 0.5, 0.5, 2, 3e4]) h.add(x);
    const data = h.toData();
    expect(data.bins).toHaveLength(2 * 3);
    const back = LogHistogram.fromData(JSON.parse(JSON.stringify(data)));
    expect(back.toData()).toEqual(data);
    expect(back.counts).toEqual(h.counts);
    for (const q of [0.1, 0.5, 0.9, 1]) expect(back.quantile(q)).toBe(h.quantile(q));
  });

  it('an empty histogram round-trips with min Infinity and max -Infinity', () => {
    const back = LogHistogram.fromData(new LogHistogram().toData());
    expect([back.count, back.min, back.max, back.toData().bins]).toEqual([0, Infinity, -Infinity, []]);
    expect(back.quantile(0.5)).toBeNaN();
  });
});
