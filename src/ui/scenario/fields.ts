// The form's fields: the common knobs of a scenario, each bound to a path of the JSON document
// (the same paths the core's problems name). Indices pick which producer / queue / consumer.
import { makeDistribution } from '../../sim/random/distributions.ts';
import type { DistSpec } from '../../sim/scenario/types.ts';
import { getAt, parsePath } from './paths.ts';

export interface Selection {
  producer: number;
  queue: number;
  consumer: number;
}

export type FieldKind =
  | { kind: 'text' }
  | { kind: 'number'; integer?: boolean; step?: string; min?: number; max?: number; emptyIs?: null; unit?: string }
  | { kind: 'warmup'; unit: string }
  | { kind: 'select'; options: string[] }
  | { kind: 'dist'; role: 'interarrival' | 'service' };

export interface FieldDef {
  /** Stable DOM id suffix, e.g. "horizon", "consumer-count". */
  id: string;
  label: string;
  group: 'run' | 'producer' | 'queue' | 'consumer';
  path: (s: Selection) => string;
  kind: FieldKind;
  hint?: string;
  /** The field is a key of an object that a scenario may leave out (its default): typing into the
   *  field when the object is missing makes it from these keys (its mode) and the value. */
  within?: Record<string, unknown>;
  /** A select that picks its object's mode: "(default)" removes the whole object, since its other
   *  keys belong to the mode that is gone. */
  discriminator?: true;
}

export const FIELDS: FieldDef[] = [
  { id: 'name', label: 'Name', group: 'run', path: () => 'name', kind: { kind: 'text' } },
  { id: 'seed', label: 'Seed', group: 'run', path: () => 'seed', kind: { kind: 'number', integer: true, step: '1' } },
  { id: 'horizon', label: 'Horizon', group: 'run', path: () => 'horizon', kind: { kind: 'number', unit: 's', min: 0 } },
  { id: 'warmup', label: 'Warm-up', group: 'run', path: () => 'warmup', kind: { kind: 'warmup', unit: 's' }, hint: 'seconds, or "auto" (MSER-5)' },
  { id: 'replications', label: 'Replications', group: 'run', path: () => 'replications', kind: { kind: 'number', integer: true, step: '1', min: 1 } },
  { id: 'sampleEvery', label: 'Sample every', group: 'run', path: () => 'sampleEvery', kind: { kind: 'number', unit: 's', min: 0 } },
  { id: 'interarrival', label: 'Arrivals', group: 'producer', path: (s) => `producers[${s.producer}].interarrival`, kind: { kind: 'dist', role: 'interarrival' } },
  { id: 'capacity', label: 'Capacity', group: 'queue', path: (s) => `queues[${s.queue}].capacity`, kind: { kind: 'number', integer: true, step: '1', min: 0, emptyIs: null }, hint: 'max waiting; empty = unbounded' },
  { id: 'discipline', label: 'Discipline', group: 'queue', path: (s) => `queues[${s.queue}].discipline`, kind: { kind: 'select', options: ['fifo', 'lifo', 'priority', 'random'] } },
  { id: 'overflow', label: 'When full', group: 'queue', path: (s) => `queues[${s.queue}].overflow`, kind: { kind: 'select', options: ['reject', 'drop-head'] } },
  { id: 'ttl', label: 'TTL', group: 'queue', path: (s) => `queues[${s.queue}].ttl`, kind: { kind: 'number', unit: 's', min: 0, emptyIs: null }, hint: 'empty = messages never expire' },
  { id: 'count', label: 'Servers', group: 'consumer', path: (s) => `consumers[${s.consumer}].count`, kind: { kind: 'number', integer: true, step: '1', min: 1 } },
  { id: 'service', label: 'Service', group: 'consumer', path: (s) => `consumers[${s.consumer}].service`, kind: { kind: 'dist', role: 'service' } },
  { id: 'ack', label: 'Ack mode', group: 'consumer', path: (s) => `consumers[${s.consumer}].ack.mode`, kind: { kind: 'select', options: ['auto', 'manual'] }, discriminator: true },
  { id: 'failure', label: 'Failure prob.', group: 'consumer', path: (s) => `consumers[${s.consumer}].ack.failure`, kind: { kind: 'number', step: '0.01', min: 0, max: 1 }, within: { mode: 'auto' }, hint: 'handler fails: lost (auto ack) or redelivered (manual); empty = 0' },
  { id: 'fetch', label: 'Fetch', group: 'consumer', path: (s) => `consumers[${s.consumer}].fetch.mode`, kind: { kind: 'select', options: ['push', 'poll'] }, discriminator: true },
  { id: 'poll', label: 'Poll interval', group: 'consumer', path: (s) => `consumers[${s.consumer}].fetch.interval`, kind: { kind: 'number', unit: 's', min: 0 }, within: { mode: 'poll' }, hint: 'fetch mode poll only' },
];

