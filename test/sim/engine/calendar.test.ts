import { describe, expect, it } from 'vitest';
import { EventCalendar } from '../../../src/sim/engine/calendar.ts';
import { createStream } from '../../../src/sim/random/streams.ts';

function drain(cal: EventCalendar): [number, number][] {
  const out: [number, number][] = [];
  while (cal.next()) out.push([cal.now, cal.payload]);
  return out;
}

describe('EventCalendar', () => {
  it('next() returns events in time order', () => {
    const cal = new EventCalendar();
    for (const [t, id] of [[3, 0], [1, 1], [2, 2], [0.5, 3]]) cal.schedule(t, 0, 0, id);
    expect(drain(cal)).toEqual([[0.5, 3], [1, 1], [2, 2], [3, 0]]);
  });

  it('breaks ties at equal times by scheduling order', () => {
    const cal = new EventCalendar();
    for (let id = 0; id < 100; id++) cal.schedule(id % 3, 0, 0, id);
    const got = drain(cal);
    const expected = [0, 1, 2].flatMap((t) => Array.from({ length: 100 }, (_, id) => id).filter((id) => id % 3 === t).map((id) => [t, id]));
    expect(got).toEqual(expected);
  });

  it('carries kind, target and payload with each event', () => {
    const cal = new EventCalendar();
    cal.schedule(2, 7, 11, 13);
    expect(cal.next()).toBe(true);
    expect([cal.now, cal.kind, cal.target, cal.payload]).toEqual([2, 7, 11, 13]);
    expect(cal.next()).toBe(false);
  });

  it('cancel(handle) removes a pending event and size counts only live events', () => {
    const cal = new EventCalendar();
    const a = cal.schedule(1, 0, 0, 1);
    cal.schedule(2, 0, 0, 2);
    const c = cal.schedule(3, 0, 0, 3);
    cal.cancel(a);
    cal.cancel(c);
    cal.cancel(c); // twice is harmless
    expect(cal.size).toBe(1);
    expect(cal.peekTime()).toBe(2);
    expect(drain(cal)).toEqual([[2, 2]]);
  });

  it('next(until) takes nothing due after until', () => {
    const cal = new EventCalendar();
    cal.schedule(5, 0, 0, 1);
    expect(cal.next(4.9)).toBe(false);
    expect(cal.size).toBe(1);
    expect(cal.next(5)).toBe(true);
  });

  it('matches a sort by (time, order) on 10,000 random events interleaved with pops', () => {
    const rng = createStream(1, 0, 'calendar-test');
    const cal = new EventCalendar();
    const reference: { t: number; id: number }[] = [];
    const popped: number[] = [];
    const expected: number[] = [];
    let id = 0;
    for (let round = 0; round < 100; round++) {
      for (let i = 0; i < 100; i++) {
        // Coarse times make many ties.
        const t = round + Math.floor(rng() * 20);
        cal.schedule(t, 0, 0, id);
        reference.push({ t, id: id++ });
      }
      for (let i = 0; i < 50; i++) {
        reference.sort((a, b) => a.t - b.t || a.id - b.id);
        expected.push(reference.shift()!.id);
        cal.next();
        popped.push(cal.payload);
      }
    }
    expect(popped).toEqual(expected);
  });

  it('reuses slots: memory does not grow with events processed, only with events pending', () => {
    const cal = new EventCalendar();
    for (let i = 0; i < 1e5; i++) {
      cal.schedule(i, 0, 0, i);
      cal.next();
    }
    // One slot was ever needed; the arrays keep their initial size.
    expect((cal as unknown as { slots: number }).slots).toBe(1);
  });
});
