// A lesson run as plain JSON (what `npm run lesson -- --json` prints) and as a text table.
import type { MeanCI } from '../sim/stats/meanCI.ts';
import type { ParamValue } from '../sim/sweep/values.ts';
import { fmt, type CheckOutcome } from './checks.ts';
import type { LessonRun } from './run.ts';

export interface LessonReport {
  id: string;
  title: string;
  question: string | null;
  path: string | null;
  passed: boolean;
  /** Each run: the scenario (id, file), the varied parameter's value, and its warnings. */
  points: { scenario: string; file: string; value: ParamValue | null; replications: number; horizon: number; warmup: number; warnings: string[] }[];
  /** Group fits of Q(t): each parameter's mean over the groups with its 95% CI. */
  fits: { scenario: string; value: ParamValue | null; queue: string | null; from: number; to: number; groups: number; x0: MeanCI; rates: MeanCI[]; timeConstants: MeanCI[] }[];
  checks: CheckOutcome[];
}

const finite = (x: number | null) => (x === null || Number.isFinite(x) ? x : null);
const clean = (m: MeanCI): MeanCI => ({ mean: finite(m.mean), ci95: m.ci95 && m.ci95.every(Number.isFinite) ? m.ci95 : null });

export function lessonReport(run: LessonRun): LessonReport {
  const { lesson } = run;
  const file = (id: string) => lesson.scenarios.find((s) => s.id === id)!.path;
  return {
    id: lesson.id,
    title: lesson.title,
    question: lesson.question,
    path: lesson.path,
    passed: run.passed,
    points: run.observations.map((o) => ({
      scenario: o.scenario,
      file: file(o.scenario),
      value: o.value,
      replications: o.result.summary.replications,
      horizon: o.result.scenario.horizon,
      warmup: o.result.summary.warmup,
      warnings: o.result.warnings,
    })),
    fits: run.observations
      .filter((o) => o.fit !== null)
      .map((o) => {
        const f = o.fit!;
        return {
          scenario: o.scenario,
          value: o.value,
          queue: f.spec.queue,
          from: f.spec.from,
          to: f.spec.to,
          groups: f.spec.groups,
          x0: clean(f.x0),
          rates: f.rates.map(clean),
          timeConstants: f.timeConstants.map(clean),
        };
      }),
    checks: run.outcomes.map((c) => ({
      ...c,
      simulated: { ...c.simulated, mean: finite(c.simulated.mean) },
      theory: finite(c.theory),
      difference: finite(c.difference),
    })),
  };
}

function pm(m: { mean: number | null; ci95: [number, number] | null }): string {
  if (m.mean === null) return '-';
  if (m.ci95 === null) return fmt(m.mean);
  return `${fmt(m.mean)} ± ${fmt((m.ci95[1] - m.ci95[0]) / 2)}`;
}

const VERDICT: Record<CheckOutcome['verdict'], string> = { pass: 'pass', fail: 'FAIL', shown: 'shown', error: 'ERROR' };

function relation(c: CheckOutcome): string {
  return c.reference.kind === 'below' ? '<' : c.reference.kind === 'above' ? '>' : '';
}

/** Columns padded to their widest cell. */
function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  return rows.map((r) => r.map((cell, j) => (j === r.length - 1 ? cell : cell.padEnd(widths[j]))).join('  ').trimEnd());
}

/** The report as text: title, runs, fits, one line per check, and a tally. */
export function formatReport(r: LessonReport): string {
  const lines = [`${r.id}: ${r.title}`];
  if (r.question) lines.push(`  ${r.question}`);
  const byScenario = new Map<string, LessonReport['points']>();
  for (const p of r.points) byScenario.set(p.scenario, [...(byScenario.get(p.scenario) ?? []), p]);
  for (const [id, ps] of byScenario) {
    const p = ps[0];
    const values = ps.length > 1 || p.value !== null ? `, at ${ps.map((x) => JSON.stringify(x.value)).join(', ')}` : '';
    lines.push(`  ${id === 'main' ? 'scenario' : id}: ${p.file} (${p.replications} x ${fmt(p.horizon)} s, warm-up ${fmt(p.warmup)} s${values})`);
    const warnings = [...new Set(ps.flatMap((x) => x.warnings))];
    for (const w of warnings.slice(0, 3)) lines.push(`    warning: ${w}`);
    if (warnings.length > 3) lines.push(`    (and ${warnings.length - 3} more warnings)`);
  }
  for (const f of r.fits) {
    const at = f.value === null ? '' : ` at ${JSON.stringify(f.value)}`;
    const rates = f.rates.map((m) => pm(m)).join(', ');
    lines.push(`  fit of Q${f.queue ? `(${f.queue})` : ''} on [${fmt(f.from)}, ${fmt(f.to)}] s${at}, ${f.groups} groups: x0 ${pm(f.x0)}; rates /s ${rates}`);
  }
  const multi = new Set(r.checks.map((c) => c.scenario)).size > 1;
  const varied = r.checks.some((c) => c.value !== null);
  const header = ['check', ...(multi ? ['scenario'] : []), ...(varied ? ['at'] : []), 'simulated (95% CI)', 'reference', 'verdict'];
  const rows = r.checks.map((c) => [
    c.label,
    ...(multi ? [c.scenario] : []),
    ...(varied ? [c.value === null ? '' : String(c.value)] : []),
    pm(c.simulated),
    `${relation(c)}${relation(c) ? ' ' : ''}${fmt(c.theory)}${c.reference.kind === 'expect' ? ' (expected)' : c.reference.kind === 'theory' ? '' : ' (bound)'}`,
    VERDICT[c.verdict] + (c.verdict === 'error' || c.verdict === 'fail' ? `: ${c.reason}` : ''),
  ]);
  lines.push(...table([header, ...rows]).map((l) => `  ${l}`));
  const count = (v: CheckOutcome['verdict']) => r.checks.filter((c) => c.verdict === v).length;
  const judged = r.checks.length - count('shown');
  const tally = [`${count('pass')} of ${judged} pass`];
  if (count('fail') > 0) tally.push(`${count('fail')} fail`);
  if (count('error') > 0) tally.push(`${count('error')} error`);
  if (count('shown') > 0) tally.push(`${count('shown')} shown`);
  lines.push(`  ${tally.join(', ')}`);
  return lines.join('\n');
}