/** The edit of the document that a field's new value makes: { path, value } for setField. */
export function fieldWrite(doc: unknown, f: FieldDef, path: string, value: unknown): { path: string; value: unknown } {
  const dot = path.lastIndexOf('.');
  const parent = path.slice(0, dot);
  if (f.discriminator && value === undefined) return { path: parent, value: undefined };
  if (f.within && value !== undefined && getAt(doc, parsePath(parent)) === undefined) {
    return { path: parent, value: { ...f.within, [path.slice(dot + 1)]: value } };
  }
  return { path, value };
}

/** Parameters of each distribution, in the order the form shows them; list = comma-separated numbers. */
export const DIST_PARAMS: Record<string, { name: string; list?: boolean; unit?: string }[]> = {
  exponential: [{ name: 'rate', unit: '/s' }],
  deterministic: [{ name: 'value', unit: 's' }],
  uniform: [{ name: 'min', unit: 's' }, { name: 'max', unit: 's' }],
  erlang: [{ name: 'k' }, { name: 'mean', unit: 's' }],
  gamma: [{ name: 'shape' }, { name: 'scale', unit: 's' }],
  lognormal: [{ name: 'mean', unit: 's' }, { name: 'cv' }],
  hyperexponential: [{ name: 'probs', list: true }, { name: 'rates', list: true, unit: '/s' }],
  pareto: [{ name: 'shape' }, { name: 'scale', unit: 's' }],
  weibull: [{ name: 'shape' }, { name: 'scale', unit: 's' }],
  empirical: [{ name: 'values', list: true, unit: 's' }],
};

/** A distribution of the given kind with mean m (so switching keeps the load). Weibull uses
 *  Gamma(1 + 1/1.5) = 0.902745 for its scale. */
export function distWithMean(dist: string, m: number): Record<string, unknown> {
  const r = (x: number) => Number(x.toPrecision(6));
  switch (dist) {
    case 'exponential': return { dist, rate: r(1 / m) };
    case 'deterministic': return { dist, value: r(m) };
    case 'uniform': return { dist, min: 0, max: r(2 * m) };
    case 'erlang': return { dist, k: 2, mean: r(m) };
    case 'gamma': return { dist, shape: 2, scale: r(m / 2) };
    case 'lognormal': return { dist, mean: r(m), cv: 1 };
    case 'hyperexponential': return { dist, probs: [0.5, 0.5], rates: [r(2 / m), r(2 / (3 * m))] };
    case 'pareto': return { dist, shape: 3, scale: r((2 * m) / 3) };
    case 'weibull': return { dist, shape: 1.5, scale: r(m / 0.902745) };
    case 'empirical': return { dist, values: [r(m / 2), r(m), r((3 * m) / 2)] };
    default: return { dist };
  }
}

/** The mean of a distribution spec as the file gives it (1 when it does not read as one). */
export function distMean(spec: unknown): number {
  try {
    const s = spec as Record<string, unknown>;
    const normal = s.dist === 'exponential' && s.rate === undefined && typeof s.mean === 'number' ? { dist: 'exponential', rate: 1 / s.mean } : s;
    const m = makeDistribution(normal as unknown as DistSpec).mean;
    return Number.isFinite(m) && m > 0 ? m : 1;
  } catch {
    return 1;
  }
}

/** A distribution switch: the spec made, and the mean it was made for. */
export interface DistSwitch {
  spec: Record<string, unknown>;
  mean: number;
}

/** Switching `current` to `dist` with the same mean. The parameters are rounded to 6 digits, so
 *  the mean read back from them drifts a little each time; while the spec is the one the last
 *  switch made, that switch's mean is used instead (a service of mean 1 sent through every
 *  distribution came back as 0.999998). */
export function switchDist(current: unknown, dist: string, last: DistSwitch | undefined): DistSwitch {
  const untouched = last !== undefined && JSON.stringify(last.spec) === JSON.stringify(current);
  const mean = untouched ? last.mean : distMean(current);
  return { spec: distWithMean(dist, mean), mean };
}
