// The JSON Schema of scenario files (scenarios/schema.json), generated from the zod schema so
// that editors offer completion and help. Rules that JSON Schema cannot say (unique ids,
// references, lambda(t) >= 0...) are only checked by parseScenario().
import * as z from 'zod';
import { exponentialSchema } from './distSchema.ts';
import { scenarioFileSchema } from './schema.ts';

export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioFileSchema, {
    target: 'draft-2020-12',
    io: 'input', // what a file may contain: fields with defaults are optional
    override: ({ zodSchema, jsonSchema }) => {
      // The one "exactly one of" that JSON Schema can express for editors.
      if (zodSchema === exponentialSchema) jsonSchema.oneOf = [{ required: ['rate'] }, { required: ['mean'] }];
    },
  });
}

/** The exact text of scenarios/schema.json. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
