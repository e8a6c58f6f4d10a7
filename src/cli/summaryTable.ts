import type { ExperimentResult } from '../models/experiment.ts';
import type { QueueTheory } from '../models/theory/index.ts';
import type { MeanCI } from '../sim/stats/meanCI.ts';

/** The short human-readable report of `npm run sim`: per queue and per consumer, sim beside theory. */
export function summaryTable(result: ExperimentResult): string {
  const { scenario, summary, theory } = result;
  const out: string[] = [];
  out.push(
    `${scenario.name}: ${summary.replications} replication${summary.replications > 1 ? 's' : ''} x ${num(scenario.horizon)} s, ` +
      `warm-up ${num(summary.warmup)} s${scenario.warmup === 'auto' ? ' (auto, MSER-5)' : ''}, seed ${scenario.seed}`,
    '',
  );
  const queueRows = scenario.queues.map((q) => {
    const s = summary.queues[q.id];
    const th = theory.queues[q.id];
    const r = th.result;
    return [
      q.id,
      modelName(th),
      th.load === null ? 'inf' : num(th.load),
      ci(s.meanLength),
      r && 'Lq' in r && r.Lq !== null ? num(r.Lq) : '-',
      ci(s.meanWait),
      r && 'Wq' in r && r.Wq !== null ? num(r.Wq) : '-',
      ci(s.lossProbability),
      r && 'loss' in r ? num(r.loss) : '-',
    ];
  });
  out.push(table(['queue', 'theory', 'load', 'Lq (sim, 95% CI)', 'Lq theory', 'Wq s (sim)', 'Wq theory', 'loss (sim)', 'loss theory'], queueRows));
  out.push('');
  const consumerRows = scenario.consumers.map((c) => {
    const s = summary.consumers[c.id];
    const r = theory.queues[c.from]?.result;
    // An autoscaled group: its bounds and the mean count paid for.
    const servers = c.autoscale === null ? String(c.count) : `${c.autoscale.min}-${c.autoscale.max}, mean ${ci(s.meanCount)}`;
    return [c.id, c.from, servers, ci(s.utilization), r && 'utilization' in r ? num(r.utilization) : '-', ci(s.throughput)];
  });
  out.push(table(['consumer', 'queue', 'servers', 'utilisation (sim)', 'theory', 'throughput /s'], consumerRows));
  out.push('');
  const m = summary.messages;
  const counts: [string, number][] = [
    ['produced', m.produced],
    ['handled', m.handled],
    ['done', m.completed],
    ['replied', m.replied],
    ['rejected', m.rejected],
    ['dropped', m.dropped],
    ['expired', m.expired],
    ['failed', m.failed],
    ['redelivered', m.redelivered],
    ['duplicates', m.duplicates],
    ['dead-lettered', m.deadLettered],
    ['lost', m.lost + m.lostInTransit],
    ['empty polls', m.emptyPolls],
    ['requests', m.requests],
    ['retries', m.retries],
    ['timed out', m.timedOut],
    ['gave up', m.gaveUp],
    ['wasted', m.wasted],
  ];
  // Zero counts of features the scenario does not use are noise: show the non-zero ones.
  const shown = counts.filter(([name, n]) => n > 0 || name === 'produced' || name === 'handled');
  out.push(`messages: ${shown.map(([name, n]) => `${n} ${name}`).join(', ')}; at the end ${m.waiting} waiting, ${m.inFlight} in flight`);
  if (scenario.producers.some((p) => p.timeout !== null)) {
    out.push(`goodput ${ci(m.goodput)} /s (answers to clients still waiting) of throughput ${ci(m.throughput)} /s`);
  }
  const classIds = Object.keys(summary.classes);
  if (classIds.length > 1) {
    // Theory per class when one queue's model has classes (Cobham; preemptive-resume).
    const perClass = Object.values(theory.queues).flatMap((th) => (th.result && 'classes' in th.result ? [th.result.classes] : []));
    const classTheory = (k: string) => (perClass.length === 1 ? perClass[0].find((c) => String(c.priority) === k) : undefined);
    const orDash = (x: number | null | undefined) => (x === null || x === undefined ? '-' : num(x));
    const rows = classIds.map((k) => {
      const s = summary.classes[k];
      const th = classTheory(k);
      return [k, ci(s.meanWait), orDash(th?.Wq), ci(s.meanSojourn), orDash(th?.W)];
    });
    out.push('');
    out.push(table(['priority', 'wait s (sim)', 'theory', 'sojourn s (sim)', 'theory'], rows));
  }
  for (const q of scenario.queues.filter((q) => q.initial > 0)) {
    const th = result.theory.drain?.[q.id];
    const theory = th ? `theory B / (c mu - lambda) ${th.time === null ? 'never' : `${num(th.time)} s`}${th.exact === null ? '' : ` (exact ${num(th.exact)} s)`}` : 'no theory';
    out.push(`drain of ${q.id} (${q.initial} waiting at t = 0): nothing waits after ${ci(summary.queues[q.id].drainTime!)} s (sim); ${theory}`);
  }
  if (result.fits) out.push('', fitTable(result));
  const e = m.endToEnd;
  if (e.mean !== null) {
    out.push(`end-to-end latency: mean ${num(e.mean)} s, p50 ${num(e.p50!)}, p95 ${num(e.p95!)}, p99 ${num(e.p99!)} (percentiles within 0.5%)`);
  }
  return out.join('\n') + '\n';
}

/** The model's name; '~' marks an approximation, '(long run)' a time-varying producer's limit. */
function modelName(th: QueueTheory): string {
  if (th.model === null) return 'none';
  const name = th.exact ? th.model : `~${th.model}`;
  return th.regime === 'long-run' ? `${name} (long run)` : name;
}

export function ci(x: MeanCI): string {
  if (x.mean === null) return '-';
  if (x.ci95 === null) return num(x.mean);
  return `${num(x.mean)} ± ${num((x.ci95[1] - x.ci95[0]) / 2)}`;
}

/** Four significant digits, plain notation where it reads well. */
export function num(x: number): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e-3 && a < 1e7 ? String(Number(x.toPrecision(4))) : x.toExponential(3);
}

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (cells: string[]) => cells.map((c, j) => c.padEnd(widths[j])).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** The fitted models X(t) = X0 + sum Xi exp(-ri t) of the mean series, one line per term. */
function fitTable(result: ExperimentResult): string {
  const rows: string[][] = [];
  for (const [series, fit] of Object.entries(result.fits!)) {
    if ('error' in fit) {
      rows.push([series, fit.of, '-', '-', '-', '-', '-', fit.error]);
      continue;
    }
    const note = fit.identifiable ? '' : `not identifiable: ${fit.reason}`;
    // Four decimals: a constant fitted to noise has R^2 = 0, not a rounding residue like -3e-14.
    const r2 = fit.r2 === null ? '-' : String(Number(fit.r2.toFixed(4)));
    rows.push([series, fit.of, String(fit.terms.length), num(fit.x0), '', '', r2, note]);
    for (const term of fit.terms) rows.push(['', '', '', '', num(term.amplitude), `${num(term.rate)} (1/r = ${num(1 / term.rate)} s)`, '', '']);
  }
  return table(['series', 'fitted', 'N', 'X0', 'Xi', 'ri /s', 'R^2', ''], rows);
}
