import { afterEach, describe, expect, test } from 'vitest';
import { parseScenario } from '../../../src/sim/scenario/parse.ts';
import { otherMode, present, takeUnimplemented, UNIMPLEMENTED, type Gate } from '../../../src/sim/scenario/unimplemented.ts';
import { file, problems, type Json } from './fixtures.ts';

const COMING = 'not implemented yet (coming with message-queue semantics)';

// One gate of each kind: a value with a replacement, a key that only exists with the feature,
// and a { "mode" } object.
const GATES: Gate[] = [
  { section: 'producers', key: 'replies', future: (v) => v === 'sync', use: '"async"' },
  { section: 'producers', key: 'clients', future: present },
  { section: 'consumers', key: 'ack', future: otherMode('auto'), mode: 'auto' },
];

function asking(): Json {
  const f = file();
  Object.assign(f.producers[0], { replies: 'sync', clients: 3 });
  delete f.producers[0].interarrival; // a closed loop has no clock
  f.consumers[0].ack = { mode: 'manual', failure: 0.1 };
  return f;
}

describe('takeUnimplemented(input, gates)', () => {
  test('gives one problem per option that asks for a missing feature, and removes it from a copy', () => {
    const input = asking();
    const before = structuredClone(input);
    const { problems: found, rest } = takeUnimplemented(input, GATES);
    expect(found).toEqual([
      { path: 'producers[0].replies', message: `"sync" is ${COMING}; use "async"` },
      { path: 'producers[0].clients', message: `${COMING}; remove it` },
      { path: 'consumers[0].ack.mode', message: `"manual" is ${COMING}; use "auto"` },
    ]);
    const { replies, clients, ...producer } = before.producers[0];
    const { ack, ...consumer } = before.consumers[0];
    expect(rest).toEqual({ ...before, producers: [producer], consumers: [consumer] });
    expect(input).toEqual(before); // the input itself is untouched
  });

  test('leaves implemented values and plain mistakes to the schema', () => {
    const f = file();
    Object.assign(f.producers[0], { replies: 'asnyc' });
    f.consumers[0].ack = { mode: 'auto', failure: 0.1 };
    expect(takeUnimplemented(f, GATES)).toEqual({ problems: [], rest: f });
  });

  test('with an empty table, or input that is not an object, finds nothing', () => {
    expect(takeUnimplemented(asking(), [])).toEqual({ problems: [], rest: asking() });
    expect(takeUnimplemented(null, GATES)).toEqual({ problems: [], rest: null });
    expect(takeUnimplemented({ producers: [1, null], consumers: 'x' }, GATES).problems).toEqual([]);
  });
});

describe('checkScenario(file) consults the UNIMPLEMENTED table', () => {
  afterEach(() => {
    UNIMPLEMENTED.splice(0);
  });

  test('an option in the table gives its "not implemented yet" problem, and only that', () => {
    UNIMPLEMENTED.push(...GATES);
    expect(problems((f) => Object.assign(f, asking()))).toEqual([
      `producers[0].replies: "sync" is ${COMING}; use "async"`,
      `producers[0].clients: ${COMING}; remove it`,
      `consumers[0].ack.mode: "manual" is ${COMING}; use "auto"`,
    ]);
  });

  test('the values it suggests are accepted', () => {
    UNIMPLEMENTED.push(...GATES);
    const f = file();
    Object.assign(f.producers[0], { replies: 'async' });
    f.consumers[0].ack = { mode: 'auto' };
    expect(parseScenario(f)).toEqual(parseScenario(file()));
  });
});
