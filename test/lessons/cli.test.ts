import { readdirSync } from 'node:fs';
import { LESSON_FILE } from '../../src/lessons/index.ts';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.ts';

describe('npm run lesson', () => {
  it('--list names every lesson', () => {
    const r = runCli('src/cli/lesson.ts', ['--list']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(readdirSync('lessons').filter((f) => LESSON_FILE.test(f)).length);
    expect(lines[0]).toMatch(/^01-five-series\s+Producers, queues, consumers/);
  });

  it('an unknown lesson is one line on stderr and exit code 2', () => {
    const r = runCli('src/cli/lesson.ts', ['no-such-lesson']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('unknown lesson "no-such-lesson" (npm run lesson -- --list shows them)\n');
  });

  it('bad arguments exit 2', () => {
    expect(runCli('src/cli/lesson.ts', []).status).toBe(2);
    expect(runCli('src/cli/lesson.ts', ['--all', '07']).status).toBe(2);
    expect(runCli('src/cli/lesson.ts', ['--bogus']).status).toBe(2);
  });

  it('ID --json prints one JSON object with every check, and exits 0 when all pass', () => {
    const r = runCli('src/cli/lesson.ts', ['7', '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { passed: boolean; lessons: { id: string; checks: { verdict: string; simulated: { ci95: unknown } }[] }[] };
    expect(out.passed).toBe(true);
    expect(out.lessons.map((l) => l.id)).toEqual(['07-bounded-queues']);
    expect(out.lessons[0].checks.length).toBe(5);
    expect(out.lessons[0].checks.every((c) => c.verdict === 'pass' && Array.isArray(c.simulated.ci95))).toBe(true);
  });
});
