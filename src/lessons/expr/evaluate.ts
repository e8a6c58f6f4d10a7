// Evaluates a parsed expression against named roots (summary, theory, replications, value, ...)
// and the theory functions. Values are numbers, strings, lists, objects (read with .field) and
// sampled series (a grid t and values y, combined point by point by + - * /).
import type { Expr } from './parse.ts';

/** A series on a time grid: what replications.series.Q and friends are. */
export class Sampled {
  constructor(
    readonly t: ArrayLike<number>,
    readonly y: ArrayLike<number>,
  ) {}
}

export class ExprEvalError extends Error {}

/** A function callable from a lesson expression. */
export interface ExprFunction {
  /** e.g. "mm1(lambda, mu)": shown in errors and in the lab. */
  signature: string;
  /** One line: what it computes (and the source, where it is a formula). */
  doc: string;
  /** Number of arguments: exactly, or [min, max]. */
  arity: number | [number, number];
  call(args: unknown[]): unknown;
}

export interface Scope {
  roots: Record<string, unknown>;
  functions: Record<string, ExprFunction>;
}

/** The expression as text (for messages). */
export function show(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return String(e.value);
    case 'string':
      return JSON.stringify(e.value);
    case 'name':
      return e.name;
    case 'member':
      return /^[A-Za-z_][A-Za-z0-9_]*$|^\d+$/.test(e.key) ? `${show(e.object)}.${e.key}` : `${show(e.object)}[${JSON.stringify(e.key)}]`;
    case 'index':
      return `${show(e.object)}[${show(e.index)}]`;
    case 'call':
      return `${e.callee}(${e.args.map(show).join(', ')})`;
    case 'list':
      return `[${e.items.map(show).join(', ')}]`;
    case 'negate':
      return `-${wrap(e.arg)}`;
    case 'binary':
      return `${wrap(e.left)} ${e.op} ${wrap(e.right)}`;
  }
}

function wrap(e: Expr): string {
  return e.kind === 'binary' ? `(${show(e)})` : show(e);
}

export function isMeanCI(x: unknown): x is { mean: number | null; ci95: [number, number] | null } {
  return typeof x === 'object' && x !== null && 'mean' in x && 'ci95' in x && Object.keys(x).length === 2;
}

export function evaluate(e: Expr, scope: Scope): unknown {
  switch (e.kind) {
    case 'number':
    case 'string':
      return e.value;
    case 'name': {
      if (!Object.prototype.hasOwnProperty.call(scope.roots, e.name)) {
        throw new ExprEvalError(`${e.name} is not available here (available: ${Object.keys(scope.roots).join(', ')})`);
      }
      return scope.roots[e.name];
    }
    case 'member':
      return member(evaluate(e.object, scope), e.key, e.object);
    case 'index': {
      const key = evaluate(e.index, scope);
      if (typeof key !== 'number' && typeof key !== 'string') {
        throw new ExprEvalError(`${show(e.index)} must be a number or a string to index ${show(e.object)}`);
      }
      return member(evaluate(e.object, scope), String(key), e.object);
    }
    case 'call': {
      const f = scope.functions[e.callee];
      if (!f) throw new ExprEvalError(`unknown function ${e.callee}`);
      const [min, max] = typeof f.arity === 'number' ? [f.arity, f.arity] : f.arity;
      if (e.args.length < min || e.args.length > max) {
        throw new ExprEvalError(`${f.signature} takes ${min === max ? min : `${min} to ${max}`} arguments, got ${e.args.length}`);
      }
      const args = e.args.map((a) => evaluate(a, scope));
      try {
        return f.call(args);
      } catch (err) {
        throw new ExprEvalError(`${show(e)}: ${(err as Error).message}`);
      }
    }
    case 'list':
      return e.items.map((x) => evaluate(x, scope));
    case 'negate':
      return arithmetic('*', -1, evaluate(e.arg, scope), e);
    case 'binary':
      return arithmetic(e.op, evaluate(e.left, scope), evaluate(e.right, scope), e);
  }
}

function member(object: unknown, key: string, of: Expr): unknown {
  if (object instanceof Sampled) {
    throw new ExprEvalError(`${show(of)} is a series: read it with at(series, t) or avg(series, from, to)`);
  }
  if (Array.isArray(object) || ArrayBuffer.isView(object)) {
    const list = object as ArrayLike<unknown>;
    const i = Number(key);
    if (!Number.isInteger(i) || i < 0 || i >= list.length) {
      throw new ExprEvalError(`${show(of)} has no element [${key}] (it has ${list.length})`);
    }
    return list[i];
  }
  if (typeof object !== 'object' || object === null) {
    throw new ExprEvalError(`${show(of)} is ${object === null ? 'null' : `a ${typeof object}`}, it has no field ${key}`);
  }
  if (!Object.prototype.hasOwnProperty.call(object, key)) {
    const keys = Object.keys(object);
    const some = keys.slice(0, 12).join(', ') + (keys.length > 12 ? ', ...' : '');
    throw new ExprEvalError(`${show(of)} has no field ${key} (it has: ${some})`);
  }
  return (object as Record<string, unknown>)[key];
}

function operand(x: unknown, e: Expr): number | Sampled {
  if (typeof x === 'number') return x;
  if (x instanceof Sampled) return x;
  if (isMeanCI(x)) {
    throw new ExprEvalError(
      `${show(e)}: a mean with a confidence interval cannot enter arithmetic; compute with the per-replication values (replications.*) instead`,
    );
  }
  throw new ExprEvalError(`${show(e)}: arithmetic needs numbers, got ${x === null ? 'null' : Array.isArray(x) ? 'a list' : typeof x}`);
}

function apply(op: string, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    default:
      return a ** b;
  }
}

function arithmetic(op: string, left: unknown, right: unknown, e: Expr): number | Sampled {
  const sides = e.kind === 'binary' ? [e.left, e.right] : [e, e];
  const a = operand(left, sides[0]);
  const b = operand(right, sides[1]);
  if (typeof a === 'number' && typeof b === 'number') return apply(op, a, b);
  const grid = (a instanceof Sampled ? a : (b as Sampled)).t;
  const n = grid.length;
  if (a instanceof Sampled && b instanceof Sampled && a.y.length !== b.y.length) {
    throw new ExprEvalError(`${show(e)}: the series have different lengths (${a.y.length} and ${b.y.length})`);
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = apply(op, typeof a === 'number' ? a : a.y[i], typeof b === 'number' ? b : b.y[i]);
  }
  return new Sampled(grid, y);
}
