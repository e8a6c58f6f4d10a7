// The form's edits of the document: typing into a knob whose object the scenario leaves out (ack,
// fetch) must give a valid scenario, not "ack.mode: missing".
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../../src/sim/scenario/parse.ts';
import { DIST_PARAMS, FIELDS, distMean, fieldWrite, switchDist, type DistSwitch } from '../../../src/ui/scenario/fields.ts';
import { parsePath, setAt } from '../../../src/ui/scenario/paths.ts';

const mm1 = () => JSON.parse(readFileSync(new URL('../../../scenarios/mm1.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const field = (id: string) => FIELDS.find((f) => f.id === id)!;
const sel = { producer: 0, queue: 0, consumer: 0 };

/** What the form does when `id` gets `value`: the edited document. */
function type(doc: unknown, id: string, value: unknown): unknown {
  const w = fieldWrite(doc, field(id), field(id).path(sel), value);
  return setAt(doc, parsePath(w.path), w.value);
}
const problems = (doc: unknown) => {
  const r = checkScenario(doc);
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('fieldWrite', () => {
  it('a failure probability typed on a consumer with no ack object makes { mode: "auto", failure }; cleared, the default 0', () => {
    const doc = type(mm1(), 'failure', 0.1);
    expect(problems(doc)).toEqual([]);
    expect((doc as { consumers: { ack: unknown }[] }).consumers[0].ack).toEqual({ mode: 'auto', failure: 0.1 });
    const cleared = type(doc, 'failure', undefined);
    expect(problems(cleared)).toEqual([]);
  });

  it('a poll interval typed on a consumer with no fetch object makes { mode: "poll", interval }', () => {
    const doc = type(mm1(), 'poll', 2);
    expect(problems(doc)).toEqual([]);
    expect((doc as { consumers: { fetch: unknown }[] }).consumers[0].fetch).toEqual({ mode: 'poll', interval: 2 });
  });

  it('a mode set back to "(default)" removes its object, whose other keys belonged to that mode', () => {
    const polled = type(mm1(), 'poll', 2);
    const back = type(polled, 'fetch', undefined);
    expect((back as { consumers: Record<string, unknown>[] }).consumers[0]).not.toHaveProperty('fetch');
    expect(problems(back)).toEqual([]);
    const manual = type(mm1(), 'ack', 'manual');
    expect(problems(type(manual, 'ack', undefined))).toEqual([]);
  });

  it('a value typed where the object exists goes to the field itself', () => {
    const doc = type(type(mm1(), 'poll', 2), 'poll', 5);
    expect((doc as { consumers: { fetch: unknown }[] }).consumers[0].fetch).toEqual({ mode: 'poll', interval: 5 });
  });
});

describe('switchDist', () => {
  it('keeps the mean exactly through a tour of every distribution (it drifted: empirical 0.499999, 0.999998, 1.5 for a mean of 1)', () => {
    let spec: unknown = { dist: 'exponential', rate: 1 };
    let last: DistSwitch | undefined;
    for (const dist of [...Object.keys(DIST_PARAMS), ...Object.keys(DIST_PARAMS)]) {
      last = switchDist(spec, dist, last);
      spec = JSON.parse(JSON.stringify(last.spec)); // through the document's JSON text
      expect(last.mean, dist).toBe(1);
    }
    expect(switchDist(spec, 'empirical', last).spec).toEqual({ dist: 'empirical', values: [0.5, 1, 1.5] });
  });

  it('reads the mean from the spec once the user has edited it', () => {
    const last = switchDist({ dist: 'exponential', rate: 1 }, 'deterministic', undefined);
    expect(switchDist({ dist: 'deterministic', value: 2 }, 'exponential', last)).toEqual({ spec: { dist: 'exponential', rate: 0.5 }, mean: 2 });
    expect(distMean({ dist: 'exponential', mean: 4 })).toBe(4);
  });
});
