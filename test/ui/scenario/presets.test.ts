// The preset picker offers every example scenario under scenarios/, the broker presets included.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { presets } from '../../../src/ui/scenario/presets.ts';

const ROOT = new URL('../../../scenarios/', import.meta.url);
const files = (readdirSync(ROOT, { recursive: true }) as string[])
  .map((f) => f.replaceAll('\\', '/'))
  .filter((f) => f.endsWith('.json') && f !== 'schema.json')
  .sort((a, b) => a.localeCompare(b));

describe('presets', () => {
  it('lists every scenario file under scenarios/, folders included, by its path there', () => {
    expect(files).toContain('brokers/kafka.json');
    expect(presets.map((p) => p.file)).toEqual(files);
  });

  it('titles each preset with its scenario name', () => {
    const kafka = presets.find((p) => p.file === 'brokers/kafka.json')!;
    expect(kafka.title).toBe(JSON.parse(kafka.text).name);
  });
});
