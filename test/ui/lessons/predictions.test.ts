import { describe, expect, it } from 'vitest';
import { loadPredictions, savePrediction } from '../../../src/ui/lessons/predictions.ts';

/** An in-memory Storage; `full` makes setItem throw as a full or disabled storage does. */
function memoryStorage(full = false): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => {
      if (full) throw new Error('QuotaExceededError');
      m.set(k, v);
    },
  };
}

describe('predictions', () => {
  it('savePrediction / loadPredictions keep texts per lesson id and check label', () => {
    const s = memoryStorage();
    expect(loadPredictions('01-five-series', s)).toEqual({});
    expect(savePrediction('01-five-series', 'Mean wait (s)', 'about 4', s)).toBe(true);
    savePrediction('01-five-series', 'Produced per second', '0.8', s);
    savePrediction('02-littles-law', 'Mean wait (s)', 'other lesson', s);
    expect(loadPredictions('01-five-series', s)).toEqual({ 'Mean wait (s)': 'about 4', 'Produced per second': '0.8' });
    expect(s.getItem('queue-lab:lesson:01-five-series:predictions')).toBe(JSON.stringify({ 'Mean wait (s)': 'about 4', 'Produced per second': '0.8' }));
    savePrediction('01-five-series', 'Mean wait (s)', '  ', s);
    expect(loadPredictions('01-five-series', s)).toEqual({ 'Produced per second': '0.8' });
  });

  it('damaged, missing or full storage gives no predictions and never throws', () => {
    const s = memoryStorage();
    s.setItem('queue-lab:lesson:x:predictions', '{not json');
    expect(loadPredictions('x', s)).toEqual({});
    s.setItem('queue-lab:lesson:x:predictions', '[1,2]');
    expect(loadPredictions('x', s)).toEqual({});
    s.setItem('queue-lab:lesson:x:predictions', '{"a":"kept","b":3}');
    expect(loadPredictions('x', s)).toEqual({ a: 'kept' });
    expect(loadPredictions('x', null)).toEqual({});
    expect(savePrediction('x', 'a', 'b', null)).toBe(false);
    expect(savePrediction('x', 'a', 'b', memoryStorage(true))).toBe(false);
  });
});
