import { describe, expect, it } from 'vitest';
import { vruleLabelOnLeft } from '../../../src/ui/plots/marks.ts';
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

describe('vruleLabelOnLeft', () => {
  it('puts a vertical rule’s label left of the line in the right quarter of the plot, so that the edge does not cut it', () => {
    expect(vruleLabelOnLeft(700, 60, 715)).toBe(true); // the outage preset's p99 at 589 s of 650
    expect(vruleLabelOnLeft(300, 60, 715)).toBe(false);
  });
});
