// Small-list helpers for the engine's per-server bookkeeping.

/** Removes one item from a short list without allocating (order does not matter). */
export function removeItem(list: number[], x: number): void {
  const i = list.indexOf(x);
  list[i] = list[list.length - 1];
  list.pop();
}
