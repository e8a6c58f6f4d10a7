// The file format stays backwards compatible: files written before message-queue semantics
// parse as before, with the new fields at their defaults.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../../src/sim/scenario/parse.ts';
import { file } from './fixtures.ts';

const dir = new URL('../../../scenarios/', import.meta.url);
const examples = readdirSync(dir)
  .filter((name) => name.endsWith('.json') && name !== 'schema.json')
  .map((name): [string, unknown] => [name, JSON.parse(readFileSync(new URL(name, dir), 'utf8'))]);

describe('every file in scenarios/', () => {
  test('there are some', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  test.each(examples)('%s parses, and its checked scenario parses to itself', (_, json) => {
    const once = parseScenario(json);
    expect(parseScenario(structuredClone(once))).toEqual(once);
  });

  test.each(examples)('%s gets the defaults of the message-queue fields it leaves out', (_, json) => {
    const s = parseScenario(json);
    const uses = (section: string, key: string) =>
      ((json as Record<string, Record<string, unknown>[]>)[section] ?? []).some((item) => key in item);
    for (const p of s.producers) {
      if (!uses('producers', 'transport')) expect(p.transport).toBeNull();
      if (!uses('producers', 'replies')) expect(p).toMatchObject({ replies: 'async', clients: 1, think: null });
    }
    for (const q of s.queues) if (!uses('queues', 'preemptive')) expect(q.preemptive).toBe(false);
    for (const c of s.consumers) {
      if (!uses('consumers', 'handling')) expect(c).toMatchObject({ handling: 'sync', concurrency: 1, shared: false });
      if (!uses('consumers', 'fetch')) expect(c.fetch).toEqual({ mode: 'push' });
      if (!uses('consumers', 'prefetch') && !uses('consumers', 'concurrency')) expect(c.prefetch).toBe(1);
      if (!uses('consumers', 'ack')) expect(c.ack).toEqual({ mode: 'auto', failure: 0 });
      if (!uses('consumers', 'outages')) expect(c.outages).toEqual([]);
      if (!uses('consumers', 'failures')) expect(c.failures).toBeNull();
      if (!uses('consumers', 'reply')) expect(c.reply).toBeNull();
    }
  });
});

describe('the neutral values that files could already write', () => {
  test('mean the same as leaving them out', () => {
    const f = file();
    Object.assign(f.producers[0], { transport: null, replies: 'async' });
    Object.assign(f.queues[0], { preemptive: false });
    Object.assign(f.consumers[0], {
      handling: 'sync',
      fetch: { mode: 'push' },
      prefetch: 1,
      ack: { mode: 'auto' },
      outages: [],
      failures: null,
      reply: null,
    });
    expect(parseScenario(f)).toEqual(parseScenario(file()));
  });
});
