// Shared checks for the theory tests: identities to rounding, never hand-tuned percentages.
import { expect } from 'vitest';
import type { QueueResult } from '../../../src/models/theory/result';

/** Relative tolerance for identities that hold exactly in real arithmetic. */
export const ROUNDING = 1e-12;

/** |actual - expected| <= rel * max(1, |expected|). */
export function expectClose(actual: number | null, expected: number | null, rel = ROUNDING): void {
  if (expected === null) {
    expect(actual).toBeNull();
    return;
  }
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));
}

/** Little's law with the admitted rate: L = throughput W, Lq = throughput Wq (where defined). */
export function expectLittle(r: QueueResult, rel = ROUNDING): void {
  if (r.L !== null && r.W !== null) expectClose(r.L, r.throughput * r.W, rel);
  if (r.Lq !== null && r.Wq !== null) expectClose(r.Lq, r.throughput * r.Wq, rel);
  if (r.W !== null && r.Wq !== null) expectClose(r.W - r.Wq, r.meanService, rel);
  if (r.loss === 0 && r.stable) expectClose(r.throughput, r.lambda, rel);
}

/**
 * Little's law where it holds for every model here: L = throughput W, and Lq = throughput Wq
 * except under preemption (whose Lq also counts interrupted messages, Wq only the first wait).
 */
export function expectLittleL(r: QueueResult, rel = 1e-9): void {
  if (r.L !== null && r.W !== null) expectClose(r.L, r.throughput * r.W, rel);
  if (r.model !== 'M/G/1 preemptive priority' && r.Lq !== null && r.Wq !== null) expectClose(r.Lq, r.throughput * r.Wq, rel);
  if (r.Lq !== null && r.L !== null) expect(r.Lq).toBeLessThanOrEqual(r.L * (1 + rel) + rel);
}

/** The numeric measures of two results agree (labels may differ). */
export function expectSameMeasures(a: QueueResult, b: QueueResult, rel = ROUNDING): void {
  for (const key of ['lambda', 'load', 'loss', 'throughput', 'utilization', 'L', 'Lq', 'W', 'Wq'] as const) {
    expectClose(a[key], b[key], rel);
  }
  expect(a.stable).toBe(b.stable);
}

/** Survives JSON unchanged: no NaN, no Infinity, no undefined, no Map. */
export function expectJsonSafe(x: unknown): void {
  expect(JSON.parse(JSON.stringify(x))).toEqual(x);
  const walk = (v: unknown): void => {
    if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
      Object.values(v).forEach(walk);
    }
  };
  walk(x);
}
