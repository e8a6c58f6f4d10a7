import { describe, expect, it } from 'vitest';
import { stackLabels } from '../../../src/ui/plots/stackLabels.ts';

describe('stackLabels', () => {
  it('leaves labels that are far enough apart where they are', () => {
    expect(stackLabels([200, 100, 150])).toEqual([200, 100, 150]);
  });

  it('stacks labels of rules at the same height a line apart, upwards, in their order (four queues with the same Lq)', () => {
    expect(stackLabels([196, 196, 196, 196])).toEqual([196, 185, 174, 163]);
  });

  it('moves a label up only as far as the one below it needs', () => {
    expect(stackLabels([100, 195, 200], 11)).toEqual([100, 189, 200]);
    expect(stackLabels([183, 195, 200], 11)).toEqual([178, 189, 200]);
  });
});
