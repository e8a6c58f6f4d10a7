// Strongly connected components of the routing graph: a queue network is analysed component by
// component, upstream first; a component with more than one queue (or a self-loop) is feedback.

/**
 * Tarjan (1972), "Depth-first search and linear graph algorithms", SIAM J. Comput. 1(2), 146-160.
 * Returns the components of the graph with edges i -> j where adjacent(i, j), in topological
 * order: every edge between components goes from an earlier to a later one.
 */
export function components(n: number, adjacent: (i: number, j: number) => boolean): number[][] {
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  const found: number[][] = [];
  let next = 0;
  const visit = (v: number): void => {
    index[v] = low[v] = next++;
    stack.push(v);
    onStack[v] = true;
    for (let w = 0; w < n; w++) {
      if (!adjacent(v, w)) continue;
      if (index[w] < 0) {
        visit(w);
        low[v] = Math.min(low[v], low[w]);
      } else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
    }
    if (low[v] === index[v]) {
      const component: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = false;
        component.push(w);
      } while (w !== v);
      found.push(component.sort((a, b) => a - b));
    }
  };
  for (let v = 0; v < n; v++) if (index[v] < 0) visit(v);
  return found.reverse(); // Tarjan finds sinks first
}
