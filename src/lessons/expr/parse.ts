// The small expression language of lesson checks: numbers, + - * / ^, parentheses, lists
// [a, b], paths into the result (summary.queues.q.meanWait, classes.0, queues["id-with-dash"]),
// and calls of the theory functions (mm1(0.9, 1).Wq). Parsed once, when the lesson is read.

export type BinaryOp = '+' | '-' | '*' | '/' | '^';

export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'name'; name: string }
  | { kind: 'member'; object: Expr; key: string }
  | { kind: 'index'; object: Expr; index: Expr }
  | { kind: 'call'; callee: string; args: Expr[] }
  | { kind: 'list'; items: Expr[] }
  | { kind: 'negate'; arg: Expr }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr };

export class ExprSyntaxError extends Error {}

type Token =
  | { type: 'number'; value: number; at: number }
  | { type: 'string'; value: string; at: number }
  | { type: 'name'; value: string; at: number }
  | { type: 'segment'; value: string; at: number } // the part after a '.'
  | { type: 'op'; value: string; at: number }
  | { type: 'end'; at: number };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const valueEnds = () => {
    const last = tokens[tokens.length - 1];
    return last !== undefined && (last.type !== 'op' || last.value === ')' || last.value === ']');
  };
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const rest = text.slice(i);
    if (c === '.' && valueEnds()) {
      const m = /^\.\s*([A-Za-z0-9_]+)/.exec(rest);
      if (!m) throw new ExprSyntaxError(`expected a field name after "." at position ${i + 1}`);
      tokens.push({ type: 'segment', value: m[1], at: i });
      i += m[0].length;
      continue;
    }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(rest);
    if (num) {
      tokens.push({ type: 'number', value: Number(num[0]), at: i });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (name) {
      tokens.push({ type: 'name', value: name[0], at: i });
      i += name[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end < 0) throw new ExprSyntaxError(`unclosed quote at position ${i + 1}`);
      tokens.push({ type: 'string', value: text.slice(i + 1, end), at: i });
      i = end + 1;
      continue;
    }
    if ('+-*/^()[],'.includes(c)) {
      tokens.push({ type: 'op', value: c, at: i });
      i++;
      continue;
    }
    throw new ExprSyntaxError(`unexpected "${c}" at position ${i + 1}`);
  }
  tokens.push({ type: 'end', at: text.length });
  return tokens;
}

/** Parses an expression; throws an ExprSyntaxError saying what and where. */
export function parseExpr(text: string): Expr {
  if (text.trim() === '') throw new ExprSyntaxError('empty expression');
  const tokens = tokenize(text);
  let k = 0;
  const peek = () => tokens[k];
  const isOp = (v: string) => {
    const t = tokens[k];
    return t.type === 'op' && t.value === v;
  };
  const describe = (t: Token) => (t.type === 'end' ? 'the end' : `"${'value' in t ? t.value : ''}" at position ${t.at + 1}`);
  const expect = (v: string) => {
    if (!isOp(v)) throw new ExprSyntaxError(`expected "${v}" but found ${describe(peek())}`);
    k++;
  };

  function sum(): Expr {
    let left = product();
    while (isOp('+') || isOp('-')) {
      const op = (tokens[k++] as { value: string }).value as BinaryOp;
      left = { kind: 'binary', op, left, right: product() };
    }
    return left;
  }
  function product(): Expr {
    let left = unary();
    while (isOp('*') || isOp('/')) {
      const op = (tokens[k++] as { value: string }).value as BinaryOp;
      left = { kind: 'binary', op, left, right: unary() };
    }
    return left;
  }
  function unary(): Expr {
    if (isOp('-')) {
      k++;
      return { kind: 'negate', arg: unary() };
    }
    if (isOp('+')) {
      k++;
      return unary();
    }
    return power();
  }
  function power(): Expr {
    const base = postfix();
    if (isOp('^')) {
      k++;
      return { kind: 'binary', op: '^', left: base, right: unary() }; // right-associative
    }
    return base;
  }
  function postfix(): Expr {
    let e = primary();
    for (;;) {
      const t = peek();
      if (t.type === 'segment') {
        k++;
        e = { kind: 'member', object: e, key: t.value };
      } else if (isOp('[')) {
        k++;
        const index = sum();
        expect(']');
        e = index.kind === 'string' || index.kind === 'number' ? { kind: 'member', object: e, key: String(index.value) } : { kind: 'index', object: e, index };
      } else return e;
    }
  }
  function list(close: string): Expr[] {
    const items: Expr[] = [];
    if (isOp(close)) {
      k++;
      return items;
    }
    for (;;) {
      items.push(sum());
      if (isOp(close)) {
        k++;
        return items;
      }
      if (!isOp(',')) throw new ExprSyntaxError(`expected "," or "${close}" but found ${describe(peek())}`);
      k++;
    }
  }
  function primary(): Expr {
    const t = peek();
    k++;
    if (t.type === 'number') return { kind: 'number', value: t.value };
    if (t.type === 'string') return { kind: 'string', value: t.value };
    if (t.type === 'name') {
      if (isOp('(')) {
        k++;
        return { kind: 'call', callee: t.value, args: list(')') };
      }
      return { kind: 'name', name: t.value };
    }
    if (t.type === 'op' && t.value === '(') {
      const e = sum();
      expect(')');
      return e;
    }
    if (t.type === 'op' && t.value === '[') return { kind: 'list', items: list(']') };
    throw new ExprSyntaxError(`expected a number, a name or "(" but found ${describe(t)}`);
  }

  const e = sum();
  if (peek().type !== 'end') throw new ExprSyntaxError(`unexpected ${describe(peek())}`);
  return e;
}

/** The root names an expression reads (summary, replications, value, ...), functions excluded. */
export function rootNames(e: Expr, into = new Set<string>()): Set<string> {
  switch (e.kind) {
    case 'name':
      into.add(e.name);
      break;
    case 'member':
      rootNames(e.object, into);
      break;
    case 'index':
      rootNames(e.object, into);
      rootNames(e.index, into);
      break;
    case 'call':
      e.args.forEach((a) => rootNames(a, into));
      break;
    case 'list':
      e.items.forEach((a) => rootNames(a, into));
      break;
    case 'negate':
      rootNames(e.arg, into);
      break;
    case 'binary':
      rootNames(e.left, into);
      rootNames(e.right, into);
      break;
  }
  return into;
}

/** The functions an expression calls. */
export function calledFunctions(e: Expr, into = new Set<string>()): Set<string> {
  const walk = (x: Expr): void => {
    if (x.kind === 'call') {
      into.add(x.callee);
      x.args.forEach(walk);
    } else if (x.kind === 'member') walk(x.object);
    else if (x.kind === 'index') {
      walk(x.object);
      walk(x.index);
    } else if (x.kind === 'list') x.items.forEach(walk);
    else if (x.kind === 'negate') walk(x.arg);
    else if (x.kind === 'binary') {
      walk(x.left);
      walk(x.right);
    }
  };
  walk(e);
  return into;
}

/** True when the expression is a plain path: a root name followed by fields. */
export function isPath(e: Expr): boolean {
  if (e.kind === 'name') return true;
  if (e.kind === 'member') return isPath(e.object);
  return false;
}
