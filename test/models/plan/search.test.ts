import { describe, expect, it } from 'vitest';
import { seek } from '../../../src/models/plan/search.ts';

/** A monotone predicate that records what it was asked. */
function threshold(meetsFrom: (v: number) => boolean) {
  const asked: number[] = [];
  return {
    asked,
    meets: async (v: number) => {
      asked.push(v);
      return meetsFrom(v);
    },
  };
}

describe('seek(space, direction, guess, meets)', () => {
  it('finds the smallest integer that meets, from no guess: best end, worst end, then bisection', async () => {
    const p = threshold((v) => v >= 37);
    const out = await seek({ min: 1, max: 100, step: 1, tolerance: 0 }, 'up', null, p.meets);
    expect(out).toEqual({ value: 37, converged: true, failing: 36 });
    expect(p.asked.slice(0, 2)).toEqual([100, 1]);
    expect(new Set(p.asked).size).toBe(p.asked.length); // nothing probed twice
    expect(p.asked.length).toBeLessThanOrEqual(2 + Math.ceil(Math.log2(99)));
  });

  it('from a good guess, confirms it with its neighbour: two probes', async () => {
    const p = threshold((v) => v >= 37);
    expect((await seek({ min: 1, max: 100, step: 1, tolerance: 0 }, 'up', 37, p.meets)).value).toBe(37);
    expect(p.asked).toEqual([37, 36]);
  });

  it('gallops away from a wrong guess in doubling steps, then bisects', async () => {
    const p = threshold((v) => v >= 37);
    expect((await seek({ min: 1, max: 100, step: 1, tolerance: 0 }, 'up', 30, p.meets)).value).toBe(37);
    expect(p.asked.slice(0, 4)).toEqual([30, 31, 33, 37]);
    const q = threshold((v) => v >= 37);
    expect((await seek({ min: 1, max: 100, step: 1, tolerance: 0 }, 'up', 60, q.meets)).value).toBe(37);
  });

  it("'down' finds the largest value that meets (e.g. the highest arrival rate)", async () => {
    const p = threshold((v) => v <= 2.35);
    const out = await seek({ min: 0, max: 10, step: null, tolerance: 0.01 }, 'down', 2, p.meets);
    expect(out.value).toBeLessThanOrEqual(2.35);
    expect(out.value).toBeGreaterThan(2.35 - 0.01);
    expect(out.failing! - out.value!).toBeLessThanOrEqual(0.01);
  });

  it('works on a grid of steps other than 1', async () => {
    const p = threshold((v) => v >= 0.7);
    expect((await seek({ min: 0.1, max: 0.9, step: 0.1, tolerance: 0 }, 'up', null, p.meets)).value).toBe(0.7);
  });

  it('reports no value when the best end fails, and the whole range when the worst end meets', async () => {
    expect(await seek({ min: 1, max: 10, step: 1, tolerance: 0 }, 'up', null, threshold(() => false).meets)).toEqual({
      value: null,
      converged: true,
      failing: 10,
    });
    expect((await seek({ min: 1, max: 10, step: 1, tolerance: 0 }, 'up', 5, threshold(() => false).meets)).value).toBeNull();
    expect((await seek({ min: 1, max: 10, step: 1, tolerance: 0 }, 'up', 5, threshold(() => true).meets)).value).toBe(1);
  });

  it('stops after maxProbes, saying it did not converge', async () => {
    const p = threshold((v) => v >= 600);
    const out = await seek({ min: 1, max: 1000, step: 1, tolerance: 0 }, 'up', null, p.meets, 4);
    expect(p.asked).toHaveLength(4);
    expect(out.converged).toBe(false);
    expect(out.value).toBeGreaterThanOrEqual(600);
  });
});
