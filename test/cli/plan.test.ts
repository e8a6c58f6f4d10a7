import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { erlangC } from '../../src/models/theory/erlang.ts';
import { runCli } from '../helpers/runCli.ts';

const cli = 'src/cli/plan.ts';

/** M/M/c with lambda = 6, mu = 2 (a = 3 Erlangs), written to a temporary file. */
function scenarioFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'queue-lab-plan-')), 'mmc.json');
  const scenario = {
    name: 'M/M/c to size',
    seed: 5,
    horizon: 3000,
    warmup: 100,
    replications: 4,
    producers: [{ id: 'in', to: 'q', interarrival: { dist: 'exponential', rate: 6 } }],
    queues: [{ id: 'q' }],
    consumers: [{ id: 'pool', from: 'q', count: 1, service: { dist: 'exponential', rate: 2 } }],
  };
  writeFileSync(file, JSON.stringify(scenario));
  return file;
}

describe('npm run plan', () => {
  it('--json prints one object whose value is the smallest c with Erlang C mean wait < target', () => {
    // Theory here through erlangC (tested on its own against tables); the answer is clear-cut.
    const wq = (c: number) => erlangC(c, 3) / (2 * c - 6);
    const target = 0.04;
    const answer = [4, 5, 6, 7, 8].find((c) => wq(c) < target)!;
    expect([wq(answer) < target / 2, wq(answer - 1) > 1.3 * target]).toEqual([true, true]);
    const r = runCli(cli, [scenarioFile(), '--vary', 'consumers.0.count', '--target', `summary.queues.q.meanWait < ${target}`, '--json', '--workers', '1']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.value).toBe(answer);
    expect(out.theory.value).toBe(answer);
    expect(out.tried.find((t: { value: number }) => t.value === answer - 1).meets).toBe(false);
    expect(r.stderr).toContain(`tried consumers.0.count = ${answer}:`);
  });

  it('prints the evidence as a table; a target not met in range exits 1 with the reason', () => {
    const r = runCli(cli, [scenarioFile(), '--vary', 'consumers[pool].count', '--target', 'summary.queues.q.meanWait < 0.0001', '--max', '5', '--quiet', '--workers', '1']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^value\s+metric \(sim\)\s+95% CI\s+theory\s+meets$/m);
    expect(r.stdout).toContain('answer: none in range');
    expect(r.stderr).toMatch(/^summary\.queues\.q\.meanWait < 0\.0001 is not met with 95% confidence anywhere in \[1, 5\]: at consumers\[pool\]\.count = 5 \(the best end\) it is /);
  });

  it('bad input: one line per problem, exit 2, nothing on stdout', () => {
    const r = runCli(cli, [scenarioFile(), '--vary', 'consumers..count', '--target', 'summary.queues.q.meanWait', '--min', 'x', '--direction', 'sideways']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      '--min: must be a number (got "x")',
      '--direction: must be up (the metric improves as the value grows) or down (got "sideways")',
      '--vary "consumers..count": cannot read "..count" (expected .field, [number], .number or [id])',
      '--target "summary.queues.q.meanWait": expected METRIC < NUMBER or METRIC > NUMBER, e.g. "summary.messages.endToEnd.p99 < 2"',
    ]);
    const missing = runCli(cli, ['nope.json', '--vary', 'consumers.0.count', '--target', 'summary.queues.q.meanWait < 1']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('nope.json: cannot read: ENOENT\n');
  });
});
