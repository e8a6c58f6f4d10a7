// zod issues -> scenario problems whose messages say the rule and the offending value.
import * as z from 'zod';
import type { ScenarioProblem } from './problem.ts';
import { formatPath } from './problem.ts';
import { show } from './show.ts';

const NOUNS: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  string: 'a string',
  object: 'an object',
  array: 'a list',
  boolean: 'true or false',
  null: 'null',
};

const noun = (expected: string) => NOUNS[expected] ?? expected;

function typeMessage(expected: string, input: unknown): string {
  if (input === undefined) return `missing (expected ${noun(expected)})`;
  if (typeof input === 'number' && (expected === 'number' || expected === 'int')) {
    return Number.isFinite(input) ? `must be an integer (got ${input})` : `must be a finite number (got ${input})`;
  }
  return `must be ${noun(expected)} (got ${show(input)})`;
}

function sizeMessage(origin: string, bound: string, limit: number, input: unknown): string {
  if (origin === 'array' && Array.isArray(input)) {
    if (bound === '>=' && limit === 1) return 'must not be empty';
    if (bound === '<=' && limit === 0) return `must be empty (got ${show(input)})`;
    return `must have ${bound} ${limit} entries (got ${input.length})`;
  }
  if (origin === 'string' && bound === '>=' && limit === 1) return 'must not be empty';
  return `must be ${bound} ${limit} (got ${show(input)})`;
}

const SAFE_INT = 'must be a safe integer, between -(2^53 - 1) and 2^53 - 1';

/**
 * The messages of every zod issue, given per parse. Schemas with their own `error` win over it.
 * For unknown keys, the message has one line per key (with a suggestion); toProblems splits them.
 */
export const errorMap: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case 'invalid_type':
      return typeMessage(iss.expected, iss.input);
    case 'too_small':
      return sizeMessage(iss.origin, iss.inclusive ? '>=' : '>', Number(iss.minimum), iss.input);
    case 'too_big':
      if (iss.origin === 'int' && Number(iss.maximum) === Number.MAX_SAFE_INTEGER) {
        return `${SAFE_INT} (got ${show(iss.input)})`;
      }
      return sizeMessage(iss.origin, iss.inclusive ? '<=' : '<', Number(iss.maximum), iss.input);
    case 'invalid_value': {
      const values = iss.values.map(show);
      const rule = values.length === 1 ? values[0] : `one of ${values.join(', ')}`;
      if (iss.input === undefined) return `missing (expected ${rule})`;
      return `must be ${rule} (got ${show(iss.input)})`;
    }
    case 'unrecognized_keys':
      return iss.keys.map((key) => unknownField(key, knownKeys(iss.inst))).join('\n');
    case 'invalid_union':
      if ('discriminator' in iss && typeof iss.discriminator === 'string') {
        return discriminatorMessage(iss.discriminator, iss.input, (iss as { options?: unknown[] }).options);
      }
      return `does not match any allowed form (got ${show(iss.input)})`;
    default:
      return undefined;
  }
};

// { "dist": ... } and { "mode": ... } objects whose discriminator names no known form.
const KINDS: Record<string, string> = { dist: 'distribution' };

function discriminatorMessage(key: string, input: unknown, options: readonly unknown[] | undefined): string {
  const known = (options ?? []).map(String).join(', ');
  const name = (input as Record<string, unknown> | undefined)?.[key];
  if (name === undefined) return `missing (expected one of: ${known})`;
  return `unknown ${KINDS[key] ?? key} ${show(name)} (known: ${known})`;
}

function knownKeys(inst: unknown): string[] {
  const shape = (inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

function unknownField(key: string, known: string[]): string {
  const typos = key.length <= 2 ? 0 : key.length <= 4 ? 1 : 2; // short keys are near everything
  const near =
    known.find((k) => k.toLowerCase() === key.toLowerCase()) ?? known.find((k) => editDistance(k, key) <= typos);
  return near === undefined ? 'unknown field' : `unknown field (did you mean "${near}"?)`;
}

// Levenshtein distance, for "did you mean" hints.
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

// A union branch that failed only because the value has another type (or literal) altogether.
// A number does have the type of a number branch, even when it is NaN or not an integer.
const numberBranch = (i: z.core.$ZodIssue) =>
  i.code === 'invalid_type' && typeof i.input === 'number' && (i.expected === 'number' || i.expected === 'int');
const mismatched = (branch: readonly z.core.$ZodIssue[]) =>
  branch.every(
    (i) => i.path.length === 0 && (i.code === 'invalid_value' || (i.code === 'invalid_type' && !numberBranch(i))),
  );

/**
 * One problem per zod issue, except: unknown keys give one problem per key, and a union whose
 * value has the type of exactly one of its forms reports that form's own issues (so that
 * `{ "dist": "exponential", "rate": "x" }` says `rate: must be a number`, not "no form matches").
 */
export function toProblems(issues: readonly z.core.$ZodIssue[], base: PropertyKey[] = []): ScenarioProblem[] {
  return issues.flatMap((iss): ScenarioProblem[] => {
    const path = [...base, ...iss.path];
    if (iss.code === 'unrecognized_keys') {
      const lines = iss.message.split('\n');
      return iss.keys.map((key, i) => ({ path: formatPath([...path, key]), message: lines[i] ?? 'unknown field' }));
    }
    if (iss.code === 'invalid_union') {
      const candidates = iss.errors.filter((branch) => !mismatched(branch));
      if (candidates.length === 1) return toProblems(candidates[0], path);
    }
    return [{ path: formatPath(path), message: iss.message }];
  });
}
