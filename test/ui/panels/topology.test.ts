// The topology's box values: live while running, the run's means once it has finished.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/sim/scenario/parse.ts';
import { boxLabel, nodeValue } from '../../../src/ui/panels/topology.ts';
import type { LiveState } from '../../../src/ui/worker/protocol.ts';

const s = parseScenario(JSON.parse(readFileSync(new URL('../../../scenarios/priority.json', import.meta.url), 'utf8')));
// The last instant of the last replication: nothing waits, the single server is idle.
const live = { queueLength: [0], utilization: [0], servers: [1] } as unknown as LiveState;

describe('nodeValue', () => {
  it('shows the live state while running', () => {
    expect(nodeValue(s, 'queue', 0, live, null)).toEqual({ value: '0 waiting', meter: 0 });
    expect(nodeValue(s, 'consumer', 0, live, null)).toEqual({ value: '0% busy', meter: 0 });
  });

  it('shows the run’s means once finished, not the idle last instant ("0% busy" after a run at load 0.7)', () => {
    const means = { waiting: { q: 1.634 }, busy: { server: 0.7003 } };
    expect(nodeValue(s, 'queue', 0, live, means)).toEqual({ value: 'mean 1.634 waiting', meter: 1 });
    expect(nodeValue(s, 'consumer', 0, live, means)).toEqual({ value: 'mean 70% busy', meter: 0.7003 });
  });
});

describe('boxLabel', () => {
  it('keeps an id that fits its box', () => {
    expect(boxLabel('orders')).toBe('orders');
    expect(boxLabel('a'.repeat(15))).toBe('a'.repeat(15));
  });

  it('shortens a long id with an ellipsis (it ran past the box and off the diagram)', () => {
    expect(boxLabel('checkout-service-order-events-producer')).toBe('checkout-servi…');
    expect(Array.from(boxLabel('ééééééééééééééééééé')).length).toBe(15);
  });
});
