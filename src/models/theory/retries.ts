// What acknowledgements do to a message's deliveries: retries, duplicates, dead letters, losses.
// Each delivery of a message is an independent trial (its handling time is drawn afresh), so
// the number of deliveries is a geometric variable truncated at maxDeliveries.
import type { Ack, DistSpec } from '../../sim/scenario/types';
import { survival } from './survival';
import { exp, expm1, log1p, pow } from '../../sim/math/index.ts';

/**
 * Per message entering the queue (the engine's counters divided by the messages that arrived).
 * null = infinite: every delivery ends in a redelivery and there is no maxDeliveries.
 * The four fractions add up to 1 whenever deliveriesPerMessage is finite.
 */
export interface RetryTheory {
  /** P(one delivery ends in a redelivery): handler failure, a lost ack (with a visibility
   *  timeout), or the timeout passing before handling ends. */
  redeliveryProbability: number;
  /** P(handling time > visibilityTimeout): the message becomes visible again while it is still
   *  handled, and another delivery follows (0 without a timeout). */
  timeoutProbability: number;
  /** Mean deliveries per message: (1 - r^m) / (1 - r), r = redeliveryProbability, m = maxDeliveries
   *  (1 / (1 - r) without a limit); (1 - f^m) / (1 - f) with failures only. */
  deliveriesPerMessage: number | null;
  /** Mean successful handler runs per message: (1 - f) deliveriesPerMessage. */
  handlingsPerMessage: number | null;
  /** Mean handler successes beyond the first: handlingsPerMessage - P(handled at least once), where
   *  P(handled at least once) = 1 - f^m. */
  duplicatesPerMessage: number | null;
  /** r^m: every allowed delivery ended in a redelivery (0 without maxDeliveries). */
  deadLetterFraction: number;
  /** Auto ack: the handler failed (f); 0 with manual ack. */
  lostFraction: number;
  /** Manual ack without a visibility timeout: the ack was lost, so the message stays un-acked for
   *  ever (nothing redelivers it). */
  unackedFraction: number;
  /** Acked and passed on (routed by `then`, or leaving). */
  completedFraction: number;
}

/**
 * Retry arithmetic for an ack mode and a service distribution. Manual ack, per delivery: the
 * handler fails with f (redelivered: at once without a timeout, else after it); it succeeds and
 * the ack arrives with (1 - f)(1 - l) q, q = P(S <= visibilityTimeout) (1 without a timeout);
 * a success is redelivered anyway with (1 - f)(1 - (1 - l) q) when a timeout is set, and stuck
 * un-acked with (1 - f) l when none is. Exact when deliveries are independent trials (the
 * timeout is counted from the delivery, so a wait in a prefetch buffer makes timeouts likelier).
 */
export function retryTheory(ack: Ack, service: DistSpec): RetryTheory {
  const f = ack.failure;
  if (ack.mode === 'auto') {
    return {
      redeliveryProbability: 0,
      timeoutProbability: 0,
      deliveriesPerMessage: 1,
      handlingsPerMessage: 1 - f,
      duplicatesPerMessage: 0,
      deadLetterFraction: 0,
      lostFraction: f,
      unackedFraction: 0,
      completedFraction: 1 - f,
    };
  }
  const l = ack.loss;
  const timeout = ack.visibilityTimeout === null ? 0 : survival(service, ack.visibilityTimeout);
  const q = 1 - timeout;
  const complete = (1 - f) * (1 - l) * q;
  const stuck = ack.visibilityTimeout === null ? (1 - f) * l : 0;
  const ends = complete + stuck; // 1 - r, computed without cancellation
  const r = 1 - ends;
  const m = ack.maxDeliveries;
  if (m === null && ends === 0) {
    return {
      redeliveryProbability: 1,
      timeoutProbability: timeout,
      deliveriesPerMessage: null,
      handlingsPerMessage: null,
      duplicatesPerMessage: null,
      deadLetterFraction: 0,
      lostFraction: 0,
      unackedFraction: 0,
      completedFraction: 0,
    };
  }
  // sum_{j < m} r^j = (1 - r^m) / (1 - r), as -expm1(m log(1 - s)) / s with s = 1 - r.
  const D = m === null ? 1 / ends : ends === 0 ? m : -expm1(m * log1p(-ends)) / ends;
  const deadLetter = m === null ? 0 : ends === 0 ? 1 : exp(m * log1p(-ends));
  const handledOnce = m === null ? 1 : 1 - pow(f, m);
  const handlings = (1 - f) * D;
  return {
    redeliveryProbability: r,
    timeoutProbability: timeout,
    deliveriesPerMessage: D,
    handlingsPerMessage: handlings,
    duplicatesPerMessage: Math.max(0, handlings - handledOnce),
    deadLetterFraction: deadLetter,
    lostFraction: 0,
    unackedFraction: stuck * D,
    completedFraction: complete * D,
  };
}
