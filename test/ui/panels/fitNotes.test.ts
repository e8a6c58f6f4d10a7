import { describe, expect, it } from 'vitest';
import { fitNotes, groupWarnings, r2Text } from '../../../src/ui/panels/fitNotes.ts';

const overflow = 'skipped, no usable fit: the fitted amplitudes overflow at t = 0 (the data start at t = 20, long after the fitted decays): shift t to start near 0';

describe('fit notes', () => {
  it('shows R² to 4 decimals: a constant model’s fp noise is 0, not -2.887e-15', () => {
    expect(r2Text(-2.887e-15)).toBe('0');
    expect(r2Text(3.997e-15)).toBe('0');
    expect(r2Text(0.987654)).toBe('0.9877');
    expect(r2Text(1)).toBe('1');
    expect(r2Text(null)).toBe('–');
  });

  it('names the candidates skipped for the same reason once (the at-least-once preset printed it 4 times)', () => {
    const w = [1, 2, 3, 4].map((n) => `the ${n}-term candidate was ${overflow}`);
    expect(groupWarnings(w)).toEqual([`the 1-, 2-, 3- and 4-term candidates were ${overflow}`]);
    expect(groupWarnings([w[0], 'other', w[2]])).toEqual([`the 1- and 3-term candidates were ${overflow}`, 'other']);
    expect(groupWarnings([w[2]])).toEqual([w[2]]);
  });

  it('lists R², RMSE, convergence, identifiability and the grouped warnings', () => {
    const notes = fitNotes({ r2: -2.887e-15, rmse: 0.06286, converged: true, identifiable: true, warnings: [1, 2].map((n) => `the ${n}-term candidate was ${overflow}`) });
    expect(notes).toEqual(['R² 0', 'RMSE 0.06286', 'converged', `the 1- and 2-term candidates were ${overflow}`]);
  });
});
