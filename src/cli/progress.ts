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
  // Messages of earlier passes (the "auto" warm-up's pilot): each pass counts from 0 again.
  let earlier = 0;
  let last = 0;
  return {
    update(p: Progress): void {
      if (p.messages !== undefined) {
        if (p.messages < last) earlier += last;
        last = p.messages;
      }
      const now = Date.now();
      if (quiet || p.fraction <= 0 || now - started < 1000 || now - lastDrawn < (tty ? 100 : 5000)) return;
      lastDrawn = now;
      drawn = true;
      const width = 30;
      const filled = Math.round(p.fraction * width);
      const elapsed = (now - started) / 1000;
      const left = p.fraction > 0 ? (elapsed * (1 - p.fraction)) / p.fraction : NaN;
      const rate = p.messages === undefined ? '' : `  ${perSecond((earlier + last) / elapsed)} messages/s`;
      const line =
        `[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${(100 * p.fraction).toFixed(0).padStart(3)}%` +
        `  ${p.replication}/${p.replications} replications done${rate}` +
        `  ${elapsed.toFixed(1)} s elapsed, ~${left.toFixed(1)} s left`;
      out.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
    },
    done(): void {
      if (drawn && tty) out.write('\n');
    },
  };
}

/** 4.21 M, 850 k, 12. */
function perSecond(x: number): string {
  if (x >= 1e6) return `${(x / 1e6).toFixed(2)} M`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(0)} k`;
  return x.toFixed(0);
}
