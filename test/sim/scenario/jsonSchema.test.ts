import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { scenarioJsonSchema, scenarioJsonSchemaText } from '../../../src/sim/scenario/jsonSchema.ts';

const onDisk = readFileSync(new URL('../../../scenarios/schema.json', import.meta.url), 'utf8');

type Node = Record<string, unknown>;

/** Every { properties: ... } object in a JSON Schema, with its location. */
function propertyLists(node: unknown, at = '#'): [string, Node][] {
  if (typeof node !== 'object' || node === null) return [];
  const here: [string, Node][] = 'properties' in node ? [[at, (node as { properties: Node }).properties]] : [];
  return here.concat(Object.entries(node).flatMap(([k, v]) => propertyLists(v, `${at}/${k}`)));
}

describe('scenarios/schema.json', () => {
  test('equals what `npm run schema` generates (run it after changing the zod schema)', () => {
    expect(onDisk).toBe(scenarioJsonSchemaText());
  });

  test('is draft 2020-12 with a title and a description', () => {
    const schema = scenarioJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBe('queue-lab scenario');
    expect(schema.description).toEqual(expect.any(String));
  });

  test('describes every field, so that editors show help', () => {
    const undocumented = propertyLists(scenarioJsonSchema()).flatMap(([at, props]) =>
      Object.entries(props)
        .filter(([, p]) => typeof (p as Node).description !== 'string')
        .map(([name]) => `${at}/${name}`),
    );
    expect(undocumented).toEqual([]);
  });

  test('lets a scenario file point at it with "$schema" and forbids unknown fields', () => {
    const schema = scenarioJsonSchema() as { properties: Node; additionalProperties: unknown; required: string[] };
    expect(schema.properties.$schema).toMatchObject({ type: 'string' });
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['name', 'horizon', 'producers', 'queues', 'consumers']);
  });

  test('shows defaults and offers every distribution', () => {
    const text = scenarioJsonSchemaText();
    expect(JSON.parse(text).properties.replications.default).toBe(1);
    for (const name of ['exponential', 'deterministic', 'uniform', 'erlang', 'gamma', 'lognormal', 'hyperexponential', 'pareto', 'weibull', 'empirical']) {
      expect(text).toContain(`"const": "${name}"`);
    }
  });

  test('offers every message-queue option: transport protocols, replies, fetch and ack modes', () => {
    const schema = scenarioJsonSchema() as { $defs: Node; properties: Record<string, { items: { properties: Node } }> };
    const [producer, queue, consumer] = ['producers', 'queues', 'consumers'].map((s) => schema.properties[s].items.properties);
    expect(Object.keys(producer)).toEqual(expect.arrayContaining(['transport', 'replies', 'clients', 'think']));
    expect(queue.preemptive).toMatchObject({ type: 'boolean', default: false });
    expect(Object.keys(consumer)).toEqual(
      expect.arrayContaining(['handling', 'concurrency', 'shared', 'fetch', 'prefetch', 'ack', 'outages', 'failures', 'reply']),
    );
    expect(schema.$defs.Transport).toMatchObject({ properties: { protocol: { enum: ['tcp', 'udp', 'http'] } }, required: ['protocol'] });
    const modes = (field: unknown) => (field as { oneOf: { properties: { mode: { const: string } } }[] }).oneOf.map((o) => o.properties.mode.const);
    expect(modes(consumer.fetch)).toEqual(['push', 'poll']);
    expect(modes(consumer.ack)).toEqual(['auto', 'manual']);
    expect(consumer.ack).toMatchObject({ default: { mode: 'auto', failure: 0 } });
  });
});
