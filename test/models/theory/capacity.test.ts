import { describe, expect, it } from 'vitest';
import { theoryFor } from '../../../src/models/theory/scenario';
import { stabilityWarnings } from '../../../src/models/theory/warnings';
import { consumer, producer, scenario } from './fixtures';

const autoscale = { min: 2, max: 8, metric: 'utilization' as const, target: 0.7, interval: 10, cooldown: 0, startupDelay: 30 };

describe('theoryFor(scenario): autoscaling, slowdowns, timeouts and retries', () => {
  it('an autoscaled group gets no M/M/c model, with the reason', () => {
    const t = theoryFor(scenario({ consumers: [{ ...consumer, count: 2, autoscale }] })).queues.q;
    expect(t.model).toBeNull();
    expect(t.model === null && t.reason).toBe(
      'queue q: its consumers autoscale between 2 and 8 servers on utilization: the count follows the load with delays, so no M/M/c model applies (the count would be part of the state)',
    );
  });

  it('an autoscaled group is unstable only if its max count cannot keep up', () => {
    const fast = { ...producer, interarrival: { dist: 'exponential' as const, rate: 3 } };
    expect(stabilityWarnings(scenario({ producers: [fast], consumers: [{ ...consumer, count: 2, autoscale }] }))).toEqual([]);
    expect(stabilityWarnings(scenario({ producers: [fast], consumers: [{ ...consumer, count: 2, autoscale: { ...autoscale, max: 2 } }] })).length).toBe(1);
  });

  it('slowdown windows: a transient, no steady-state model', () => {
    const t = theoryFor(scenario({ consumers: [{ ...consumer, slowdowns: [{ start: 10, end: 20, factor: 3 }] }] })).queues.q;
    expect(t.model === null && t.reason).toBe('queue q: slowdown windows: a transient, not a steady state');
  });

  it('retries make the arrivals depend on the waits: no model; a timeout alone leaves the queue as it is, with a note', () => {
    const retry = { maxAttempts: 3, backoff: 'fixed' as const, base: 0, cap: null, jitter: 'none' as const, budget: null };
    const retrying = theoryFor(scenario({ producers: [{ ...producer, timeout: 2, retry }] })).queues.q;
    expect(retrying.model === null && retrying.reason).toBe(
      'queue q: producer p retries requests that time out, so it sends more when waits grow; no closed form',
    );
    const waiting = theoryFor(scenario({ producers: [{ ...producer, timeout: 2 }] })).queues.q;
    expect(waiting.model).toBe('M/M/1');
    expect(waiting.notes).toContain('producer p stops waiting after 2 s: the queue is unchanged, replies later than that are wasted work');
  });
});

describe('theoryFor(scenario): closed loops with autoscaling or timeouts', () => {
  const closed = { ...producer, interarrival: null, replies: 'sync' as const, clients: 5, think: { dist: 'exponential' as const, rate: 1 } };
  it('no mean value analysis when the consumers autoscale or the clients time out', () => {
    const scaled = theoryFor(scenario({ producers: [closed], consumers: [{ ...consumer, autoscale: { ...autoscale, min: 1 } }] })).queues.q;
    expect(scaled.model === null && scaled.reason).toMatch(/the consumers autoscale/);
    const impatient = theoryFor(scenario({ producers: [{ ...closed, timeout: 2 }] })).queues.q;
    expect(impatient.model === null && impatient.reason).toMatch(/its clients stop waiting after 2 s: abandoned messages stay in the queue/);
    expect(theoryFor(scenario({ producers: [closed] })).queues.q.model).not.toBeNull();
  });
});
