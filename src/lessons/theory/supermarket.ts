// The power of d choices in the many-server limit (the "supermarket model": Mitzenmacher (2001),
// IEEE Trans. Parallel Distrib. Syst. 12(10), 1094-1104; Vvedenskaya, Dobrushin & Karpelevich
// (1996)): with n -> infinity exponential servers at rate 1, load lambda < 1 per server, and
// each arrival joining the shorter of d random queues, the fraction of queues holding at least
// i messages is lambda^((d^i - 1) / (d - 1)). Mean sojourn (Little): sum_i of those / lambda.
// An approximation for a finite number of servers (it is exact only in the limit).

/** Mean sojourn time, in units of the mean service time, for load lambda < 1 and d >= 1 choices. */
export function supermarketSojourn(lambda: number, d: number): number {
  if (!(lambda > 0 && lambda < 1)) throw new RangeError(`load must be in (0, 1), got ${lambda}`);
  if (!(Number.isInteger(d) && d >= 1)) throw new RangeError(`choices d must be an integer >= 1, got ${d}`);
  let total = 0;
  for (let i = 1; i < 10_000; i++) {
    const exponent = d === 1 ? i : (d ** i - 1) / (d - 1);
    const s = lambda ** exponent;
    total += s;
    if (s < 1e-16 * total || !Number.isFinite(exponent)) break;
  }
  return total / lambda;
}
