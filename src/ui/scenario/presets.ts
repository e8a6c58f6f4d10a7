// The example scenarios of scenarios/ and its folders (brokers/), bundled as the files' own text
// (schema.json is the JSON Schema, not a scenario).
const ROOT = '../../../scenarios/';
const files = import.meta.glob('../../../scenarios/**/*.json', { eager: true, query: '?raw', import: 'default' }) as Record<
  string,
  string
>;

export interface Preset {
  /** Path under scenarios/, e.g. "mm1.json" or "brokers/kafka.json". */
  file: string;
  /** The scenario's `name`, or the file name when it has none. */
  title: string;
  text: string;
}

function titleOf(text: string, file: string): string {
  try {
    const name = (JSON.parse(text) as { name?: unknown }).name;
    return typeof name === 'string' && name !== '' ? name : file;
  } catch {
    return file;
  }
}

export const presets: Preset[] = Object.entries(files)
  .map(([path, text]) => ({ file: path.slice(ROOT.length), text }))
  .filter((p) => p.file !== 'schema.json')
  .map((p) => ({ ...p, title: titleOf(p.text, p.file) }))
  .sort((a, b) => a.file.localeCompare(b.file));
