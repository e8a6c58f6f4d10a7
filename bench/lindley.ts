// The reference: the bare Lindley recursion for the M/M/1 waiting time,
// W(n+1) = max(0, W(n) + S(n) - A(n+1)), with exponential samples drawn as -log(1 - u) / rate:
// what any simulator of this queue must at least do per customer. Timed in the bench's own
// process, so an engine figure divided by it cancels most of the machine's speed.
import { createStream } from '../src/sim/random/streams.ts';

/**
 * Customers per second for n customers at load 0.9 (lambda 0.9, mu 1), with `uniform` as the
 * source of U(0,1) numbers. Returns the rate and the mean wait (so the loop cannot be dropped).
 */
export function lindley(n: number, uniform: () => number): { perSecond: number; perCpuSecond: number; meanWait: number } {
  const start = performance.now();
  const cpu = process.cpuUsage();
  let w = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += w;
    w += -Math.log1p(-uniform()) / 1 + Math.log1p(-uniform()) / 0.9;
    if (w < 0) w = 0;
  }
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { perSecond: n / seconds, perCpuSecond: n / ((used.user + used.system) / 1e6), meanWait: sum / n };
}

/** V8's Math.random (xorshift128+): the fastest uniform source JavaScript has. */
export const mathRandom = (): (() => number) => Math.random;

/** The engine's own generator (seedrandom's alea, one stream as a component gets it). */
export const engineStream = (): (() => number) => createStream(1, 0, 'lindley');
