// The lab's simulation worker: checks the scenario it is sent, runs the core's experiment
// (runExperimentWith) with a streamed pass that works in slices of ~20 ms, so Pause / Step /
// speed messages are handled between slices; streams samples; and at the end sends the result
// with its export texts (serialised here, off the main thread).
/// <reference lib="webworker" />
import { runExperimentWith } from '../../models/experiment.ts';
import type { Simulation } from '../../sim/engine/simulation.ts';
import { sampleGrid } from '../../sim/engine/recorder.ts';
import { checkScenario, formatProblem } from '../../sim/scenario/parse.ts';
import type { Scenario } from '../../sim/scenario/types.ts';
import { seriesCsv } from '../../sim/seriesCsv.ts';
import { LogHistogram } from '../../sim/stats/logHistogram.ts';
import { latencyCdf } from './latencyCdf.ts';
import { LessonObserver } from './lessonObserver.ts';
import { Pacer } from './pacer.ts';
import { RateMeter } from './rateMeter.ts';
import type { FromWorker, LiveState, ToWorker } from './protocol.ts';
import { sampleBatch, samplesTaken } from './sampleBatch.ts';
import { streamedPass, type ClosedReplication, type PassPosition } from './streamedPass.ts';
import { transientCurves } from './transientCurves.ts';
import { typedSeries } from './typedSeries.ts';

declare const self: DedicatedWorkerGlobalScope;

const SLICE_MS = 20;
let scenario: Scenario | null = null;
let paused = false;
let steps = 0; // Step presses not yet carried out
let posted = 0; // samples of the current replication already sent
let increment = 1; // simulated seconds per runUntil call, adapted to ~1-4 ms of work
let passesDone = 0; // replications finished, over all passes (for pacing and progress)
let latency = new LogHistogram();
let observer: LessonObserver | null = null;
let messagesDone = 0; // messages produced in the replications closed so far
const meter = new RateMeter();
const pacer = new Pacer(Infinity);
let wakeUp: (() => void) | null = null;

function send(msg: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(msg, transfer);
}

function totalReplications(s: Scenario): number {
  return s.warmup === 'auto' ? 2 * s.replications : s.replications;
}

function simulatedSoFar(sim: Simulation, s: Scenario): number {
  return passesDone * s.horizon + sim.now;
}

function live(sim: Simulation, at: PassPosition, s: Scenario): LiveState {
  const messages = messagesDone + sim.recorder.produced;
  return {
    replication: at.replication,
    time: sim.now,
    queueLength: Array.from(sim.recorder.length),
    utilization: sim.consumers.map((g) => {
      const units = g.autoscaler ? (g.servers.length + g.autoscaler.retiring.length) * (g.shared ? 1 : g.concurrency) : g.capacityUnits;
      return units > 0 ? g.busy / units : 0;
    }),
    servers: sim.consumers.map((g) => g.autoscaler?.provisioned ?? g.count),
    fraction: Math.min(1, simulatedSoFar(sim, s) / (totalReplications(s) * s.horizon)),
    phase: at.phase,
    messages,
    messagesPerSecond: paused ? null : meter.add(performance.now(), messages),
  };
}

/** Sends the samples the replication took since the last batch, with the live state. */
function flush(sim: Simulation, at: PassPosition, s: Scenario): void {
  const taken = samplesTaken(sim.recorder);
  if (taken > posted) {
    const batch = sampleBatch(sim.recorder, at.replication, posted, taken);
    const arrays = [batch.P, batch.C, batch.H, batch.R, batch.Q, ...batch.queueQ, ...batch.consumerN, batch.Prate, batch.Crate, batch.Hrate, batch.Rrate];
    send({ type: 'batch', batch, live: live(sim, at, s) }, arrays.map((a) => a.buffer));
    posted = taken;
  }
}

/** Resolves at the next macrotask; paced runs that are ahead of real time sleep a frame. */
function yieldNow(ahead: boolean): Promise<void> {
  return new Promise((resolve) => {
    if (ahead) {
      setTimeout(resolve, 16);
      return;
    }
    const ch = new MessageChannel(); // no 4 ms clamp, unlike nested setTimeout(0)
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(0);
  });
}

