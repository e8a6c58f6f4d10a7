import { describe, expect, it } from 'vitest';
import { plan, PlanInputError } from '../../../src/models/plan/plan.ts';
import { parseTarget } from '../../../src/models/plan/target.ts';
import { runHere } from '../../../src/sim/replicate.ts';

/** Erlang C's mean wait of M/M/c from the textbook sums (Gross & Harris 2.3), independent of src/models/theory. */
function textbookWq(lambda: number, mu: number, c: number): number {
  const a = lambda / mu;
  if (a >= c) return Infinity;
  let sum = 0;
  let term = 1; // a^k / k!
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const last = (term * c) / (c - a); // a^c / c! * c / (c - a)
  const C = last / (sum + last);
  return C / (c * mu - lambda);
}

const mmc = (lambda: number, count: number) => ({
  name: 'M/M/c to size',
  seed: 11,
  horizon: 4000,
  warmup: 200,
  replications: 5,
  sampleEvery: 100,
  producers: [{ id: 'in', to: 'q', interarrival: { dist: 'exponential', rate: lambda } }],
  queues: [{ id: 'q' }],
  consumers: [{ id: 'pool', from: 'q', count, service: { dist: 'exponential', rate: 1 } }],
});

describe('plan(request, run)', () => {
  it('finds the smallest c with mean wait < target: the Erlang C answer, with the evidence on both sides', async () => {
    const lambda = 4;
    const target = 0.1;
    const answer = [...Array(40).keys()].map((k) => k + 1).find((c) => textbookWq(lambda, 1, c) < target)!;
    expect(answer).toBe(7);
    // The answer is clear-cut, so a correct simulation must find it: theory is well inside on both sides.
    expect(textbookWq(lambda, 1, answer)).toBeLessThan(target / 2);
    expect(textbookWq(lambda, 1, answer - 1)).toBeGreaterThan(target * 1.3);

    const r = await plan({ base: mmc(lambda, 1), vary: 'consumers.0.count', target: parseTarget(`summary.queues.q.meanWait < ${target}`) }, runHere);
    expect(r.value).toBe(answer);
    expect(r).toMatchObject({ direction: 'up', directionFrom: 'theory', step: 1, converged: true, reason: null });
    expect(r.theory?.value).toBe(answer);
    const at = (c: number) => r.tried.find((t) => t.value === c)!;
    expect(at(answer).meets).toBe(true);
    expect(at(answer).metric.ci95![1]).toBeLessThan(target);
    expect(at(answer - 1).meets).toBe(false);
    for (const t of r.tried) expect(t.theory).toBeCloseTo(textbookWq(lambda, 1, t.value), 10);
    expect(r.tried.length).toBeLessThanOrEqual(3); // theory's guess and its neighbour, nearly
  });

  it("finds the largest arrival rate meeting a target ('down'), within the tolerance of Erlang C's", async () => {
    const r = await plan(
      {
        base: mmc(2.4, 3),
        vary: 'producers[0].interarrival.rate',
        target: parseTarget('summary.queues.q.meanWait < 0.5'),
        tolerance: 0.05,
      },
      runHere,
    );
    expect(r.direction).toBe('down');
    expect(r.step).toBeNull();
    // Erlang C's answer by bisection on the textbook formula.
    let [lo, hi] = [0.1, 2.99];
    while (hi - lo > 1e-9) ((textbookWq((lo + hi) / 2, 1, 3) < 0.5 ? (lo = (lo + hi) / 2) : (hi = (lo + hi) / 2)));
    expect(r.theory!.value).toBeCloseTo(lo, 2);
    // Confidence costs a little: the answer is at or below theory's, and its interval is below the target.
    expect(r.value!).toBeLessThanOrEqual(lo + 0.05);
    const at = r.tried.find((t) => t.value === r.value)!;
    expect(at.metric.ci95![1]).toBeLessThan(0.5);
    const above = r.tried.filter((t) => t.value > r.value!);
    expect(above.length).toBeGreaterThan(0);
    expect(above.every((t) => !t.meets)).toBe(true);
    expect(Math.min(...above.map((t) => t.value)) - r.value!).toBeLessThanOrEqual(0.05 + 1e-9);
  });

  it('judges a percentile by the interval of its per-replication values', async () => {
    const base = { ...mmc(4, 6), consumers: [{ id: 'pool', from: 'q', count: 6, service: { dist: 'exponential', rate: 4 } }], producers: [{ id: 'in', to: 'q', interarrival: { dist: 'exponential', rate: 16 } }] };
    const r = await plan({ base, vary: 'consumers[pool].count', target: parseTarget('summary.messages.endToEnd.p99 < 1.5') }, runHere);
    expect(r.value).not.toBeNull();
    expect(r.confidence).toContain('each replication');
    for (const t of r.tried) {
      expect(t.confidence).toBe('replications');
      expect(t.perReplication).toHaveLength(5);
      expect(t.theory).not.toBeNull(); // the M/M/c sojourn quantile
    }
    const at = r.tried.find((t) => t.value === r.value)!;
    expect(at.metric.ci95![1]).toBeLessThan(1.5);
    expect(r.tried.find((t) => t.value === r.value! - 1)?.meets).toBe(false);
  });

  it('without theory for the metric, simulates both ends to find the direction, then bisects', async () => {
    // The share of messages expiring (ttl 2 s) has no closed form here.
    const base = { ...mmc(4, 5), queues: [{ id: 'q', ttl: 2 }] };
    const r = await plan({ base, vary: 'consumers.0.count', target: parseTarget('summary.queues.q.expiredFraction < 0.01'), max: 9 }, runHere);
    expect(r).toMatchObject({ directionFrom: 'simulation', direction: 'up', theory: null });
    expect(r.tried.slice(0, 1).map((t) => t.value)).toEqual([1]);
    expect(r.tried.map((t) => t.value)).toContain(9);
    const at = r.tried.find((t) => t.value === r.value)!;
    expect(at.meets).toBe(true);
    expect(r.tried.find((t) => t.value === r.value! - 1)?.meets).toBe(false);
  });

  it('says so when the target cannot be met in the range', async () => {
    const r = await plan({ base: mmc(4, 5), vary: 'consumers.0.count', target: parseTarget('summary.queues.q.meanWait < 0.001'), max: 6 }, runHere);
    expect(r.value).toBeNull();
    expect(r.reason).toMatch(/^summary\.queues\.q\.meanWait < 0\.001 is not met with 95% confidence anywhere in \[1, 6\]: at consumers\.0\.count = 6 \(the best end\) it is \S+ \[/);
    expect(r.tried.map((t) => t.value)).toEqual([6]);
  });

  it('says a metric nothing measured is unmeasured, not short of replications', async () => {
    // A second queue that nothing reaches: its mean wait has no value in any replication.
    const base = { ...mmc(4, 5), queues: [{ id: 'q' }, { id: 'idle' }], consumers: [...mmc(4, 5).consumers, { id: 'c2', from: 'idle', service: { dist: 'exponential', rate: 1 } }] };
    const r = await plan({ base, vary: 'consumers.0.count', target: parseTarget('summary.queues.idle.meanWait < 1'), max: 6, direction: 'up' }, runHere);
    expect(r.value).toBeNull();
    expect(r.reason).toMatch(/at consumers\.0\.count = 6 \(the best end\) it is unmeasured: no replication gave a value/);
    expect(r.reason).not.toMatch(/replications 2 or more/);
  });

  it('refuses bad input with one line per problem', async () => {
    const target = parseTarget('summary.queues.q.meanWait < 1');
    const fails = (req: Partial<Parameters<typeof plan>[0]>) =>
      plan({ base: mmc(2.4, 3), vary: 'consumers.0.count', target, ...req }, runHere).then(
        () => [] as string[],
        (err: PlanInputError) => err.lines,
      );
    expect(await fails({ vary: 'queues[0].id' })).toEqual(['--vary queues[0].id: not a number in the scenario (got "q")']);
    expect(await fails({ vary: 'consumers[7].count' })).toEqual(['--vary consumers[7].count: not a number in the scenario (got nothing)']);
    expect(await fails({ min: 0 })).toEqual(['--min 0: at consumers.0.count = 0: consumers[0].count: must be >= 1 (got 0)']);
    expect(await fails({ base: { ...mmc(2.4, 3), replications: 1 } })).toEqual([
      'replications: 95% confidence needs at least 2 (got 1): give --replications N',
    ]);
    expect(await fails({ target: parseTarget('summary.queues.nope.meanWait < 1') })).toEqual([
      '--target summary.queues.nope.meanWait: no such number in the result summary, e.g. summary.queues.<id>.meanWait, summary.consumers.<id>.utilization, summary.messages.endToEnd.p99',
    ]);
  });
});
