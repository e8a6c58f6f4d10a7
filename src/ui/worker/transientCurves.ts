// Where a queue is an exact birth-death chain started empty (M/M/c or M/M/c/K fed straight by
// constant-rate Poisson producers from t = 0), its exact mean backlog E[Q(t)] from the core's
// uniformization solver (models/transient). Elsewhere nothing is drawn: no approximation is
// passed off as the transient.
import type { ScenarioTheory } from '../../models/theory/index.ts';
import { transientBirthDeath } from '../../models/transient/index.ts';
import type { Scenario } from '../../sim/scenario/types.ts';

export interface TransientCurve {
  queue: string;
  /** The model that the curve solves, e.g. "M/M/1". */
  model: string;
  t: number[];
  meanQ: number[];
}

const BIRTH_DEATH = new Set(['M/M/1', 'M/M/c', 'M/M/1/K', 'M/M/c/K']);

/** Why queue `id` has no exact transient here, or null when it has one. */
export function transientBlocker(scenario: Scenario, theory: ScenarioTheory, id: string): string | null {
  const th = theory.queues[id];
  if (!th || th.model === null || !BIRTH_DEATH.has(th.model)) return 'not a birth-death model';
  if (!th.exact || th.regime !== 'steady') return 'arrivals are not a constant-rate Poisson stream';
  if (scenario.consumers.some((c) => c.then.some((r) => r.to === id))) return 'fed by another queue';
  const feeders = scenario.producers.filter((p) => p.to.includes(id));
  if (feeders.some((p) => p.start !== 0 || p.stop !== null || p.limit !== null)) return 'a producer starts late or stops';
  if (scenario.queues.find((q) => q.id === id)?.ttl !== null) return 'messages expire (ttl)';
  // An overloaded unbounded queue never settles: its chain must be cut above everything the
  // horizon's arrivals could reach (~ lambda T states, each advanced ~ Lambda T times), minutes of
  // work in the worker for a line that only says "it grows", which the backlog already shows.
  const r = th.result;
  if (r && 'stable' in r && !r.stable && r.capacity === null) return 'overloaded and unbounded (load >= 1): no steady state to approach';
  return null;
}

/** At most `points` times from the grid (every k-th sample): the solver's cost grows with them. */
function thin(grid: ArrayLike<number>, points: number): number[] {
  const step = Math.max(1, Math.ceil(grid.length / points));
  const out: number[] = [];
  for (let k = 0; k < grid.length; k += step) out.push(grid[k]);
  if (out[out.length - 1] !== grid[grid.length - 1]) out.push(grid[grid.length - 1]);
  return out;
}

export function transientCurves(scenario: Scenario, theory: ScenarioTheory, grid: ArrayLike<number>): TransientCurve[] {
  const curves: TransientCurve[] = [];
  for (const q of scenario.queues) {
    if (transientBlocker(scenario, theory, q.id) !== null) continue;
    const th = theory.queues[q.id];
    const r = th.result;
    if (!r || !('meanService' in r)) continue;
    try {
      const times = thin(grid, 1500);
      const out = transientBirthDeath({
        lambda: r.lambda,
        mu: 1 / r.meanService,
        servers: r.servers,
        capacity: r.capacity,
        initial: 0,
        times,
        epsilon: 1e-8,
      });
      curves.push({ queue: q.id, model: th.model ?? '', t: out.t, meanQ: out.meanQ });
    } catch {
      // The solver refused these rates: no curve rather than a wrong one.
    }
  }
  return curves;
}
