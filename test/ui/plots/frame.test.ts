import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { defaultTickFormat } from '../../../src/ui/plots/frame.ts';

/** The tick labels an axis of this domain shows with the default format. */
const ticks = (domain: [number, number]) => {
  const s = scaleLinear().domain(domain);
  return s.ticks(8).map(s.tickFormat(8, defaultTickFormat(domain)));
};

describe('defaultTickFormat', () => {
  it('labels sub-second latencies as plain numbers (was "50m", read as minutes)', () => {
    expect(ticks([0, 0.35])).toEqual(['0', '0.05', '0.1', '0.15', '0.2', '0.25', '0.3', '0.35']);
  });

  it('keeps SI prefixes from 1000 up', () => {
    expect(ticks([0, 20000])).toContain('10k');
    expect(ticks([0, 600])).toContain('500');
  });
});
