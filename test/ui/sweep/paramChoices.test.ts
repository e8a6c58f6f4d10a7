import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/sim/scenario/parse.ts';
import { paramChoices, paramUnit, suggestValues } from '../../../src/ui/sweep/paramChoices.ts';
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
