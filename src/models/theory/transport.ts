// A producer's transport as theory sees it: udp thins the stream, every protocol delays it.
// The delays do not change a queue's model (they happen before it), only the end-to-end time.
import { makeDistribution } from '../../sim/random/distributions';
import type { Transport } from '../../sim/scenario/types';
import { bernoulliSplitScv } from './qna';
import type { Stream } from './streams';

export interface TransportTheory {
  /** Fraction of messages that reach the queue: 1 - loss for udp (the rest are lost in transit), 1 otherwise. */
  delivered: number;
  /** Mean transit time of a message that arrives: E[overhead] + E[delay], plus rto p / (1 - p)
   *  for tcp and http (each lost attempt, geometric in number, costs one rto); Infinity when a
   *  delay has no mean. 0 without transport. */
  meanDelay: number;
}

export function transportTheory(t: Transport | null): TransportTheory {
  if (t === null) return { delivered: 1, meanDelay: 0 };
  const overhead = t.overhead === null ? 0 : makeDistribution(t.overhead).mean;
  const base = overhead + makeDistribution(t.delay).mean;
  if (t.protocol === 'udp') return { delivered: 1 - t.loss, meanDelay: base };
  return { delivered: 1, meanDelay: base + (t.rto * t.loss) / (1 - t.loss) };
}

/** The transit time is the same for every message: the stream is only shifted in time. */
function constantDelay(t: Transport): boolean {
  const fixed = (d: Transport['delay'] | null) => d === null || d.dist === 'deterministic';
  return fixed(t.delay) && fixed(t.overhead) && (t.protocol === 'udp' || t.loss === 0);
}

/**
 * What a producer's stream looks like at its queue. udp keeps each message with probability
 * 1 - p, independently: a Poisson stream stays Poisson at rate (1 - p) lambda. Independent,
 * identically distributed transit delays keep a Poisson stream Poisson (the displacement
 * theorem: Kingman (1993), Poisson Processes); a constant delay only shifts any stream. Random
 * delays reorder a non-Poisson stream, which is then no longer a renewal process.
 */
export function throughTransport(s: Stream, t: Transport | null, producer: string): Stream {
  if (t === null) return s;
  const keep = t.protocol === 'udp' ? 1 - t.loss : 1;
  let out: Stream = keep < 1 ? { ...s, rate: s.rate * keep, scv: s.poisson ? 1 : bernoulliSplitScv(s.scv, keep) } : s;
  if (!out.poisson && !constantDelay(t)) {
    out = {
      ...out,
      renewal: false,
      notes: [...out.notes, `producer ${producer}: random transit delays reorder its messages, so they arrive as no renewal stream`],
    };
  }
  return out;
}
