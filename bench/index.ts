// `npm run bench [-- --quick] [-- --json] [-- --runs N]`: the performance figures of issue 6 as a
// table (or one JSON object): engine throughput against a Lindley reference, peak memory by run
// length, fit time, parallel speed-up. Each figure is the median of several runs, with min and max.
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fitTime } from './fit.ts';
import { lindley, mathRandom, engineStream } from './lindley.ts';
import { engineRate, spread, type Spread } from './measure.ts';
import { memoryAt } from './memory.ts';
import { parallelSpeedup } from './parallel.ts';
import { fromFile, manyProducers, mm1, network } from './scenarios.ts';
import { figureTable, type Figure } from './table.ts';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    runs: { type: 'string' },
  },
});
const quick = flags.quick;
const runs = flags.runs !== undefined ? Number(flags.runs) : quick ? 2 : 3;
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`--runs: must be a whole number >= 1 (got "${flags.runs}")\n`);
  process.exit(2);
}
/** Sizes: the issue's, or a smoke test's. */
const size = quick
  ? { mm1: 1e5, producers: 1e5, network: 2e4, file: 5e4, lindley: 1e6, memory: [1e3, 1e4, 1e5], memoryRuns: 1, fitPoints: 1000, fitRuns: 1, parallel: 1e4, parallelRuns: 1 }
  : { mm1: 1e7, producers: 1e7, network: 1e6, file: 1e7, lindley: 2e7, memory: [1e5, 1e6, 1e7], memoryRuns: 3, fitPoints: 10_000, fitRuns: 3, parallel: 2e6, parallelRuns: 3 };
const log = (s: string) => process.stderr.write(`${s}\n`);
const loadBefore = loadavg();
const figures: Figure[] = [];
const fmtCount = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));

// The reference first, in this process.
log(`Lindley recursion, ${fmtCount(size.lindley)} customers x ${2 * runs}`);
// The reference is cheap: twice as many runs as the engine figures.
function lindleyRuns(uniform: () => () => number) {
  const all = Array.from({ length: 2 * runs }, () => lindley(size.lindley, uniform()));
  return { wall: spread(all.map((r) => r.perSecond)), perCpuSecond: spread(all.map((r) => r.perCpuSecond)).median };
}
const { wall: reference, perCpuSecond } = lindleyRuns(mathRandom);
figures.push({ id: 'lindley.mathRandom', label: 'Lindley recursion, Math.random (the reference)', unit: 'customers/s', ...reference, perCpuSecond });
const alea = lindleyRuns(engineStream);
figures.push({ id: 'lindley.alea', label: "Lindley recursion, the engine's alea stream", unit: 'customers/s', ...alea.wall, perCpuSecond: alea.perCpuSecond });
const vs = (s: Spread) => s.median / reference.median;

function engine(id: string, label: string, scenario: ReturnType<typeof mm1>, targets: { messages?: number; events?: number } = {}) {
  log(`${label} x ${runs}`);
  const r = engineRate(scenario, runs);
  const perMessage = r.count.events / r.count.messages;
  figures.push({ id: `${id}.messages`, label: `${label}: messages/s`, unit: 'messages/s', ...r.messages, perCpuSecond: r.messagesPerCpu.median, vsLindley: vs(r.messages), target: targets.messages ? { atLeast: targets.messages } : undefined });
  figures.push({
    id: `${id}.events`,
    label: `${label}: events/s (${perMessage.toFixed(2)} per message)`,
    unit: 'events/s',
    ...r.events,
    perCpuSecond: r.eventsPerCpu.median,
    vsLindley: vs(r.events),
    target: targets.events ? { atLeast: targets.events } : undefined,
  });
}

