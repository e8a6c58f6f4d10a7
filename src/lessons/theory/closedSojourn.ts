// The distribution of the time a request spends at the queue of a closed loop (N clients, each
// away for a mean Z between replies and requests, c exponential servers at rate mu, FCFS).
// Arrival theorem (Sevcik & Mitrani (1981), J. ACM 28(2), 358-371): a request finds the queue
// as it stands in the loop with N - 1 clients, p(n) proportional to (N-1)!/(N-1-n)! (1/(mu Z))^n / beta(n),
// beta(n) = n! for n <= c, c! c^(n-c) above. Finding n < c it is served at once, time Exp(mu);
// else it waits for n - c + 1 departures at rate c mu (Erlang), then its own service.

/** P(Poisson(x) >= k) and P(Poisson(x) < k) without cancellation (terms summed in log space). */
function poissonSplit(k: number, x: number): { below: number; atLeast: number } {
  if (x === 0) return { below: k > 0 ? 1 : 0, atLeast: k > 0 ? 0 : 1 };
  const top = Math.max(k, Math.ceil(x + 40 * Math.sqrt(x) + 40));
  let logFact = 0;
  let below = 0;
  let atLeast = 0;
  for (let j = 0; j <= top; j++) {
    if (j > 0) logFact += Math.log(j);
    const term = Math.exp(-x + j * Math.log(x) - logFact);
    if (j < k) below += term;
    else atLeast += term;
  }
  return { below, atLeast };
}

/** P(Erlang(k, a) + Exp(mu) > t). */
function erlangPlusExpSurvival(k: number, a: number, mu: number, t: number): number {
  if (Math.abs(a - mu) < 1e-12 * mu) return poissonSplit(k + 1, mu * t).below; // Erlang(k + 1, mu)
  const first = poissonSplit(k, a * t).below; // P(Erlang(k, a) > t)
  const r = a - mu; // > 0 for c >= 2
  const second = poissonSplit(k, r * t).atLeast; // P(Erlang(k, r) <= t)
  return first + Math.exp(-mu * t + k * Math.log(a / r)) * second;
}

/** The queue as a request finds it: p(n), n = 0..N-1. */
function arrivalDistribution(clients: number, think: number, mu: number, c: number): Float64Array {
  const n1 = clients - 1;
  const logW = new Float64Array(n1 + 1);
  for (let n = 1; n <= n1; n++) logW[n] = logW[n - 1] + Math.log(n1 - n + 1) - Math.log(mu * think) - Math.log(Math.min(n, c));
  let top = -Infinity;
  for (const w of logW) top = Math.max(top, w);
  const p = logW.map((w) => Math.exp(w - top));
  const z = p.reduce((s, x) => s + x, 0);
  return p.map((x) => x / z);
}

/** P(time at the queue > t) for a request of a closed loop. */
export function closedSojournSurvival(clients: number, think: number, mu: number, c: number, t: number): number {
  const p = arrivalDistribution(clients, think, mu, c);
  let s = 0;
  p.forEach((pn, n) => {
    if (pn < 1e-300) return;
    s += pn * (n < c ? Math.exp(-mu * t) : erlangPlusExpSurvival(n - c + 1, c * mu, mu, t));
  });
  return Math.min(1, s);
}

/** The q-quantile of the time at the queue (0 < q < 1), by bisection to 1e-10 relative. */
export function closedSojournQuantile(clients: number, think: number, mu: number, c: number, q: number): number {
  if (!(Number.isInteger(clients) && clients >= 1)) throw new RangeError(`clients must be an integer >= 1, got ${clients}`);
  if (!(think > 0)) throw new RangeError(`think time must be > 0, got ${think}`);
  if (!(mu > 0)) throw new RangeError(`mu must be > 0, got ${mu}`);
  if (!(Number.isInteger(c) && c >= 1)) throw new RangeError(`servers must be an integer >= 1, got ${c}`);
  if (!(q > 0 && q < 1)) throw new RangeError(`the quantile must be in (0, 1), got ${q}`);
  const target = 1 - q;
  let hi = 1 / mu;
  while (closedSojournSurvival(clients, think, mu, c, hi) > target) hi *= 2;
  let lo = 0;
  while (hi - lo > 1e-10 * hi) {
    const mid = (lo + hi) / 2;
    if (closedSojournSurvival(clients, think, mu, c, mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Mean time at the queue, from the same distribution (a cross-check of MVA). */
export function closedSojournMean(clients: number, think: number, mu: number, c: number): number {
  const p = arrivalDistribution(clients, think, mu, c);
  let m = 0;
  p.forEach((pn, n) => (m += pn * (n < c ? 1 / mu : (n - c + 1) / (c * mu) + 1 / mu)));
  return m;
}
