import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/sim/scenario/parse.ts';
import { followSuggestion, paramChoices, paramUnit, suggestValues } from '../../../src/ui/sweep/paramChoices.ts';
import { parseValues } from '../../../src/sim/sweep/values.ts';

const raw = {
  name: 'polling',
  horizon: 100,
  producers: [{ id: 'p', to: 'q', interarrival: { dist: 'exponential', mean: 2 } }],
  queues: [{ id: 'q', capacity: 10 }],
  consumers: [{ id: 'c', from: 'q', count: 2, service: { dist: 'exponential', rate: 1 }, fetch: { mode: 'poll', interval: 0.5, batch: 1 } }],
};

describe('paramChoices(raw, scenario)', () => {
  it('offers the arrival and service parameters the file gives, servers, poll interval and capacity', () => {
    const choices = paramChoices(raw, parseScenario(raw));
    expect(choices.map((c) => [c.path, c.unit, c.current])).toEqual([
      ['producers[0].interarrival.mean', 's', 2],
      ['consumers[0].service.rate', '1/s', 1],
      ['consumers[0].count', 'servers', 2],
      ['consumers[0].fetch.interval', 's', 0.5],
      ['queues[0].capacity', 'messages', 10],
    ]);
    for (const c of choices) expect(parseValues(suggestValues(c)).length, c.path).toBeGreaterThan(1);
    expect(suggestValues(choices[2])).toBe('1:4:1');
    expect(paramUnit('consumers[c].service.rate', [])).toBe('1/s');
    expect(paramUnit('seed', [])).toBe('');
  });
});

describe('followSuggestion(values, lastSuggested, choice)', () => {
  const rate = (r: number) => {
    const file = { ...raw, producers: [{ id: 'p', to: 'q', interarrival: { dist: 'exponential', rate: r } }] };
    return paramChoices(file, parseScenario(file))[0];
  };

  it('moves an unedited suggestion to the new scenario’s value (M/M/1’s 0.3:0.9 was kept for the capacity preset at 40/s)', () => {
    const first = suggestValues(rate(0.9));
    expect(first).toBe('0.3:0.9:0.15');
    expect(followSuggestion(first, first, rate(40))).toBe('13.3:40:6.67');
  });

  it('keeps values the user typed', () => {
    expect(followSuggestion('1,2,3', '0.3:0.9:0.15', rate(40))).toBe('1,2,3');
  });

  it('keeps them when the parameter is not one of the choices', () => {
    expect(followSuggestion('0.3:0.9:0.15', '0.3:0.9:0.15', undefined)).toBe('0.3:0.9:0.15');
  });
});
