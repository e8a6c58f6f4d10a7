// Open Jackson networks: Poisson arrivals from outside, exponential servers, probabilistic
// routing. The traffic equations give each node's arrival rate; each node is then an M/M/c.
import { lusolve } from 'mathjs';
import { mmc } from './mmc';
import { type QueueResult, nonNegative } from './result';

/** Tolerance on routing row sums (probabilities that arrive through floating-point sums). */
const ROW_TOLERANCE = 1e-9;

function checkRouting(where: string, external: number[], routing: number[][]): void {
  const n = external.length;
  external.forEach((g, i) => nonNegative(where, `external[${i}]`, g));
  if (routing.length !== n) {
    throw new RangeError(`${where}: routing must be ${n} x ${n}, got ${routing.length} rows`);
  }
  routing.forEach((row, i) => {
    if (row.length !== n) {
      throw new RangeError(`${where}: routing row ${i} must have ${n} entries, got ${row.length}`);
    }
    row.forEach((p, j) => nonNegative(where, `routing[${i}][${j}]`, p));
    const sum = row.reduce((s, p) => s + p, 0);
    if (sum > 1 + ROW_TOLERANCE) {
      throw new RangeError(`${where}: routing row ${i} must sum to <= 1, got ${sum}`);
    }
  });
}

/** Nodes reachable from the nodes with external arrivals, following edges with p > 0. */
function reachable(external: number[], routing: number[][]): boolean[] {
  const seen = external.map((g) => g > 0);
  const stack = seen.flatMap((s, i) => (s ? [i] : []));
  while (stack.length > 0) {
    const i = stack.pop()!;
    routing[i].forEach((p, j) => {
      if (p > 0 && !seen[j]) {
        seen[j] = true;
        stack.push(j);
      }
    });
  }
  return seen;
}

/**
 * Nodes that receive messages which can never leave the network (every path from them stays
 * in a set whose routing rows sum to 1): their traffic equations have no finite solution.
 * Returns their indices, ascending; [] for a proper open network.
 */
export function trappedNodes(external: number[], routing: number[][]): number[] {
  checkRouting('trappedNodes', external, routing);
  return trapped(external, routing);
}

function trapped(external: number[], routing: number[][]): number[] {
  const n = external.length;
  // canLeave: a path to an exit (a row summing to less than 1), found backwards from the exits.
  const canLeave = routing.map((row) => row.reduce((s, p) => s + p, 0) < 1 - ROW_TOLERANCE);
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < n; i++) {
      if (!canLeave[i] && routing[i].some((p, j) => p > 0 && canLeave[j])) {
        canLeave[i] = true;
        changed = true;
      }
    }
  }
  const reached = reachable(external, routing);
  return reached.flatMap((r, i) => (r && !canLeave[i] ? [i] : []));
}

/**
 * Solves the traffic equations lambda = gamma + R^T lambda, i.e. (I - R^T) lambda = gamma, with
 * mathjs lusolve; routing[i][j] is the probability that a message handled at i goes to j (row
 * sums <= 1, the rest leaves). Only nodes reachable from external arrivals enter the solve
 * (the others get 0), which keeps the system nonsingular. Throws a RangeError naming the
 * nodes when messages are trapped (see trappedNodes).
 * Jackson (1957), "Networks of waiting lines", Oper. Res. 5(4), 518-521.
 */
export function trafficEquations(external: number[], routing: number[][]): number[] {
  checkRouting('trafficEquations', external, routing);
  const stuck = trapped(external, routing);
  if (stuck.length > 0) {
    throw new RangeError(
      `trafficEquations: messages reaching nodes ${stuck.join(', ')} never leave the network: their rates grow without bound`,
    );
  }
  const reached = reachable(external, routing);
  const nodes = reached.flatMap((r, i) => (r ? [i] : []));
  const lambda = external.map(() => 0);
  if (nodes.length === 0) return lambda;
  const A = nodes.map((i) => nodes.map((j) => (i === j ? 1 : 0) - routing[j][i]));
  const b = nodes.map((i) => external[i]);
  const x = lusolve(A, b) as number[][];
  nodes.forEach((i, k) => {
    lambda[i] = Math.max(0, x[k][0]); // clip -1e-17 style rounding
  });
  return lambda;
}

/** An open Jackson network: node i has servers[i] exponential servers of rate mu[i]. */
export interface JacksonNetwork {
  /** External Poisson arrival rate into each node (gamma). */
  external: number[];
  /** routing[i][j]: probability that a message handled at i goes next to j. */
  routing: number[][];
  mu: number[];
  servers: number[];
}

export interface JacksonResult {
  /** Total arrival rate into each node, from the traffic equations. */
  lambda: number[];
  /** Each node as an M/M/c with its lambda (product form: the nodes behave independently). */
  nodes: QueueResult[];
  /** Every node stable (load < 1). */
  stable: boolean;
  /** Rate of messages entering (= leaving) the network: sum of external rates. */
  throughput: number;
  /** Mean number of messages in the network, sum of the nodes' L; null if unstable. */
  L: number | null;
  /** Mean time a message spends in the network, L / throughput (Little); null if unstable or idle. */
  W: number | null;
  /** Mean number of visits to each node per message entering the network, lambda_i / throughput. */
  visits: number[];
}

/**
 * Jackson's theorem: in steady state the joint distribution is the product of the M/M/c
 * marginals at the traffic-equation rates. Jackson (1963), "Jobshop-like queueing systems",
 * Management Sci. 10(1), 131-142 (multi-server nodes).
 */
export function jackson(network: JacksonNetwork): JacksonResult {
  const { external, routing, mu, servers } = network;
  if (mu.length !== external.length || servers.length !== external.length) {
    throw new RangeError(
      `jackson: external, mu and servers must have the same length, got ${external.length}, ${mu.length}, ${servers.length}`,
    );
  }
  const lambda = trafficEquations(external, routing);
  const nodes = lambda.map((l, i) => mmc(l, mu[i], servers[i]));
  const stable = nodes.every((q) => q.stable);
  const throughput = external.reduce((s, g) => s + g, 0);
  const L = stable ? nodes.reduce((s, q) => s + (q.L ?? 0), 0) : null;
  return {
    lambda,
    nodes,
    stable,
    throughput,
    L,
    W: L !== null && throughput > 0 ? L / throughput : null,
    visits: lambda.map((l) => (throughput > 0 ? l / throughput : 0)),
  };
}
