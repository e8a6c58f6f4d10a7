// M/M/1 with room for m waiting and drop-head overflow: an arrival to a full queue is admitted
// and the oldest waiting message is dropped instead. The number in system is the same
// birth-death chain as M/M/1/K (K = m + 1), so the loss is the same; but the messages that are
// served have waited less, since the ones that waited longest are the ones dropped.
//
// A tagged message's fate depends on (j, k): j waiting ahead of it, k behind it (j + 1 + k <= m),
// the server busy. At rate mu the head starts service (j = 0: the tagged one does); at rate
// lambda a message arrives: behind it if there is room, else the head is dropped (j = 0: the
// tagged one). Every move lowers j or raises k, so the absorption probabilities and times follow
// by one pass over the states (first-step analysis). Arrivals see the M/M/1/K distribution (PASTA).

export interface DropHeadResult {
  /** P(a message is dropped) = P(an arrival finds K = m + 1 present), as for M/M/1/K. */
  loss: number;
  /** Mean wait (enqueue -> service start) of the messages that are served. */
  Wq: number;
  /** P(an admitted message is eventually served). */
  served: number;
}

export function dropHead(lambda: number, mu: number, m: number): DropHeadResult {
  if (!(lambda > 0 && mu > 0)) throw new RangeError(`rates must be > 0, got lambda = ${lambda}, mu = ${mu}`);
  if (!(Number.isInteger(m) && m >= 1)) throw new RangeError(`capacity m must be an integer >= 1, got ${m}`);
  const rate = lambda + mu;
  const pS = mu / rate;
  const pA = lambda / rate;
  // u[j][k] = P(served | state), v[j][k] = E[wait; served | state].
  const u: number[][] = [];
  const v: number[][] = [];
  for (let j = 0; j < m; j++) {
    u.push(new Array<number>(m - j).fill(0));
    v.push(new Array<number>(m - j).fill(0));
    for (let k = m - 1 - j; k >= 0; k--) {
      const full = j + 1 + k === m;
      // service: j = 0 -> served now; else one step forward
      const uS = j === 0 ? 1 : u[j - 1][k];
      const vS = j === 0 ? 0 : v[j - 1][k];
      // arrival: room -> one more behind; full -> head dropped (the tagged one if j = 0)
      const uA = full ? (j === 0 ? 0 : u[j - 1][k + 1]) : u[j][k + 1];
      const vA = full ? (j === 0 ? 0 : v[j - 1][k + 1]) : v[j][k + 1];
      u[j][k] = pS * uS + pA * uA;
      v[j][k] = u[j][k] / rate + pS * vS + pA * vA;
    }
  }
  // Arrivals see n = 0..m+1 with probability proportional to rho^n.
  const rho = lambda / mu;
  let z = 0;
  let served = 0;
  let waitServed = 0;
  let last = 0;
  for (let n = 0; n <= m + 1; n++) {
    const p = rho ** n;
    z += p;
    last = p;
    const j = n === 0 ? -1 : Math.min(n - 1, m - 1); // n = m + 1: the head is dropped, it joins behind m - 1
    served += j < 0 ? p : p * u[j][0];
    waitServed += j < 0 ? 0 : p * v[j][0];
  }
  return { loss: last / z, Wq: waitServed / served, served: served / z };
}
