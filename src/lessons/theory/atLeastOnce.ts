// At-least-once delivery as independent trials. Each delivery of a message ends in one of:
//   the handler fails (probability f): no ack, redelivered;
//   it succeeds but too late, after the visibility timeout (probability (1 - f) s): another
//     delivery has already begun, so this ack does not count; a duplicate;
//   it succeeds in time and the ack is lost (probability (1 - f)(1 - s) l): redelivered, a duplicate;
//   it succeeds in time and the ack arrives (probability (1 - f)(1 - s)(1 - l)): done.
// So a delivery is redelivered with r = 1 - (1 - f)(1 - s)(1 - l); with at most m deliveries the
// count is a truncated geometric: E[deliveries] = (1 - r^m) / (1 - r), and r^m of the messages
// are dead-lettered. Every delivery that does not fail runs the handler to the end.
// (models/theory/retries.ts computes the same from a scenario's ack settings and service time.)

export interface AtLeastOnce {
  /** P(one delivery is followed by another). */
  redelivery: number;
  /** Mean deliveries per message. */
  deliveries: number;
  /** Mean handler runs that succeed, per message: (1 - f) deliveries. */
  handlings: number;
  /** Successful handler runs beyond the first, per message: handlings - P(handled at least once). */
  duplicates: number;
  /** Fraction of messages sent to the dead-letter queue: r^m. */
  deadLetter: number;
  /** Fraction acked: 1 - r^m. */
  completed: number;
}

/**
 * failure f, lost-ack probability l, maxDeliveries m (null: no limit), and s = P(handling time >
 * visibility timeout) (0 when the timeout is long enough).
 */
export function atLeastOnce(failure: number, ackLoss: number, maxDeliveries: number | null, lateProbability = 0): AtLeastOnce {
  for (const [name, p] of [['failure', failure], ['ackLoss', ackLoss], ['lateProbability', lateProbability]] as const) {
    if (!(p >= 0 && p < 1)) throw new RangeError(`${name} must be in [0, 1), got ${p}`);
  }
  const m = maxDeliveries;
  if (m !== null && !(Number.isInteger(m) && m >= 1)) throw new RangeError(`maxDeliveries must be an integer >= 1 or null, got ${m}`);
  const done = (1 - failure) * (1 - lateProbability) * (1 - ackLoss);
  const r = 1 - done;
  const deliveries = m === null ? 1 / done : (1 - r ** m) / done;
  const deadLetter = m === null ? 0 : r ** m;
  const handlings = (1 - failure) * deliveries;
  const handledOnce = 1 - (m === null ? 0 : failure ** m);
  return { redelivery: r, deliveries, handlings, duplicates: handlings - handledOnce, deadLetter, completed: 1 - deadLetter };
}
