// The fits a result file carries for a steady system: every rate series is a constant model at
// the arrival rate, whatever the auto selection meets on its way (a candidate with a decay long
// before the first sample, whose amplitude at t = 0 overflows, is skipped, not an error).
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/models/experiment.ts';
import { loadExample } from '../helpers/scenarios.ts';

describe('runExperiment(mm1.json, { fit: true })', () => {
  const result = runExperiment(loadExample('mm1'), { fit: true });

  it('fits P, C and H rates of the steady M/M/1 as constants at lambda = 0.9, within their standard errors', () => {
    for (const key of ['P', 'C', 'H'] as const) {
      const fit = result.fits![key];
      expect('error' in fit ? fit.error : null, key).toBeNull();
      if ('error' in fit) continue;
      expect(fit.terms, key).toEqual([]);
      // The constant is the series' mean rate over replications: lambda within 4.5 standard errors.
      expect(Math.abs(fit.x0 - 0.9), `${key}: x0 ${fit.x0} ± ${fit.stderr.x0}`).toBeLessThan(4.5 * fit.stderr.x0!);
    }
  });
});
