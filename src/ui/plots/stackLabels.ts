// Labels of horizontal rules sit just above their line; rules at (nearly) the same height, e.g.
// four queues with the same theoretical Lq, would print their labels over each other. Stacked:
// each label keeps its place unless the one below it is closer than a line of text, then it moves up.

/** Baselines (px, y down) moved up where needed so that any two are at least `gap` apart, in the
 *  given order. */
export function stackLabels(ys: readonly number[], gap = 11): number[] {
  const order = ys.map((_, i) => i).sort((a, b) => ys[b] - ys[a] || a - b);
  const out = ys.slice();
  let previous = Infinity;
  for (const i of order) {
    out[i] = Math.min(ys[i], previous - gap);
    previous = out[i];
  }
  return out;
}
