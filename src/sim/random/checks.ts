// Parameter checks for the distribution constructors: messages say name, value and rule,
// e.g. "exponential rate must be > 0 (got -1)".

function fail(what: string, rule: string, value: unknown): never {
  throw new RangeError(`${what} must be ${rule} (got ${String(value)})`);
}

function finite(what: string, x: number): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) fail(what, 'finite', x);
  return x;
}

/** `what` reads like "exponential rate". */
export function positive(what: string, x: number): number {
  if (!(finite(what, x) > 0)) fail(what, '> 0', x);
  return x;
}

export function nonNegative(what: string, x: number): number {
  if (!(finite(what, x) >= 0)) fail(what, '>= 0', x);
  return x;
}

export function positiveInteger(what: string, x: number): number {
  if (!Number.isInteger(x) || x < 1) fail(what, 'an integer >= 1', x);
  return x;
}

export function nonEmpty(what: string, xs: readonly number[]): readonly number[] {
  if (!Array.isArray(xs) || xs.length === 0) fail(what, 'a non-empty array', JSON.stringify(xs));
  return xs;
}

/** variance / mean^2, with 0 for a point mass (even at 0) and Infinity when the mean is. */
export function scvOf(mean: number, variance: number): number {
  if (variance === 0) return 0;
  if (mean === Infinity) return Infinity;
  return variance / (mean * mean);
}

/** Short numeric lists for toString(): "[0.5, 0.5]", elided past `max` entries. */
export function listText(xs: ArrayLike<number>, max = 8): string {
  const shown = Array.from({ length: Math.min(xs.length, max) }, (_, i) => String(xs[i]));
  if (xs.length > max) shown.push(`... ${xs.length - max} more`);
  return `[${shown.join(', ')}]`;
}
