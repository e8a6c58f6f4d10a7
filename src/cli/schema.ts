// Writes scenarios/schema.json from the zod schema; with --check, exits 1 if the file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from '../sim/scenario/jsonSchema.ts';

const target = fileURLToPath(new URL('../../scenarios/schema.json', import.meta.url));
const args = process.argv.slice(2);

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

if (args.some((a) => a !== '--check')) {
  console.error(`unknown argument: ${args.find((a) => a !== '--check')}\nusage: tsx src/cli/schema.ts [--check]`);
  process.exit(2);
}
const text = scenarioJsonSchemaText();
if (args.includes('--check')) {
  if (readOrEmpty(target) !== text) {
    console.error('scenarios/schema.json is out of date: run `npm run schema`');
    process.exit(1);
  }
  console.log('scenarios/schema.json is up to date');
} else {
  writeFileSync(target, text);
  console.log('wrote scenarios/schema.json');
}
