import type { ProducerState, QueueState } from './model.ts';
import { exp, log1p } from '../math/index.ts';

/**
 * Time of a producer's next message after `from`. Renewal producers add one interarrival time.
 * Time-varying Poisson producers use thinning (Lewis & Shedler 1979): candidates come at the
 * rate bound B = x0 + sum max(a_i, 0) exp(-r_i t), which is non-increasing in t and so bounds
 * lambda on all later times; a candidate at s is kept with probability lambda(s) / B.
 * Returns Infinity when no message will ever come.
 */
export function nextArrivalTime(p: ProducerState, from: number): number {
  if (p.interarrival !== null) return from + p.interarrival.sample(p.rng);
  let t = from;
  for (;;) {
    const bound = rateBound(p, t);
    if (!(bound > 0)) return Infinity;
    t -= log1p(-p.rng()) / bound;
    if (t >= p.stop) return Infinity;
    if (p.rng() * bound <= rateAt(p, t)) return t;
  }
}

export function rateAt(p: ProducerState, t: number): number {
  let lambda = p.x0;
  for (let i = 0; i < p.rates.length; i++) lambda += p.amplitudes[i] * exp(-p.rates[i] * t);
  return lambda;
}

function rateBound(p: ProducerState, t: number): number {
  let bound = p.x0;
  for (let i = 0; i < p.rates.length; i++) {
    if (p.amplitudes[i] > 0) bound += p.amplitudes[i] * exp(-p.rates[i] * t);
  }
  return bound;
}

/** Which of the producer's target queues gets the next message (its index). */
export function pickQueue(p: ProducerState): number {
  const targets = p.targets;
  const n = targets.length;
  if (n === 1) return targets[0].index;
  switch (p.balance) {
    case 'round-robin': {
      const q = targets[p.nextTarget];
      p.nextTarget = p.nextTarget + 1 === n ? 0 : p.nextTarget + 1;
      return q.index;
    }
    case 'random':
      return targets[Math.floor(p.rng() * n)].index;
    case 'shortest': {
      // Join the shortest queue, counting messages waiting and held by servers; ties are broken
      // uniformly at random (reservoir sampling), else the first queue would take more than its share.
      let best = targets[0];
      let ties = 1;
      for (let i = 1; i < n; i++) {
        const d = inSystem(targets[i]) - inSystem(best);
        if (d < 0) {
          best = targets[i];
          ties = 1;
        } else if (d === 0 && p.rng() * ++ties < 1) {
          best = targets[i];
        }
      }
      return best.index;
    }
    case 'two-choices': {
      // Power of two choices (Mitzenmacher 2001): two distinct random queues, the shorter wins.
      const a = Math.floor(p.rng() * n);
      let b = Math.floor(p.rng() * (n - 1));
      if (b >= a) b++;
      return inSystem(targets[b]) < inSystem(targets[a]) ? targets[b].index : targets[a].index;
    }
  }
}

function inSystem(q: QueueState): number {
  return q.line.size + q.inService;
}
