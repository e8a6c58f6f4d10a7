import { describe, expect, it } from 'vitest';
import { paramLocation, parseParamPath, setParam } from '../../../src/sim/sweep/paramPath.ts';

const base = {
  horizon: 100,
  producers: [{ id: 'orders', to: 'q', interarrival: { dist: 'exponential', rate: 0.9 } }],
  queues: [{ id: 'q' }],
  consumers: [{ id: 'workers', from: 'q', count: 1 }],
};

describe('parseParamPath(path)', () => {
  it('reads fields, positions and ids', () => {
    expect(parseParamPath('producers[0].interarrival.rate')).toEqual([
      { key: 'producers' },
      { index: 0 },
      { key: 'interarrival' },
      { key: 'rate' },
    ]);
    expect(parseParamPath('consumers[workers].count')).toEqual([{ key: 'consumers' }, { id: 'workers' }, { key: 'count' }]);
    expect(parseParamPath('horizon')).toEqual([{ key: 'horizon' }]);
    expect(parseParamPath('consumers.0.count')).toEqual(parseParamPath('consumers[0].count'));
  });

  it('refuses what is not a path', () => {
    expect(() => parseParamPath('[0].rate')).toThrow('must start with a field name');
    expect(() => parseParamPath('producers[0]..rate')).toThrow('cannot read "..rate"');
    expect(() => parseParamPath('')).toThrow('must start with a field name');
  });
});

describe('setParam(raw, path, value)', () => {
  it('returns a copy with the value set, leaving the original alone', () => {
    const out = setParam(base, 'producers[0].interarrival.rate', 0.5) as typeof base;
    expect(out.producers[0].interarrival.rate).toBe(0.5);
    expect(base.producers[0].interarrival.rate).toBe(0.9);
    expect((setParam(base, 'consumers[workers].count', 3) as typeof base).consumers[0].count).toBe(3);
    expect((setParam(base, 'queues[0].capacity', 5) as { queues: { capacity: number }[] }).queues[0].capacity).toBe(5);
  });

  it('names the step that does not exist', () => {
    expect(() => setParam(base, 'producers[2].interarrival.rate', 1)).toThrow(
      'producers[2].interarrival.rate: producers has no element [2] (it has 1)',
    );
    expect(() => setParam(base, 'consumers[nobody].count', 1)).toThrow('consumers has no element with id "nobody"');
    expect(() => setParam(base, 'producers[0].rate.x0', 1)).toThrow('producers[0] has no field rate');
    expect(() => setParam(base, 'horizon.x', 1)).toThrow('horizon.x: horizon is not an object');
  });
});

describe('paramLocation(raw, path)', () => {
  it('spells a place one way, by position, however the path names it', () => {
    for (const path of ['producers[0].interarrival.rate', 'producers.0.interarrival.rate', 'producers[orders].interarrival.rate']) {
      expect(paramLocation(base, path)).toBe('producers[0].interarrival.rate');
    }
    expect(paramLocation(base, 'consumers[workers].count')).toBe('consumers[0].count');
    expect(paramLocation(base, 'queues[0].capacity')).toBe('queues[0].capacity');
    expect(paramLocation(base, 'horizon')).toBe('horizon');
    expect(() => paramLocation(base, 'consumers[nobody].count')).toThrow('consumers has no element with id "nobody"');
  });
});
