// One M/M/1 run (load 0.9) of N messages through the full engine with recording on; prints
// messages/s and memory. Used for the memory-flatness figures: `node --import tsx bench/mm1Run.ts 1e6`.
import { simulate } from '../src/sim/run.ts';
import { parseScenario } from '../src/sim/scenario/parse.ts';

const messages = Number(process.argv[2] ?? 1e6);
const scenario = parseScenario({
  name: `M/M/1 at load 0.9, ${messages} messages`,
  seed: 1,
  horizon: messages / 0.9,
  sampleEvery: messages / 0.9 / 500,
  producers: [{ id: 'p', to: 'q', interarrival: { dist: 'exponential', rate: 0.9 } }],
  queues: [{ id: 'q' }],
  consumers: [{ id: 'c', from: 'q', service: { dist: 'exponential', rate: 1 } }],
});
const start = performance.now();
const out = simulate(scenario, { warmup: 0 });
const seconds = (performance.now() - start) / 1000;
const mem = process.memoryUsage();
console.log(
  JSON.stringify({
    messages: out.summary.messages.produced,
    seconds,
    messagesPerSecond: out.summary.messages.produced / seconds,
    heapUsedMB: mem.heapUsed / 2 ** 20,
    rssMB: mem.rss / 2 ** 20,
  }),
);
