// Fit time: fitSeries (src/models/expfit) on n points of a 3-term exponential sum with noise.
import { createStream } from '../src/sim/random/streams.ts';
import { spread, type Spread } from './measure.ts';

/** Seconds per fit of `points` points with 3 terms, or the reason it could not be measured. */
export async function fitTime(points: number, runs: number): Promise<Spread | string> {
  let fitSeries: typeof import('../src/models/expfit/index.ts').fitSeries;
  try {
    ({ fitSeries } = await import('../src/models/expfit/index.ts'));
  } catch (err) {
    return `src/models/expfit not loadable: ${(err as Error).message}`;
  }
  // X(t) = 2 + 5 exp(-0.002 t) + 3 exp(-0.02 t) + exp(-0.2 t) over t = 0 .. 1000, noise sd 0.01.
  const rng = createStream(1, 0, 'fit');
  const t = Array.from({ length: points }, (_, i) => (1000 * i) / (points - 1));
  const y = t.map((s) => {
    const noise = Math.sqrt(-2 * Math.log1p(-rng())) * Math.cos(2 * Math.PI * rng());
    return 2 + 5 * Math.exp(-0.002 * s) + 3 * Math.exp(-0.02 * s) + Math.exp(-0.2 * s) + 0.01 * noise;
  });
  const seconds: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    try {
      fitSeries(t, y, { terms: 3 });
    } catch (err) {
      return `fitSeries failed: ${(err as Error).message}`;
    }
    seconds.push((performance.now() - start) / 1000);
  }
  return spread(seconds);
}
