// One M/M/1 run (load 0.9) of N messages through simulate(), recording on; prints one JSON line
// with messages/s and peak memory. The bench runs it in a fresh process per size:
// `node --expose-gc --import tsx bench/mm1Run.ts 1e6`. With --expose-gc the heap is measured
// after a full collection (live data, not garbage awaiting collection), 20 times in the run.
import { simulate } from '../src/sim/run.ts';
import { mm1 } from './scenarios.ts';

const messages = Number(process.argv[2] ?? 1e6);
const scenario = mm1(messages);
const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  return process.memoryUsage().heapUsed;
};
let peakHeap = heap();
const start = performance.now();
const out = simulate(scenario, {
  warmup: 0,
  // Heap sampled 20 times during the run (the peak RSS comes from the kernel below).
  progressSteps: 20,
  onProgress: () => (peakHeap = Math.max(peakHeap, heap())),
});
const seconds = (performance.now() - start) / 1000;
const mem = process.memoryUsage();
console.log(
  JSON.stringify({
    messages: out.summary.messages.produced,
    seconds,
    messagesPerSecond: out.summary.messages.produced / seconds,
    heapUsedMB: mem.heapUsed / 2 ** 20,
    rssMB: mem.rss / 2 ** 20,
    peakHeapMB: Math.max(peakHeap, heap()) / 2 ** 20,
    liveHeap: gc !== undefined,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  }),
);
