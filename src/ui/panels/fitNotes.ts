// The line under a fit's table: R², RMSE, convergence, identifiability and the fitter's warnings,
// readable: R² to 4 decimals (a constant model's R² is 0, not "-2.887e-15"), and the candidates
// that were skipped for one same reason named once ("the 1-, 2- and 3-term candidates were
// skipped, ...") instead of the reason printed once per candidate.
import { num } from '../views/common.ts';

export interface FitNoteInput {
  r2: number | null;
  rmse: number;
  converged: boolean;
  message?: string;
  identifiable: boolean;
  reason?: string | null;
  warnings: string[];
}

export function r2Text(r2: number | null): string {
  if (r2 === null) return '–';
  const r = Number(r2.toFixed(4));
  return String(r === 0 ? 0 : r); // no "-0"
}

const SKIPPED = /^the (\d+)-term candidate was (.*)$/;

/** "1", "1 and 2", "1, 2 and 3" */
function series(ns: string[]): string {
  return ns.length === 1 ? ns[0] : `${ns.slice(0, -1).join(', ')} and ${ns[ns.length - 1]}`;
}

/** The warnings with the candidates that share a decision grouped, in first-seen order. */
export function groupWarnings(warnings: readonly string[]): string[] {
  const groups = new Map<string, string[]>();
  const out: (string | { decision: string })[] = [];
  for (const w of warnings) {
    const m = SKIPPED.exec(w);
    if (!m) {
      out.push(w);
      continue;
    }
    const [, n, decision] = m;
    if (!groups.has(decision)) {
      groups.set(decision, []);
      out.push({ decision });
    }
    groups.get(decision)!.push(n);
  }
  return out.map((o) => {
    if (typeof o === 'string') return o;
    const ns = groups.get(o.decision)!;
    if (ns.length === 1) return `the ${ns[0]}-term candidate was ${o.decision}`;
    const names = ns.map((n, i) => (i < ns.length - 1 ? `${n}-` : n)); // "1-, 2- and 3"-term
    return `the ${series(names)}-term candidates were ${o.decision}`;
  });
}

export function fitNotes(f: FitNoteInput): string[] {
  return [
    `R² ${r2Text(f.r2)}`,
    `RMSE ${num(f.rmse)}`,
    f.converged ? 'converged' : `not converged: ${f.message}`,
    f.identifiable ? null : `not identifiable: ${f.reason}`,
    ...groupWarnings(f.warnings),
  ].filter((s): s is string => s !== null);
}
