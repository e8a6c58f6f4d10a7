import { describe, expect, it } from 'vitest';
import { MessagePool } from '../../../src/sim/engine/messagePool.ts';
import { makeWaitingLine } from '../../../src/sim/engine/waitingLine.ts';
import { createStream } from '../../../src/sim/random/streams.ts';
import type { Discipline } from '../../../src/sim/scenario/types.ts';

function lineWith(discipline: Discipline, priorities: number[]) {
  const pool = new MessagePool();
  const line = makeWaitingLine(discipline, pool, createStream(1, 0, 'line'));
  const ids = priorities.map((p, serial) => {
    const m = pool.alloc();
    pool.priority[m] = p;
    pool.enqueueSerial[m] = serial;
    pool.enqueuedAt[m] = serial;
    line.push(m);
    return m;
  });
  return { pool, line, ids };
}

const popAll = (line: { size: number; pop(): number }) => {
  const out = [];
  while (line.size > 0) out.push(line.pop());
  return out;
};

describe('waiting lines', () => {
  it('fifo serves in arrival order', () => {
    const { line, ids } = lineWith('fifo', [0, 0, 0, 0]);
    expect(popAll(line)).toEqual(ids);
  });

  it('lifo serves the newest first', () => {
    const { line, ids } = lineWith('lifo', [0, 0, 0, 0]);
    expect(popAll(line)).toEqual([...ids].reverse());
  });

  it('priority serves the highest priority first, FIFO within a class', () => {
    const { line, ids } = lineWith('priority', [1, 5, 1, 5, 3, -2]);
    expect(popAll(line)).toEqual([ids[1], ids[3], ids[4], ids[0], ids[2], ids[5]]);
  });

  it('random serves every message exactly once, in an order that is not arrival order', () => {
    const { line, ids } = lineWith('random', Array(50).fill(0));
    const served = popAll(line);
    expect([...served].sort((a, b) => a - b)).toEqual(ids);
    expect(served).not.toEqual(ids);
  });

  for (const d of ['fifo', 'lifo', 'priority', 'random'] as Discipline[]) {
    it(`${d}: oldest() and popOldest() find the first enqueued message, after any pops`, () => {
      const { line, ids } = lineWith(d, [2, 7, 2, 9, 1, 7]);
      const served = new Set([line.pop(), line.pop()]);
      const remaining = ids.filter((m) => !served.has(m));
      for (const m of remaining) {
        expect(line.oldest()).toBe(m);
        expect(line.popOldest()).toBe(m);
      }
      expect(line.size).toBe(0);
    });
  }

  it('the deque grows past its initial size and keeps order', () => {
    const { line, ids } = lineWith('fifo', Array(1000).fill(0));
    expect(popAll(line)).toEqual(ids);
  });
});
