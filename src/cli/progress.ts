import type { Progress } from '../sim/run.ts';

/**
 * Progress on stderr for runs that take more than a second: a redrawn bar on a terminal, a line
 * every few seconds otherwise (CI logs). The clock lives here, in the shell, never in the core.
 */
export function progressBar(out: NodeJS.WriteStream, quiet: boolean) {
  const started = Date.now();
  let lastDrawn = 0;
  let drawn = false;
  const tty = out.isTTY === true;
  return {
    update(p: Progress): void {
      const now = Date.now();
      if (quiet || now - started < 1000 || now - lastDrawn < (tty ? 100 : 5000)) return;
      lastDrawn = now;
      drawn = true;
      const width = 30;
      const filled = Math.round(p.fraction * width);
      const elapsed = (now - started) / 1000;
      const left = p.fraction > 0 ? (elapsed * (1 - p.fraction)) / p.fraction : NaN;
      const line =
        `[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${(100 * p.fraction).toFixed(0).padStart(3)}%` +
        `  replication ${Math.min(p.replication + 1, p.replications)}/${p.replications}` +
        `  t=${p.time.toPrecision(4)}  ${elapsed.toFixed(1)} s elapsed, ~${left.toFixed(1)} s left`;
      out.write(tty ? `\r${line}` : `${line}\n`);
    },
    done(): void {
      if (drawn && tty) out.write('\n');
    },
  };
}
