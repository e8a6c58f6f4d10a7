// Is a fitted model one the data can actually tell apart from its neighbours? A fit with a
// small SSE can still be degenerate: two rates that merge, a rate outside what the sampling can
// see, two huge amplitudes that cancel, or a singular Jacobian. Each check names the numbers.

import type { ExpTerm } from './model.ts';
import { exp } from '../../sim/math/index.ts';

/** Two rates closer than this ratio are one rate as far as the data can tell. */
export const MIN_RATE_RATIO = 1.05;
/** 1/rate must lie within [dt / WINDOW, WINDOW * span]. */
export const WINDOW = 10;
/** sum |amplitude| may be at most this many times the range of the exponential part. */
export const MAX_CANCELLATION = 100;

export interface IdentifiabilityInput {
  /** Terms sorted by rate ascending, and the rates' standard errors (null when unknown). */
  terms: readonly ExpTerm[];
  rateStderr: readonly (number | null)[];
  /** Why the covariance is missing, when the Jacobian is singular. */
  singular: string | null;
  /** The data's times: cancellation is measured over them. */
  t: ArrayLike<number>;
  dtMin: number;
  span: number;
}

export interface Identifiability {
  identifiable: boolean;
  /** Every failed check, joined by '; ', or null. */
  reason: string | null;
}

export function checkIdentifiability(input: IdentifiabilityInput): Identifiability {
  const { terms, rateStderr, t, dtMin, span } = input;
  const reasons: string[] = [];
  if (input.singular) reasons.push(input.singular);
  for (let i = 1; i < terms.length; i++) {
    const ratio = terms[i].rate / terms[i - 1].rate;
    if (!(ratio >= MIN_RATE_RATIO)) {
      reasons.push(
        `rates ${fmt(terms[i - 1].rate)} and ${fmt(terms[i].rate)} are not distinct (ratio ${ratio.toFixed(3)} < ${MIN_RATE_RATIO})`,
      );
    }
  }
  for (const { rate } of terms) {
    const tc = 1 / rate;
    if (tc < dtMin / WINDOW) {
      reasons.push(`rate ${fmt(rate)} is too fast for the sampling (1/rate = ${fmt(tc)} < dt/${WINDOW} = ${fmt(dtMin / WINDOW)})`);
    } else if (tc > WINDOW * span) {
      reasons.push(`rate ${fmt(rate)} is too slow for the time window (1/rate = ${fmt(tc)} > ${WINDOW} x span = ${fmt(WINDOW * span)})`);
    }
  }
  if (terms.length > 0) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < t.length; i++) {
      let s = 0;
      for (const { amplitude, rate } of terms) s += amplitude * exp(-rate * t[i]);
      lo = Math.min(lo, s);
      hi = Math.max(hi, s);
    }
    let total = 0;
    for (const { amplitude, rate } of terms) total += Math.abs(amplitude) * exp(-rate * t[0]);
    const range = hi - lo;
    if (total > 0 && !(total <= MAX_CANCELLATION * range)) {
      reasons.push(
        `amplitudes cancel (sum |amplitude| = ${fmt(total)} is ${range > 0 ? `${fmt(total / range)} x` : 'far above'} the range ${fmt(range)} of the exponential part)`,
      );
    }
  }
  terms.forEach(({ rate }, i) => {
    const se = rateStderr[i];
    if (se !== null && se !== undefined && se >= rate) {
      reasons.push(`rate ${fmt(rate)} is not determined by the data (standard error ${fmt(se)} >= the rate)`);
    }
  });
  return { identifiable: reasons.length === 0, reason: reasons.length ? reasons.join('; ') : null };
}

function fmt(x: number): string {
  return Number.isFinite(x) ? Number(x.toPrecision(4)).toString() : String(x);
}
