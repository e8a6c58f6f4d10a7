import { describe, expect, test } from 'vitest';
import { problems, type Cases, type Json } from './fixtures.ts';

const exp1 = { dist: 'exponential', rate: 1 };
const CLOCK = 'a closed loop sends when a reply comes back, not on a clock';

/** The producer as a closed loop: no clock, with the given fields. */
function sync(f: Json, fields: Json = {}) {
  delete f.producers[0].interarrival;
  Object.assign(f.producers[0], { replies: 'sync' }, fields);
}

const transport = (f: Json, t: Json) => (f.producers[0].transport = t);

describe('checkScenario(file) pins each producer rule to its path and message', () => {
  const cases: Cases = [
    // replies "sync": a closed loop, no clock
    [
      'no interarrival with replies sync',
      (f) => (f.producers[0].replies = 'sync'),
      `producers[0].interarrival: must be absent with replies "sync" (got {"dist":"exponential","rate":0.9}): ${CLOCK}`,
    ],
    ['no rate with replies sync', (f) => sync(f, { rate: { x0: 1 } }), `producers[0].rate: must be absent with replies "sync" (got {"x0":1}): ${CLOCK}`],
    // replies "async": an open loop, no clients
    ['clients only with sync', (f) => (f.producers[0].clients = 10), 'producers[0].clients: only with replies "sync" (got 10)'],
    [
      'clients only with sync (replies given)',
      (f) => Object.assign(f.producers[0], { replies: 'async', clients: 2 }),
      'producers[0].clients: only with replies "sync" (got 2)',
    ],
    ['think only with sync', (f) => (f.producers[0].think = exp1), 'producers[0].think: only with replies "sync" (got {"dist":"exponential","rate":1})'],
    // transport
    [
      'rto only with tcp or http',
      (f) => transport(f, { protocol: 'udp', rto: 2 }),
      'producers[0].transport.rto: only with protocol "tcp" or "http" (got 2, protocol "udp")',
    ],
    [
      'overhead only with http (tcp)',
      (f) => transport(f, { protocol: 'tcp', overhead: exp1 }),
      'producers[0].transport.overhead: only with protocol "http" (got {"dist":"exponential","rate":1}, protocol "tcp")',
    ],
    [
      'overhead only with http (udp)',
      (f) => transport(f, { protocol: 'udp', overhead: { dist: 'deterministic', value: 0.1 } }),
      'producers[0].transport.overhead: only with protocol "http" (got {"dist":"deterministic","value":0.1}, protocol "udp")',
    ],
  ];

  test.each(cases)('%s', (_, edit, expected) => {
    expect(problems(edit)).toEqual([expected]);
  });

  test('a closed loop needs neither interarrival nor rate ("exactly one" is for open loops)', () => {
    expect(problems((f) => sync(f))).toEqual([]);
    expect(problems((f) => sync(f, { clients: 20, think: exp1, interarrival: null, rate: null }))).toEqual([]);
  });

  test('a closed loop with both clocks gets one problem for each', () => {
    expect(problems((f) => sync(f, { interarrival: exp1, rate: { x0: 1 } }))).toEqual([
      `producers[0].interarrival: must be absent with replies "sync" (got {"dist":"exponential","rate":1}): ${CLOCK}`,
      `producers[0].rate: must be absent with replies "sync" (got {"x0":1}): ${CLOCK}`,
    ]);
  });

  test('an open loop accepts the values that a checked scenario holds: clients 1, think null', () => {
    expect(problems((f) => Object.assign(f.producers[0], { clients: 1, think: null }))).toEqual([]);
  });

  test('udp accepts the rto that a checked scenario holds (1); null overhead is fine with any protocol', () => {
    expect(problems((f) => transport(f, { protocol: 'udp', rto: 1, overhead: null }))).toEqual([]);
    expect(problems((f) => transport(f, { protocol: 'tcp', rto: 0.2, overhead: null }))).toEqual([]);
    expect(problems((f) => transport(f, { protocol: 'http', rto: 3, overhead: exp1 }))).toEqual([]);
  });

  test('a misspelt replies or protocol is reported once, by the schema, without the rules that depend on it', () => {
    expect(problems((f) => Object.assign(f.producers[0], { replies: 'snyc', clients: 3 }))).toEqual([
      'producers[0].replies: must be one of "async", "sync" (got "snyc")',
    ]);
    expect(problems((f) => transport(f, { protocol: 'UDP', rto: 2 }))).toEqual([
      'producers[0].transport.protocol: must be one of "tcp", "udp", "http" (got "UDP")',
    ]);
  });
});