function waitForGo(): Promise<void> {
  return new Promise((resolve) => (wakeUp = resolve));
}

async function advance(sim: Simulation, at: PassPosition): Promise<void> {
  const s = scenario!;
  while (paused && steps === 0) {
    send({ type: 'paused', live: live(sim, at, s) });
    await waitForGo();
  }
  if (paused && steps > 0) {
    steps--;
    sim.runUntil(sim.now + s.sampleEvery);
    flush(sim, at, s);
    if (sim.now < s.horizon) send({ type: 'paused', live: live(sim, at, s) });
    return;
  }
  const t0 = performance.now();
  let ahead = false;
  while (sim.now < s.horizon && performance.now() - t0 < SLICE_MS) {
    const allowed = pacer.allowed(performance.now()) - simulatedSoFar(sim, s);
    if (allowed <= 1e-9) {
      ahead = true;
      break;
    }
    const c0 = performance.now();
    sim.runUntil(sim.now + Math.min(increment, allowed));
    const took = performance.now() - c0;
    if (took < 1) increment *= 2;
    else if (took > 4) increment = Math.max(increment / 2, 1e-6);
  }
  pacer.lastSimulated = simulatedSoFar(sim, s);
  flush(sim, at, s);
  await yieldNow(ahead);
}

function closed(c: ClosedReplication): void {
  const s = scenario!;
  flush(c.sim, c, s);
  posted = 0;
  passesDone++;
  messagesDone += c.sim.recorder.produced;
  if (c.phase === 'main') latency.merge(c.figures.endToEnd);
  observer?.closed(c);
  const typed = typedSeries(c.mean);
  send({ type: 'replication', replication: c.replication, phase: c.phase, mean: typed.series }, typed.transfer);
}

async function run(s: Scenario): Promise<void> {
  const startedAt = performance.now();
  const streamed = streamedPass({ advance, closed, opened: () => (posted = 0) });
  const pass = observer ? observer.watch(streamed) : streamed;
  const result = await runExperimentWith(s, pass, { fit: true });
  if (observer) send({ type: 'checks', checks: observer.checks(result) });
  const json = JSON.stringify(result, null, 2) + '\n';
  const csv = seriesCsv(result.series);
  const typed = typedSeries(result.series);
  send(
    {
      type: 'finished',
      result: { ...result, series: typed.series },
      transients: transientCurves(s, result.theory, result.series.t),
      latency: latencyCdf(latency),
      json,
      csv,
      elapsedMs: performance.now() - startedAt,
    },
    typed.transfer,
  );
}

function go(): void {
  const f = wakeUp;
  wakeUp = null;
  f?.();
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const msg = e.data;
  switch (msg.type) {
    case 'start': {
      if (scenario) return; // one run per worker: the page starts a new worker for the next
      const checked = checkScenario(msg.scenario);
      if (!checked.ok) {
        send({ type: 'error', message: checked.problems.map(formatProblem).join('\n') });
        return;
      }
      try {
        observer = msg.lesson ? LessonObserver.of(msg.lesson) : null;
      } catch (err) {
        send({ type: 'error', message: `the lesson does not parse: ${(err as Error).message}` });
        return;
      }
      scenario = checked.scenario;
      paused = msg.paused;
      increment = scenario.sampleEvery;
      latency = new LogHistogram();
      pacer.speed = msg.speed;
      pacer.restart(0, performance.now());
      send({
        type: 'started',
        grid: sampleGrid(scenario.horizon, scenario.sampleEvery),
        queueIds: scenario.queues.map((q) => q.id),
        consumerIds: scenario.consumers.map((c) => c.id),
        scaledIds: scenario.consumers.filter((c) => c.autoscale !== null).map((c) => c.id),
        replications: scenario.replications,
      });
      run(scenario).catch((err: unknown) => send({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
      return;
    }
    case 'pause':
      paused = true;
      return;
    case 'resume':
      paused = false;
      steps = 0;
      meter.reset();
      pacer.restart(pacer.lastSimulated, performance.now());
      go();
      return;
    case 'speed':
      pacer.speed = msg.speed;
      pacer.restart(pacer.lastSimulated, performance.now());
      return;
    case 'step':
      steps++;
      go();
      return;
  }
};
