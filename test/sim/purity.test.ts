// The core's promises, checked on its source: deterministic (seeded streams, simulated time, the
// same math on every engine) and pure (no DOM, no Node-only modules).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(root, dir, f));
}

/** The code of a file with its comments and string contents blanked (line numbers kept). */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/\/\/.*$/gm, '')
    .replace(/(['"`])(?:\\.|(?!\1)[^\\\n])*\1/g, "''");
}

/** Lines of the core that match a pattern, as "file:line: text". */
function offenders(pattern: RegExp, skip: (file: string) => boolean = () => false): string[] {
  const hits: string[] = [];
  for (const file of [...sources('src/sim'), ...sources('src/models')]) {
    if (skip(file)) continue;
    const raw = readFileSync(file, 'utf8');
    const lines = code(raw).split('\n');
    lines.forEach((line, i) => {
      if (pattern.test(line)) hits.push(`${relative(root, file)}:${i + 1}: ${raw.split('\n')[i].trim()}`);
    });
  }
  return hits;
}

describe('the core (src/sim, src/models)', () => {
  it('takes randomness and time only from its callers', () => {
    expect(offenders(/Math\.random|Date\.now|performance\.now|new Date\b/)).toEqual([]);
  });

  it('uses the deterministic math of src/sim/math, not the engine-dependent Math functions', () => {
    const inMath = (file: string) => relative(root, file).startsWith(join('src', 'sim', 'math'));
    const transcendental =
      /Math\.(exp|expm1|log|log2|log10|log1p|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh|cbrt|hypot)\b|\*\*/;
    expect(offenders(transcendental, inMath)).toEqual([]);
  });

  it('imports no DOM and no Node-only module', () => {
    const raw = [...sources('src/sim'), ...sources('src/models')].flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, where: `${relative(root, file)}:${i + 1}` })),
    );
    const imports = raw.filter(({ line }) =>
      /from ['"](node:[^'"]*|fs|path|os|worker_threads|child_process|d3|d3-selection)['"]/.test(line),
    );
    expect(imports.map((h) => `${h.where}: ${h.line.trim()}`)).toEqual([]);
    expect(offenders(/\b(document|window|localStorage|navigator)\./)).toEqual([]);
  });

  it('the scan itself finds what it looks for', () => {
    expect(code('x = Math.exp(1); // Math.log(2)')).toContain('Math.exp');
    expect(code('x = 1; // Math.log(2)')).not.toContain('Math.log');
    expect(code("s = 'Math.pow'; /* a ** b */")).not.toMatch(/Math\.pow|\*\*/);
  });
});
