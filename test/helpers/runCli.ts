import { spawnSync } from 'node:child_process';

/** Runs a CLI entry point as a user would (a separate Node process through tsx). */
export function runCli(script: string, args: string[], options: { cwd?: string } = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: options.cwd ?? process.cwd(),
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
