// The benchmark scenarios, each sized to about N messages (one replication, warm-up 0, the
// default 500-sample series: recording is on, as in every real run).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Simulation } from '../src/sim/engine/simulation.ts';
import { checkScenario, formatProblem, parseScenario } from '../src/sim/scenario/parse.ts';
import type { Scenario } from '../src/sim/scenario/types.ts';

const exp = (rate: number) => ({ dist: 'exponential', rate });
const sized = (horizon: number) => ({ seed: 1, horizon, warmup: 0, replications: 1, sampleEvery: horizon / 500 });

/** M/M/1 at load 0.9. */
export function mm1(messages: number): Scenario {
  return parseScenario({
    name: `M/M/1 at load 0.9, ${messages} messages`,
    ...sized(messages / 0.9),
    producers: [{ id: 'p', to: 'q', interarrival: exp(0.9) }],
    queues: [{ id: 'q' }],
    consumers: [{ id: 'c', from: 'q', service: exp(1) }],
  });
}

/**
 * 1,000 Poisson producers into one queue with 10 servers (load 0.9): about 1,010 events pending
 * at all times, a deep calendar (the M/M/1 has 2).
 */
export function manyProducers(messages: number, producers = 1000): Scenario {
  const total = 9;
  return parseScenario({
    name: `${producers} producers, M/M/10 at load 0.9, ${messages} messages`,
    ...sized(messages / total),
    producers: Array.from({ length: producers }, (_, i) => ({ id: `p${i}`, to: 'q', interarrival: exp(total / producers) })),
    queues: [{ id: 'q' }],
    consumers: [{ id: 'c', from: 'q', count: 10, service: exp(1) }],
  });
}

/**
 * 10 queues in tandem with feedback: arrivals at 0.5/s into q0, each queue one server at 1/s,
 * q9 sends 20% back to q0; every queue carries 0.625/s (load 0.625), a message visits 12.5
 * queues on average (a Jackson network).
 */
export function network(messages: number, queues = 10): Scenario {
  const id = (i: number) => `q${i}`;
  return parseScenario({
    name: `${queues}-queue tandem with feedback, ${messages} messages`,
    ...sized(messages / 0.5),
    producers: [{ id: 'p', to: id(0), interarrival: exp(0.5) }],
    queues: Array.from({ length: queues }, (_, i) => ({ id: id(i) })),
    consumers: Array.from({ length: queues }, (_, i) => ({
      id: `c${i}`,
      from: id(i),
      service: exp(1),
      then: i < queues - 1 ? id(i + 1) : [{ to: id(0), p: 0.2 }],
    })),
  });
}

/**
 * A scenario file run for about N messages: its horizon scaled by the production rate measured
 * on a short run of the file itself. Returns the reason instead when the file is missing or
 * the schema refuses it.
 */
export function fromFile(file: string, messages: number): Scenario | string {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return `${basename(file)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
  }
  const checked = checkScenario({ ...raw, warmup: 0, replications: 1 });
  if (!checked.ok) return `${basename(file)} refused: ${checked.problems.map(formatProblem).join('; ')}`;
  const sim = new Simulation(checked.scenario, 0, 0);
  sim.run();
  const rate = sim.recorder.produced / checked.scenario.horizon;
  if (!(rate > 0)) return `${basename(file)}: produces no messages`;
  return parseScenario({ ...raw, name: `${raw.name}, ${messages} messages`, ...sized(messages / rate) });
}
