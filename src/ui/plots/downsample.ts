// Min-max decimation for drawing only (never for statistics): the points of [from, to) are cut
// into `buckets` runs of equal time, and each run keeps its first, lowest, highest and last
// point, in time order, so every peak and trough that would show at the plot's resolution stays.

/** Indices of t (ascending) with t in [t0, t1], plus one on each side so lines reach the edges. */
export function visibleRange(t: ArrayLike<number>, n: number, t0: number, t1: number): [number, number] {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid] < t0) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < n && t[end] <= t1) end++;
  return [Math.max(0, lo - 1), Math.min(n, end + 1)];
}

/** Indices to draw of y over t[from..to), at most ~4 per bucket. */
export function minMaxIndices(t: ArrayLike<number>, y: ArrayLike<number>, from: number, to: number, buckets: number): number[] {
  const n = to - from;
  if (n <= 4 * buckets) return Array.from({ length: n }, (_, i) => from + i);
  const out: number[] = [];
  const t0 = t[from];
  const span = t[to - 1] - t0 || 1;
  let i = from;
  for (let b = 0; b < buckets && i < to; b++) {
    const end = b === buckets - 1 ? t[to - 1] : t0 + (span * (b + 1)) / buckets;
    const first = i;
    let lo = i;
    let hi = i;
    while (i < to && (t[i] <= end || b === buckets - 1)) {
      if (y[i] < y[lo]) lo = i;
      if (y[i] > y[hi]) hi = i;
      i++;
    }
    const last = i - 1;
    for (const k of [first, Math.min(lo, hi), Math.max(lo, hi), last].filter((k, j, a) => j === 0 || k !== a[j - 1])) {
      if (k >= first && k <= last && (out.length === 0 || out[out.length - 1] < k)) out.push(k);
    }
  }
  return out;
}
