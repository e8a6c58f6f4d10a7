// The parameters a sweep usually varies, offered by the lab's picker: each producer's arrival
// rate (or mean gap), each consumer group's service rate (or mean), servers and poll interval,
// each queue's capacity. Paths in the scenario file's own terms, as `npm run sweep --param` takes.
import type { Scenario } from '../../sim/scenario/types.ts';

export interface ParamChoice {
  path: string;
  label: string;
  /** For the axis: 's', '1/s', 'servers', 'messages'. */
  unit: string;
  /** The value the scenario has now (null: not set, e.g. an unbounded capacity). */
  current: number | null;
  integer: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The choices for a checked scenario, read from its file JSON `raw` (only fields a sweep can set there). */
export function paramChoices(raw: unknown, scenario: Scenario): ParamChoice[] {
  if (!isObject(raw)) return [];
  const out: ParamChoice[] = [];
  const list = (key: string) => (Array.isArray(raw[key]) ? (raw[key] as unknown[]) : []);
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  /** A numeric field of a distribution: rate or mean, whichever the file gives. */
  const dist = (at: string, d: unknown, what: string, of: string) => {
    if (!isObject(d)) return;
    if (typeof d.rate === 'number') out.push({ path: `${at}.rate`, label: `${what} rate of ${of}`, unit: '1/s', current: d.rate, integer: false });
    else if (typeof d.mean === 'number') out.push({ path: `${at}.mean`, label: `mean ${what} time of ${of}`, unit: 's', current: d.mean, integer: false });
    else if (typeof d.value === 'number') out.push({ path: `${at}.value`, label: `${what} time of ${of}`, unit: 's', current: d.value, integer: false });
  };
  list('producers').forEach((p, i) => {
    if (!isObject(p)) return;
    dist(`producers[${i}].interarrival`, p.interarrival, 'arrival', String(p.id));
    if (typeof p.clients === 'number') out.push({ path: `producers[${i}].clients`, label: `clients of ${String(p.id)}`, unit: 'clients', current: p.clients, integer: true });
  });
  list('consumers').forEach((c, i) => {
    if (!isObject(c)) return;
    dist(`consumers[${i}].service`, c.service, 'service', String(c.id));
    out.push({ path: `consumers[${i}].count`, label: `servers of ${String(c.id)}`, unit: 'servers', current: num(c.count) ?? scenario.consumers[i]?.count ?? 1, integer: true });
    if (isObject(c.fetch) && c.fetch.mode === 'poll' && typeof c.fetch.interval === 'number') {
      out.push({ path: `consumers[${i}].fetch.interval`, label: `poll interval of ${String(c.id)}`, unit: 's', current: c.fetch.interval, integer: false });
    }
  });
  list('queues').forEach((q, i) => {
    if (!isObject(q)) return;
    out.push({ path: `queues[${i}].capacity`, label: `capacity of ${String(q.id)}`, unit: 'messages', current: num(q.capacity), integer: true });
  });
  return out;
}

/** The unit of a parameter path for the axis label: the picker's, else guessed from its last field. */
export function paramUnit(path: string, choices: readonly ParamChoice[]): string {
  const known = choices.find((c) => c.path === path);
  if (known) return known.unit;
  const last = /([A-Za-z]+)\W*$/.exec(path)?.[1] ?? '';
  if (last === 'rate') return '1/s';
  if (['mean', 'value', 'interval', 'horizon', 'warmup', 'visibilityTimeout', 'ttl', 'wait', 'scale', 'min', 'max'].includes(last)) return 's';
  if (last === 'count') return 'servers';
  if (last === 'capacity') return 'messages';
  return '';
}

/** Values to start from for a choice: around the current value (a third of it up to it, or ±2 whole). */
export function suggestValues(c: ParamChoice): string {
  const v = c.current;
  if (c.integer) {
    const at = v ?? 10;
    return `${Math.max(1, at - 2)}:${at + 2}:1`;
  }
  if (v === null || v <= 0) return '0.2:1:0.2';
  const r = (x: number) => Number(x.toPrecision(3));
  return `${r(v / 3)}:${r(v)}:${r(v / 6)}`;
}

/** The values field after the scenario changed: a suggestion the user has not edited follows the
 *  new scenario (another preset's rate of 40/s is not swept over 0.3 to 0.9); their own values stay. */
export function followSuggestion(values: string, lastSuggested: string, choice: ParamChoice | undefined): string {
  return choice && values === lastSuggested ? suggestValues(choice) : values;
}
