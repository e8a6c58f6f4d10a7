import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs a CLI whose reader has gone before it writes (as `| head` does once it has its lines). */
function runIntoClosedPipe(script: string, args: string[]): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stderr })));
}

describe('a CLI whose output is cut short (| head)', () => {
  it('stops writing quietly, without a stack trace, and exits 0', async () => {
    const list = await runIntoClosedPipe('src/cli/lesson.ts', ['--list']);
    expect(list.stderr).toBe('');
    expect(list.status).toBe(0);
    const csv = join(mkdtempSync(join(tmpdir(), 'queue-lab-pipe-')), 'd.csv');
    writeFileSync(csv, 't,y\n0,5\n1,3\n2,2\n3,1.5\n4,1.2\n5,1.1\n');
    const fit = await runIntoClosedPipe('src/cli/fit.ts', [csv]);
    expect(fit.stderr).toBe('');
    expect(fit.status).toBe(0);
  }, 60_000);
});