engine('mm1', `M/M/1 load 0.9, ${fmtCount(size.mm1)} messages`, mm1(size.mm1), { messages: 4e6 });
engine('producers', `1,000 producers (deep calendar), ${fmtCount(size.producers)} messages`, manyProducers(size.producers), { events: 1.5e6 });
engine('network', `10-queue tandem with feedback, ${fmtCount(size.network)} messages`, network(size.network));
const file = fromFile(fileURLToPath(new URL('../scenarios/at-least-once.json', import.meta.url)), size.file);
if (typeof file === 'string') {
  figures.push({ id: 'atLeastOnce.messages', label: 'at-least-once.json: messages/s', unit: 'messages/s', median: null, min: null, max: null, runs: 0, note: `skipped: ${file}` });
} else {
  engine('atLeastOnce', `at-least-once.json, ${fmtCount(size.file)} messages`, file, { messages: 1.5e6 });
}

log(`peak memory of M/M/1 runs of ${size.memory.map(fmtCount).join(', ')} messages, fresh process each, x ${size.memoryRuns}`);
const memory = size.memory.map((n) => memoryAt(n, size.memoryRuns));
for (const m of memory) {
  figures.push({ id: `memory.rss.${m.messages}`, label: `peak RSS, ${fmtCount(m.messages)} messages`, unit: 'MB', ...m.peakRssMB });
  figures.push({ id: `memory.heap.${m.messages}`, label: `peak live heap, ${fmtCount(m.messages)} messages`, unit: 'MB', ...m.peakHeapMB });
}
const [, mid, top] = memory;
const growth = (a: Spread, b: Spread) => ({ median: b.median / a.median - 1, min: b.min / a.max - 1, max: b.max / a.min - 1, runs: b.runs });
const range = `${fmtCount(mid.messages)} -> ${fmtCount(top.messages)}`;
figures.push({ id: 'memory.rssGrowth', label: `peak RSS growth ${range} messages`, unit: 'ratio', ...growth(mid.peakRssMB, top.peakRssMB), target: { atMost: 0.1 } });
figures.push({ id: 'memory.heapGrowth', label: `peak live heap growth ${range} messages`, unit: 'ratio', ...growth(mid.peakHeapMB, top.peakHeapMB), target: { atMost: 0.1 } });

log(`fit of ${size.fitPoints} points, 3 terms x ${size.fitRuns}`);
const fit = await fitTime(size.fitPoints, size.fitRuns);
const fitLabel = `fitSeries, ${fmtCount(size.fitPoints)} points, 3 terms`;
if (typeof fit === 'string') figures.push({ id: 'fit.seconds', label: fitLabel, unit: 's', median: null, min: null, max: null, runs: 0, note: fit });
else figures.push({ id: 'fit.seconds', label: fitLabel, unit: 's', ...fit });

const workers = availableParallelism();
log(`8 replications of ${fmtCount(size.parallel)} messages: this thread, then ${workers} worker threads, x ${size.parallelRuns}`);
const par = await parallelSpeedup(size.parallel, workers, size.parallelRuns);
const parLabel = `8 replications x ${fmtCount(size.parallel)} messages`;
figures.push({ id: 'parallel.serialSeconds', label: `${parLabel}, one thread`, unit: 's', ...par.serialSeconds });
figures.push({ id: 'parallel.parallelSeconds', label: `${parLabel}, ${workers} workers (start-up included)`, unit: 's', ...par.parallelSeconds });
figures.push({ id: 'parallel.speedup', label: `parallel speed-up on ${workers} cores`, unit: 'x', ...par.speedup, note: `ideal ${workers}` });

// Targets are judged on the sizes only.
for (const f of quick ? [] : figures) {
  if (f.target && f.median !== null) f.met = 'atLeast' in f.target ? f.median >= f.target.atLeast : f.median <= f.target.atMost;
}
const machine = {
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: workers,
  memoryGB: Math.round(totalmem() / 2 ** 30),
  /** The 1, 5 and 15 minute load averages before and after: other work on the machine skews the figures. */
  loadAverage: { before: loadBefore.map((x) => Number(x.toFixed(2))), after: loadavg().map((x) => Number(x.toFixed(2))) },
};
const report = { machine, quick, runs, figures };
process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : figureTable(report));
