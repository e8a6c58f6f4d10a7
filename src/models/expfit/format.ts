// A fit as a plain-text table for people (the CLIs print it; --json prints the object).

import type { FitResult } from './result.ts';

export function formatFit(fit: FitResult): string {
  const lines: string[] = [];
  const N = fit.terms.length;
  const form = fit.constant ? 'x0 + sum Xi exp(-ri t)' : 'sum Xi exp(-ri t)';
  const constraint = fit.initial === null ? '' : `, constrained to X(0) = ${g(fit.initial)}`;
  lines.push(`X(t) = ${form}: ${N} term${N === 1 ? '' : 's'}${fit.constant ? '' : ', no constant'}${constraint}`);
  lines.push('');
  const rows: string[][] = [['parameter', 'value', 'stderr']];
  rows.push(['x0', g(fit.x0), fit.constant ? se(fit.stderr.x0) : 'fixed at 0']);
  fit.terms.forEach((term, i) => {
    rows.push([`X${i + 1}`, g(term.amplitude), se(fit.stderr.terms[i].amplitude)]);
    rows.push([`r${i + 1}`, g(term.rate), se(fit.stderr.terms[i].rate)]);
  });
  lines.push(...table(rows));
  if (N > 0) {
    lines.push('');
    lines.push(
      ...table([
        ['term', 'rate r', 'time constant 1/r', 'half-life ln2/r'],
        ...fit.terms.map((term, i) => [String(i + 1), g(term.rate), g(fit.timeConstants[i]), g(fit.halfLives[i])]),
      ]),
    );
  }
  lines.push('');
  // R^2 to eight decimals: a constant fitted to noise has R^2 = 0, not a residue like -4.4e-16.
  const r2 = fit.r2 === null ? 'n/a' : g(Number(fit.r2.toFixed(8)) || 0);
  lines.push(`R^2 = ${r2}   RMSE = ${g(fit.rmse)}   SSE = ${g(fit.sse)}`);
  lines.push(`AIC = ${fit.aic.toFixed(2)}   BIC = ${fit.bic.toFixed(2)}   n = ${fit.n}   parameters = ${fit.parameters}   dof = ${fit.dof}`);
  lines.push(
    `converged: ${fit.converged ? 'yes' : 'NO'} after ${fit.iterations} iteration${fit.iterations === 1 ? '' : 's'} (${fit.stopReason}: ${fit.message})`,
  );
  lines.push(`identifiable: ${fit.identifiable ? 'yes' : `NO: ${fit.reason}`}`);
  for (const w of fit.warnings) lines.push(`warning: ${w}`);
  if (fit.selection) {
    lines.push('');
    lines.push('auto selection (F-test at 1% and BIC, identifiable terms only):');
    lines.push(
      ...table([
        ['terms', 'SSE', 'BIC', 'p-value', 'decision'],
        ...fit.selection.map((s) => [
          String(s.terms),
          s.sse === null ? '-' : g(s.sse),
          s.bic === null ? '-' : s.bic.toFixed(2),
          s.pValue === null ? '-' : s.pValue.toPrecision(3),
          s.decision,
        ]),
      ]),
    );
  }
  return lines.join('\n');
}

function g(x: number): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e-4 && a < 1e7 ? Number(x.toPrecision(8)).toString() : x.toExponential(7);
}

function se(x: number | null): string {
  return x === null ? 'n/a' : `± ${Number(x.toPrecision(3)).toString()}`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => (j < r.length - 1 ? r[j].length : 0))));
  return rows.map((r) => r.map((cell, j) => (j < r.length - 1 ? cell.padEnd(widths[j]) : cell)).join('  ').trimEnd());
}
