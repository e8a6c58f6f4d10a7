import { describe, expect, it } from 'vitest';
import { RateMeter } from '../../src/ui/worker/rateMeter.ts';

describe('RateMeter', () => {
  it('gives the count per second over the last two seconds or more, null before there is a span, and forgets at reset', () => {
    const m = new RateMeter();
    expect(m.add(0, 0)).toBeNull();
    expect(m.add(500, 1000)).toBe(2000);
    for (let t = 1000; t <= 10_000; t += 500) m.add(t, t <= 5000 ? t * 2 : 10_000 + (t - 5000) * 4);
    expect(m.add(10_500, 10_000 + 5500 * 4)).toBe(4000); // only the recent, faster seconds count
    m.reset();
    expect(m.add(20_000, 0)).toBeNull();
  });
});
