// The transient of an M/M/c queue started from a distribution rather than a number: p(t) =
// sum_k Poisson(k; L t) p(0) P^k, P = I + Q / L (uniformization, as models/transient does for a
// point start; by linearity a mixture of its solutions). The chain is cut at the level that
// models/transient chooses for the largest starting state, which bounds the error of every start.
import { birthDeathRates, type BirthDeathQueue } from '../../models/transient/birthDeath.ts';
import { chooseTruncation, poissonWeights } from '../../models/transient/index.ts';

export interface TransientCurves {
  t: number[];
  /** E[N(t)], E[Q(t)] = E[(N(t) - c)^+], P(N(t) = 0). */
  meanN: number[];
  meanQ: number[];
  pEmpty: number[];
  /** Busy servers E[min(N(t), c)]. */
  busy: number[];
}

/** `start[n]` = P(N(0) = n); `times` non-decreasing, >= 0. */
export function transientFrom(queue: BirthDeathQueue, start: ArrayLike<number>, times: readonly number[], epsilon = 1e-10): TransientCurves {
  const c = queue.servers;
  let n0 = 0;
  for (let n = 0; n < start.length; n++) if (start[n] > 0) n0 = n;
  const horizon = times.length > 0 ? times[times.length - 1] : 0;
  const top = queue.capacity ?? chooseTruncation(queue, n0, horizon, epsilon).level;
  const { birth, death } = birthDeathRates(queue, top);
  let rate = 0;
  for (let n = 0; n <= top; n++) rate = Math.max(rate, birth[n] + death[n]);
  let p = new Float64Array(top + 1);
  for (let n = 0; n < start.length && n <= top; n++) p[n] = start[n];
  let v = new Float64Array(top + 1);
  let w = new Float64Array(top + 1);
  const out: TransientCurves = { t: [...times], meanN: [], meanQ: [], pEmpty: [], busy: [] };
  let previous = 0;
  for (const t of times) {
    const a = rate * (t - previous);
    previous = t;
    if (a > 0) {
      const pw = poissonWeights(a, epsilon / Math.max(1, times.length));
      const acc = new Float64Array(top + 1);
      v.set(p);
      for (let k = 0; k <= pw.right; k++) {
        if (k >= pw.left) {
          const wk = pw.weights[k - pw.left];
          for (let n = 0; n <= top; n++) acc[n] += wk * v[n];
        }
        if (k === pw.right) break;
        for (let n = 0; n <= top; n++) {
          const stay = 1 - (birth[n] + death[n]) / rate;
          w[n] = v[n] * stay + (n > 0 ? (v[n - 1] * birth[n - 1]) / rate : 0) + (n < top ? (v[n + 1] * death[n + 1]) / rate : 0);
        }
        [v, w] = [w, v];
      }
      p = acc;
    }
    let meanN = 0;
    let meanQ = 0;
    let busy = 0;
    for (let n = 0; n <= top; n++) {
      meanN += n * p[n];
      if (n > c) meanQ += (n - c) * p[n];
      busy += Math.min(n, c) * p[n];
    }
    out.meanN.push(meanN);
    out.meanQ.push(meanQ);
    out.pEmpty.push(p[0]);
    out.busy.push(busy);
  }
  return out;
}
