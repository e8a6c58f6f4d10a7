// What polling (fetch mode "poll") adds to a message's wait. The engine's consumer loop: a server
// with room polls; a poll that finds messages is followed at once by another; an empty one opens
// a long poll for `wait` s (answered by the first arrival) and the next poll comes `interval`
// after it began. So an idle server listens for w = min(wait, T) out of every T = interval
// seconds and is deaf for the rest; a busy one fetches as soon as it has room.
import { exp, expm1, pow } from '../../sim/math/index.ts';

const SETUP =
  'M/G/1 with setup times (exceptional first service): Takagi (1991), Queueing Analysis vol. 1, ch. 2; with no long poll it is the M/G/1 with multiple vacations of length T, whose wait grows by T/2 (Fuhrmann & Cooper (1985), Oper. Res. 33(5), 1117-1129)';
const LIGHT =
  'light-traffic limit: the first of c independent, uniformly phased poll cycles to listen, E[min] = (T - w)^(c+1) / ((c + 1) T^c)';

export interface PollingDelay {
  /** Extra mean wait of a message, seconds. */
  delay: number;
  /** true: the M/G/1 with setup times below is exact for the engine's loop. */
  exact: boolean;
  method: string;
  reference: string;
}

/** Simpson's rule for the setup moments, on [0, min(a, 40 / lambda)] (e^-40 is negligible). */
function setupMoments(lambda: number, T: number, w: number): { d1: number; d2: number } {
  const a = T - w; // deaf part of the cycle
  if (a <= 0) return { d1: 0, d2: 0 };
  const top = lambda > 0 ? Math.min(a, 40 / lambda) : a;
  const n = 4096;
  const h = top / n;
  let i1 = 0;
  let i2 = 0;
  for (let i = 0; i <= n; i++) {
    const s = i * h;
    const weight = (i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2) * exp(-lambda * s);
    i1 += weight * (a - s);
    i2 += weight * (a - s) * (a - s);
  }
  // Density of the arrival's phase u = X mod T, X ~ exp(lambda): lambda e^(-lambda u) / (1 - e^(-lambda T));
  // as lambda -> 0 it is uniform, 1 / T.
  const K = lambda > 0 ? (lambda * exp(-lambda * w)) / -expm1(-lambda * T) : 1 / T;
  return { d1: (K * i1 * h) / 3, d2: (K * i2 * h) / 3 };
}

/**
 * The setup delay of a busy period's first message on one polling server: the idle period starts
 * with an empty poll (the listening phase), and the first arrival comes after X ~ exp(lambda);
 * with u = X mod T it waits D = 0 if u < w, else T - u. Then (M/G/1 with setup times)
 *   Wq = Wq(M/G/1) + (2 E[D] + lambda E[D^2]) / (2 (1 + lambda E[D])),
 * which is exactly T/2 when w = 0 (multiple vacations) and 0 when w >= T (always listening).
 */
export function setupDelay(lambda: number, interval: number, wait: number): number {
  if (wait >= interval) return 0;
  const { d1, d2 } = setupMoments(lambda, interval, wait);
  return (2 * d1 + lambda * d2) / (2 * (1 + lambda * d1));
}

/** Light-traffic extra wait with c polling servers: (T - w)^(c+1) / ((c + 1) T^c), 0 for w >= T. */
export function lightTrafficPollDelay(servers: number, interval: number, wait: number): number {
  if (wait >= interval) return 0;
  const deaf = (interval - wait) / interval;
  return (interval * pow(deaf, servers + 1)) / (servers + 1);
}

/**
 * The extra wait that polling adds, for `servers` polling servers, each holding up to `prefetch`
 * messages and handling up to `concurrency`, with arrival rate lambda.
 * - wait >= interval: an idle server always listens, a busy one polls when it has room: push. Exact
 *   when prefetch = concurrency (else the prefetch caveats of push apply anyway).
 * - one server holding one message: the M/G/1 with setup times, exact (Poisson arrivals).
 * - otherwise approximate: one server, the setup formula (a server that has just taken messages
 *   polls again, and sleeps after that empty poll even while it works); several, the light-traffic
 *   limit (it overstates the delay as load grows: busy servers fetch as soon as they have room).
 */
export function pollingDelay(
  lambda: number,
  servers: number,
  prefetch: number,
  concurrency: number,
  interval: number,
  wait: number,
): PollingDelay {
  if (wait >= interval) {
    return {
      delay: 0,
      exact: prefetch === concurrency,
      method: 'long poll >= interval: the same as push',
      reference: 'an idle server always listens; a busy one polls as soon as it has room',
    };
  }
  if (servers === 1) {
    return {
      delay: setupDelay(lambda, interval, wait),
      exact: prefetch === 1,
      method: wait > 0 ? 'M/G/1 with setup times (long poll)' : 'M/G/1 with multiple vacations (T/2)',
      reference: SETUP,
    };
  }
  return { delay: lightTrafficPollDelay(servers, interval, wait), exact: false, method: 'polling delay, light traffic', reference: LIGHT };
}
