// Peak memory of one M/M/1 run per size, each in a fresh Node process (bench/mm1Run.ts), so
// that no size inherits another's heap: the kernel's peak RSS, and the peak live heap.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { spread, type Spread } from './measure.ts';

const child = fileURLToPath(new URL('./mm1Run.ts', import.meta.url));

export interface MemoryFigure {
  messages: number;
  peakRssMB: Spread;
  peakHeapMB: Spread;
}

export function memoryAt(messages: number, runs: number): MemoryFigure {
  const all = Array.from({ length: runs }, () => {
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', child, String(messages)], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop()!) as { peakRssMB: number; peakHeapMB: number };
  });
  return { messages, peakRssMB: spread(all.map((r) => r.peakRssMB)), peakHeapMB: spread(all.map((r) => r.peakHeapMB)) };
}
