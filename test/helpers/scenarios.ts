import { readFileSync } from 'node:fs';
import { simulate, type SimulationOutput } from '../../src/sim/run.ts';
import { parseScenario } from '../../src/sim/scenario/parse.ts';
import type { Scenario } from '../../src/sim/scenario/types.ts';

/** An example file from scenarios/, checked. */
export const loadExample = (name: string): Scenario =>
  parseScenario(JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8')));

/** Runs a checked scenario with its own numeric warm-up. */
export const runScenario = (scenario: Scenario): SimulationOutput =>
  simulate(scenario, { warmup: typeof scenario.warmup === 'number' ? scenario.warmup : 0 });

/** One producer -> queue "q" -> consumer "c" (M/M/1 at load 0.5 unless overridden), checked. */
export function single(options: {
  horizon?: number;
  replications?: number;
  seed?: number;
  warmup?: number;
  producer?: Record<string, unknown>;
  queue?: Record<string, unknown>;
  consumer?: Record<string, unknown>;
  queues?: Record<string, unknown>[];
  consumers?: Record<string, unknown>[];
}): Scenario {
  return parseScenario({
    name: 'test',
    seed: options.seed ?? 1,
    horizon: options.horizon ?? 20_000,
    warmup: options.warmup ?? 0,
    replications: options.replications ?? 10,
    producers: [{ id: 'p', to: 'q', interarrival: { dist: 'exponential', rate: 0.5 }, ...options.producer }],
    queues: [{ id: 'q', ...options.queue }, ...(options.queues ?? [])],
    consumers: [{ id: 'c', from: 'q', service: { dist: 'exponential', rate: 1 }, ...options.consumer }, ...(options.consumers ?? [])],
  });
}
