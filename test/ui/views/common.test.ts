import { describe, expect, it } from 'vitest';
import type { Layer } from '../../../src/ui/plots/figure.ts';
import { yDomain } from '../../../src/ui/views/common.ts';

const line = (y: number[]): Layer => ({ kind: 'line', t: y.map((_, i) => i), y, idx: y.map((_, i) => i), colour: '#000', label: 'l' });

describe('yDomain', () => {
  it('is [0, max] with 8% headroom', () => {
    expect(yDomain([line([0, 2, 5])])).toEqual([0, 5 * 1.08]);
    expect(yDomain([line([0, 0.02])])[1]).toBeCloseTo(0.0216, 12);
  });

  it('is [0, 1] when nothing drawn is above 1e-9 (a queue that never waits, theory Lq = 1e-62), not an axis of nano-messages', () => {
    expect(yDomain([line([0, 0, 0])])).toEqual([0, 1]);
    expect(yDomain([line([0, 0]), { kind: 'hrule', value: 1.018e-62, colour: '#000', label: 'Lq' }])).toEqual([0, 1]);
  });
});
