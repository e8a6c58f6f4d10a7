// `npm run plan -- FILE --vary PATH --target "METRIC < X" [--min A --max B] [--direction up|down]
//  [--step S | --continuous] [--tolerance T] [--replications N] [--seed N] [--horizon S]
//  [--max-probes N] [--workers N] [--json] [--quiet]`
// A thin shell: read the scenario file and the flags, run the goal seek (src/models/plan) with
// replications in worker threads, print the evidence and the answer. Exit 0: answered; 1: the
// target is not met anywhere in the range; 2: bad input.
import { ignoreClosedStdout } from './closedPipe.ts';
import { badInput, readCommandLine } from './args.ts';
import { parseParamPath } from '../sim/sweep/paramPath.ts';
import { readScenarioJson, UsageError } from './loadScenario.ts';
import { defaultWorkers, parseWorkers, withRunner } from './parallel/pool.ts';
import type { PlanResult, Target, Tried } from '../models/plan/index.ts';

const usage =
  'usage: npm run plan -- FILE --vary PATH --target "METRIC < X" [--min A --max B] [--direction up|down] ' +
  '[--step S | --continuous] [--tolerance T] [--replications N] [--seed N] [--horizon S] [--max-probes N] [--workers N] [--json] [--quiet]';

async function main(argv: string[]): Promise<number> {
  const args = readCommandLine(
    argv,
    {
      vary: { type: 'string' },
      target: { type: 'string' },
      min: { type: 'string' },
      max: { type: 'string' },
      direction: { type: 'string' },
      step: { type: 'string' },
      continuous: { type: 'boolean', default: false },
      tolerance: { type: 'string' },
      'max-probes': { type: 'string' },
      seed: { type: 'string' },
      replications: { type: 'string' },
      horizon: { type: 'string' },
      workers: { type: 'string' },
      json: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
    usage,
    { count: 'one', what: 'scenario file' },
  );
  if (typeof args === 'number') return args;
  const v = args.values;
  const file = args.positionals[0];
  const problems: string[] = [];
  const number = (flag: string, text: string | undefined, rule: (x: number) => boolean, ruleText: string): number | undefined => {
    if (text === undefined) return undefined;
    const x = Number(text);
    if (text.trim() === '' || !Number.isFinite(x) || !rule(x)) {
      problems.push(`--${flag}: must be ${ruleText} (got "${text}")`);
      return undefined;
    }
    return x;
  };
  const any = () => true;
  const min = number('min', v.min, any, 'a number');
  const max = number('max', v.max, any, 'a number');
  const step = number('step', v.step, (x) => x > 0, 'a number > 0');
  const tolerance = number('tolerance', v.tolerance, (x) => x > 0, 'a number > 0');
  const maxProbes = number('max-probes', v['max-probes'], (x) => Number.isInteger(x) && x >= 2, 'a whole number >= 2');
  if (v.step !== undefined && v.continuous) problems.push('--step and --continuous: give one of them');
  if (v.direction !== undefined && v.direction !== 'up' && v.direction !== 'down') {
    problems.push(`--direction: must be up (the metric improves as the value grows) or down (got "${v.direction}")`);
  }
  if (v.vary === undefined) problems.push('--vary: give the parameter to vary, e.g. --vary consumers[0].count');
  else {
    try {
      parseParamPath(v.vary);
    } catch (err) {
      problems.push(`--vary ${(err as Error).message}`);
    }
  }
  let target: Target | undefined;
  const { parseTarget } = await import('../models/plan/target.ts');
  if (v.target === undefined) problems.push('--target: give the goal, e.g. --target "summary.messages.endToEnd.p99 < 2"');
  else {
    try {
      target = parseTarget(v.target);
    } catch (err) {
      problems.push(`--target ${(err as Error).message}`);
    }
  }
  const workers = parseWorkers(v.workers);
  if (typeof workers === 'string') problems.push(workers);
  let base: unknown = null;
  try {
    const read = readScenarioJson(file, { seed: v.seed, replications: v.replications, horizon: v.horizon });
    base = read.raw;
    problems.push(...read.flagErrors);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    problems.push(...err.lines);
  }
  if (problems.length > 0 || target === undefined || v.vary === undefined) return badInput(problems);

  // Loaded only once the input is good (as in sim.ts).
  const { plan, PlanInputError } = await import('../models/plan/plan.ts');
  const { planJson } = await import('../models/plan/json.ts');
  const threads = typeof workers === 'number' ? workers : defaultWorkers();
  const report = (t: Tried) => {
    if (!v.quiet) process.stderr.write(`tried ${v.vary} = ${t.value}: ${metricText(t)}${t.meets ? ' meets' : ''}\n`);
  };
  let result: PlanResult;
  try {
    const request = {
      base,
      vary: v.vary,
      target,
      min,
      max,
      direction: v.direction as 'up' | 'down' | undefined,
      step: v.continuous ? null : step,
      tolerance,
      maxProbes,
    };
    result = await withRunner(threads, (run) => plan(request, run, report));
  } catch (err) {
    if (err instanceof PlanInputError) return badInput(err.lines.map((l) => (l.startsWith('--') ? l : `${file}: ${l}`)));
    throw err;
  }
  if (v.json) process.stdout.write(planJson(result));
  else process.stdout.write(planTable(result));
  if (result.value === null) {
    process.stderr.write(`${result.reason}\n`);
    return 1;
  }
  return 0;
}

const fmt = (x: number | null | undefined) => (x === null || x === undefined ? '-' : Number.isFinite(x) ? String(Number(x.toPrecision(4))) : 'unstable');

function metricText(t: Tried): string {
  const ci = t.metric.ci95;
  return `${fmt(t.metric.mean)} ${ci ? `[${fmt(ci[0])}, ${fmt(ci[1])}]` : '(no CI)'}`;
}

function planTable(r: PlanResult): string {
  const lines: string[] = [];
  const grid = r.step === null ? `continuous to ${fmt(r.tolerance)}` : r.step === 1 ? 'integers' : `steps of ${r.step}`;
  lines.push(`goal: ${r.target.metric} ${r.target.op} ${r.target.threshold} with 95% confidence, varying ${r.vary} over [${r.range.min}, ${r.range.max}] (${grid})`);
  lines.push(`direction: ${r.direction === 'up' ? 'larger values help' : 'smaller values help'} (from ${r.directionFrom})`);
  lines.push(`confidence: ${r.confidence}`);
  if (r.theory) lines.push(`${r.theory.note}${r.theory.value === null ? '' : `: ${r.theory.value}`}`);
  lines.push('');
  const rows = [['value', 'metric (sim)', '95% CI', 'theory', 'meets'], ...r.tried.map((t) => [
    String(t.value),
    fmt(t.metric.mean),
    t.metric.ci95 ? `[${fmt(t.metric.ci95[0])}, ${fmt(t.metric.ci95[1])}]` : '-',
    fmt(t.theory),
    t.meets ? 'yes' : 'no',
  ])];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const row of rows) lines.push(row.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
  lines.push('');
  if (r.value !== null) lines.push(`answer: ${r.vary} = ${r.value}${r.converged ? '' : ' (probe budget spent: the bracket did not close)'}`);
  else lines.push('answer: none in range');
  return lines.join('\n') + '\n';
}

ignoreClosedStdout();
process.exitCode = await main(process.argv.slice(2));
