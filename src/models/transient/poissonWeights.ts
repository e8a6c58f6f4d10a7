/**
 * Poisson weights for uniformization, after Fox & Glynn, "Computing Poisson probabilities",
 * CACM 31(4):440-445, 1988: start at the mode with an arbitrary weight, recur outwards
 * (w_{k+1} = w_k a / (k+1), w_{k-1} = w_k k / a) so nothing underflows, and normalise by the
 * total. The truncation points come from geometric bounds on the tails instead of Fox-Glynn's
 * finder: beyond k > a the ratios a/(j+1) decrease, so sum_{j>k} w_j <= w_k r / (1 - r) with
 * r = a/(k+1); below k < a likewise sum_{j<k} w_j <= w_k q / (1 - q) with q = k/a.
 */

/** Poisson(a) probabilities on [left, right], normalised to sum to 1 there. */
export interface PoissonWeights {
  left: number;
  right: number;
  /** weights[k - left] for k = left..right; they sum to 1 */
  weights: Float64Array;
  /** rigorous upper bound on the Poisson(a) mass outside [left, right] (<= epsilon) */
  tailBound: number;
}

/** Weights of Poisson(a), a >= 0, truncated so that the mass left out is at most epsilon. */
export function poissonWeights(a: number, epsilon: number): PoissonWeights {
  if (!(Number.isFinite(a) && a >= 0)) throw new Error(`poissonWeights: a must be a finite number >= 0, got ${a}`);
  if (!(epsilon > 0 && epsilon < 1)) throw new Error(`poissonWeights: epsilon must be in (0, 1), got ${epsilon}`);
  if (a === 0) return { left: 0, right: 0, weights: Float64Array.of(1), tailBound: 0 };
  const mode = Math.floor(a);
  const up: number[] = [];
  const down: number[] = [];
  let total = 1;
  const half = epsilon / 2;

  // Right tail: stop once the geometric bound on the rest is small against the total so far
  // (the final total is larger, so the bound relative to it is smaller still).
  let k = mode;
  let w = 1;
  let rightTail: number;
  for (;;) {
    const r = a / (k + 1);
    if (r < 1) {
      const bound = (w * r) / (1 - r);
      if (bound <= half * total) {
        rightTail = bound;
        break;
      }
    }
    w *= r;
    k += 1;
    up.push(w);
    total += w;
  }
  const right = k;

  k = mode;
  w = 1;
  let leftTail = 0;
  while (k > 0) {
    const q = k / a;
    if (q < 1) {
      const bound = (w * q) / (1 - q);
      if (bound <= half * total) {
        leftTail = bound;
        break;
      }
    }
    w *= q;
    k -= 1;
    down.push(w);
    total += w;
  }
  const left = k;

  const weights = new Float64Array(right - left + 1);
  for (let i = 0; i < down.length; i++) weights[down.length - 1 - i] = down[i] / total;
  weights[down.length] = 1 / total;
  for (let i = 0; i < up.length; i++) weights[down.length + 1 + i] = up[i] / total;
  return { left, right, weights, tailBound: (leftTail + rightTail) / total };
}
