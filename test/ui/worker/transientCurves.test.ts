// Which queues get the exact transient E[Q(t)] in the lab, and that asking never hangs the worker.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { theoryFor } from '../../../src/models/theory/index.ts';
import { parseScenario } from '../../../src/sim/scenario/parse.ts';
import { transientBlocker, transientCurves } from '../../../src/ui/worker/transientCurves.ts';

const file = (name: string) => parseScenario(JSON.parse(readFileSync(new URL(`../../../scenarios/${name}`, import.meta.url), 'utf8')));
const grid = (horizon: number, every: number) => Array.from({ length: Math.floor(horizon / every) + 1 }, (_, k) => k * every);

describe('transientCurves', () => {
  it('draws the exact E[Q(t)] of a stable M/M/1 started empty, rising towards Lq', () => {
    const s = file('mm1.json');
    const curves = transientCurves(s, theoryFor(s), grid(s.horizon, s.sampleEvery));
    expect(curves.map((c) => [c.queue, c.model])).toEqual([['q', 'M/M/1']]);
    expect(curves[0].meanQ[0]).toBe(0);
    expect(curves[0].meanQ.at(-1)!).toBeCloseTo(8.1, 1);
  });

  it('skips an overloaded unbounded M/M/c (the capacity preset at 11 consumers) instead of solving a chain of ~10^5 states for minutes', () => {
    const s = file('capacity.json');
    const theory = theoryFor(s);
    expect(theory.queues.requests.model).toBe('M/M/c');
    expect(transientBlocker(s, theory, 'requests')).toMatch(/overloaded/);
    expect(transientCurves(s, theory, grid(s.horizon, s.sampleEvery))).toEqual([]);
  });
});
