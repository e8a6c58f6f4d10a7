// The summary table: each simulated figure with its 95% CI, theory's value where a model
// applies, their difference, and whether theory falls inside the CI. Rows for features a
// scenario uses (a backlog's drain, autoscaling's cost, clients' timeouts and retries) appear
// only when it uses them, so a plain scenario's table stays as it was.
import type { PageResult } from '../worker/protocol.ts';
import type { MeanCI } from '../../sim/stats/meanCI.ts';
import { num } from '../views/common.ts';
import { el, fill } from './dom.ts';

interface Row {
  group: string;
  metric: string;
  unit: string;
  sim: MeanCI | number | null;
  theory: number | null;
  /** A count (a total over the replications): shown whole, not to four digits. */
  count?: boolean;
}

function resultField(r: unknown, key: string): number | null {
  const v = r !== null && typeof r === 'object' ? (r as Record<string, unknown>)[key] : undefined;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function summaryRows(res: PageResult): Row[] {
  const rows: Row[] = [];
  const { summary, theory, scenario } = res;
  for (const q of scenario.queues) {
    const s = summary.queues[q.id];
    const th = theory.queues[q.id];
    const r = th?.result ?? null;
    const group = `queue ${q.id} · ${th?.model === null || !th ? `no model${th && 'reason' in th ? ` (${th.reason})` : ''}` : (th.exact ? '' : '~') + th.model + (th.regime === 'long-run' ? ' (long run)' : '')}`;
    rows.push(
      { group, metric: 'Lq, mean waiting', unit: 'msgs', sim: s.meanLength, theory: resultField(r, 'Lq') },
      { group, metric: 'L, mean in system', unit: 'msgs', sim: s.meanInSystem, theory: resultField(r, 'L') },
      { group, metric: 'Wq, mean wait', unit: 's', sim: s.meanWait, theory: resultField(r, 'Wq') },
      { group, metric: 'W, mean sojourn', unit: 's', sim: s.meanSojourn, theory: resultField(r, 'W') },
      { group, metric: 'loss probability', unit: '', sim: s.lossProbability, theory: resultField(r, 'loss') },
      { group, metric: 'arrival rate', unit: '/s', sim: s.arrivalRate, theory: resultField(r, 'lambda') },
    );
    // A backlog at t = 0 (queues[].initial): its drain, simulated beside theory (exact where it applies, else B / (c mu - lambda)).
    if (s.drainTime) {
      const d = theory.drain?.[q.id];
      rows.push({ group, metric: 'drain time, until nothing waits', unit: 's', sim: s.drainTime, theory: d?.exact ?? d?.time ?? null });
      // The fluid estimate beside the exact one, and the fitted time constants of Q(t) (all queues).
      if (d && d.exact !== null && d.time !== null) rows.push({ group, metric: 'drain time, fluid B / (cμ − λ)', unit: 's', sim: s.drainTime, theory: d.time });
      const fit = res.fits?.Q;
      if (fit && !('error' in fit) && scenario.queues.length === 1) {
        fit.timeConstants.forEach((tau, i) => rows.push({ group, metric: `Q(t) fitted time constant τ${i + 1} = 1/r${i + 1}`, unit: 's', sim: tau, theory: null }));
      }
    }
  }
  for (const c of scenario.consumers) {
    const s = summary.consumers[c.id];
    const sharing = scenario.consumers.filter((o) => o.from === c.from).length;
    const r = sharing === 1 ? (theory.queues[c.from]?.result ?? null) : null;
    const group = `consumer ${c.id} (${c.count} × from ${c.from})`;
    rows.push(
      { group, metric: 'utilisation', unit: '', sim: s.utilization, theory: resultField(r, 'utilization') },
      { group, metric: 'throughput', unit: '/s', sim: s.throughput, theory: resultField(r, 'throughput') },
    );
    // An autoscaled group: what it cost (servers paid for over the window) and how it moved.
    if (c.autoscale) {
      rows.push(
        { group, metric: 'consumer-seconds (cost)', unit: 's', sim: s.consumerSeconds, theory: null },
        { group, metric: 'mean count', unit: 'servers', sim: s.meanCount, theory: null },
        { group, metric: 'scale changes', unit: 'per replication', sim: s.scaleChanges, theory: null },
        { group, metric: 'reversals (flapping)', unit: 'per replication', sim: s.reversals, theory: null },
      );
    }
  }
  const m = summary.messages;
  rows.push({ group: `messages · network ${theory.network.model ?? 'has no model'}`, metric: 'mean sojourn, first queue to last handled', unit: 's', sim: m.meanSojourn, theory: theory.network.W });
  const e = m.endToEnd;
  for (const [k, v] of [['end-to-end mean', e.mean], ['end-to-end p50', e.p50], ['end-to-end p95', e.p95], ['end-to-end p99', e.p99]] as const) {
    rows.push({ group: `messages · network ${theory.network.model ?? 'has no model'}`, metric: k, unit: 's', sim: v, theory: null });
  }
  // Clients that time out and retry: answers in time (goodput) against all answers, and the counts.
  if (scenario.producers.some((p) => p.timeout !== null)) {
    const group = 'requests · clients with a timeout';
    rows.push(
      { group, metric: 'goodput, answers in time', unit: '/s', sim: m.goodput, theory: null },
      { group, metric: 'throughput, all answers', unit: '/s', sim: m.throughput, theory: null },
    );
    for (const [k, label] of [['requests', 'requests'], ['retries', 'retries sent'], ['timedOut', 'attempts timed out'], ['gaveUp', 'requests given up'], ['wasted', 'wasted: answered after the client gave up']] as const) {
      rows.push({ group, metric: label, unit: 'all replications', sim: m[k], theory: null, count: true });
    }
  }
  return rows;
}

function simCell(v: MeanCI | number | null, count = false): string {
  if (v === null) return '–';
  if (typeof v === 'number') return count ? v.toLocaleString('en') : num(v);
  if (v.mean === null) return '–';
  return v.ci95 ? `${num(v.mean)} ± ${num((v.ci95[1] - v.ci95[0]) / 2)}` : num(v.mean);
}

/** Simulated minus theory, and whether theory lies in the 95% CI. An interval of width zero (every
 *  replication gave the same value, e.g. none saw a rare event that theory puts at 1e-62) measures
 *  no spread, so it can neither confirm nor refute theory: no verdict then. */
export function verdict(v: MeanCI | number | null, theory: number | null): { diff: string; within: string; cls: string } {
  const mean = v === null ? null : typeof v === 'number' ? v : v.mean;
  if (mean === null || theory === null) return { diff: '–', within: '', cls: '' };
  const d = mean - theory;
  const rel = theory !== 0 ? ` (${d >= 0 ? '+' : ''}${num((100 * d) / theory)}%)` : '';
  const ci = v !== null && typeof v === 'object' ? v.ci95 : null;
  if (!ci) return { diff: `${d >= 0 ? '+' : ''}${num(d)}${rel}`, within: 'no CI', cls: '' };
  const inside = theory >= ci[0] && theory <= ci[1];
  if (!inside && ci[0] === ci[1]) return { diff: `${d >= 0 ? '+' : ''}${num(d)}${rel}`, within: 'CI of width 0', cls: '' };
  return { diff: `${d >= 0 ? '+' : ''}${num(d)}${rel}`, within: inside ? '✓ in CI' : '✗ outside CI', cls: inside ? 'in' : 'out' };
}

export function renderSummary(root: HTMLElement, res: PageResult | null): void {
  if (!res) {
    fill(root, el('p', { class: 'empty', text: 'The summary appears when the run finishes.' }));
    return;
  }
  const table = el('table', { class: 'summary', id: 'summary-table' });
  table.append(
    el('caption', { text: `${res.summary.replications} replication${res.summary.replications > 1 ? 's' : ''} × ${num(res.scenario.horizon)} s, warm-up ${num(res.summary.warmup)} s, seed ${res.scenario.seed}. Simulated values: mean ± half-width of the 95% CI.` }),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'measure' }), el('th', { scope: 'col', text: 'simulated' }), el('th', { scope: 'col', text: 'theory' }), el('th', { scope: 'col', text: 'sim − theory' }), el('th', { scope: 'col', text: '' }))),
  );
  const body = el('tbody');
  let group = '';
  for (const r of summaryRows(res)) {
    if (r.group !== group) {
      group = r.group;
      body.append(el('tr', { class: 'group' }, el('th', { colspan: 5, scope: 'colgroup', text: group })));
    }
    const v = verdict(r.sim, r.theory);
    body.append(
      el(
        'tr',
        { 'data-metric': `${group}|${r.metric}` },
        el('th', { scope: 'row', text: r.metric + (r.unit ? ` (${r.unit.trim()})` : '') }),
        el('td', { class: 'num', text: simCell(r.sim, r.count) }),
        el('td', { class: 'num', text: r.theory === null ? '–' : num(r.theory) + '' }),
        el('td', { class: 'num', text: v.diff }),
        el('td', { class: `verdict ${v.cls}`, text: v.within }),
      ),
    );
  }
  table.append(body);
  const m = res.summary.messages;
  // Every total the core reports (the list grows with the engine), nonzero ones first.
  const counts = Object.entries(m).filter((e): e is [string, number] => typeof e[1] === 'number');
  const totals = el('p', {
    class: 'totals',
    text: 'Totals over all replications: ' + counts.filter(([, v]) => v !== 0).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ') +
      (counts.some(([, v]) => v === 0) ? `; zero: ${counts.filter(([, v]) => v === 0).map(([k]) => k).join(', ')}.` : '.'),
  });
  const warn = res.warnings.length > 0 ? el('ul', { class: 'warnings' }, ...res.warnings.map((w) => el('li', { text: `warning: ${w}` }))) : null;
  fill(root, warn, table, totals);
}
