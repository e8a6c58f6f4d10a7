import { describe, expect, it } from 'vitest';
import { evaluate, ExprEvalError, Sampled, show, type Scope } from '../../src/lessons/expr/evaluate.ts';
import { ExprSyntaxError, isPath, parseExpr, rootNames } from '../../src/lessons/expr/parse.ts';
import { functions } from '../../src/lessons/functions.ts';

const scope = (roots: Record<string, unknown>): Scope => ({ roots, functions });
const value = (text: string, roots: Record<string, unknown> = {}) => evaluate(parseExpr(text), scope(roots));

describe('parseExpr(text) and evaluate(expr, scope)', () => {
  it('follows the usual precedence: ^ (right-associative) over unary minus over * / over + -', () => {
    expect(value('1 + 2 * 3')).toBe(7);
    expect(value('(1 + 2) * 3')).toBe(9);
    expect(value('2 ^ 3 ^ 2')).toBe(512);
    expect(value('-2 ^ 2')).toBe(-4);
    expect(value('10 / 4 - 1')).toBe(1.5);
    expect(value('1e-3 * 2')).toBe(0.002);
  });

  it('reads paths: fields, numeric fields, ["quoted"] ids and computed indices', () => {
    const roots = { summary: { queues: { 'a-b': { meanWait: { mean: 2, ci95: [1, 3] } } }, classes: { '0': { w: 5 } } }, value: 1 };
    expect(value('summary.queues["a-b"].meanWait', roots)).toEqual({ mean: 2, ci95: [1, 3] });
    expect(value('summary.classes.0.w', roots)).toBe(5);
    expect(value('[10, 20, 30][value]', roots)).toBe(20);
  });

  it('calls the theory functions and reads fields of their results', () => {
    expect(value('mm1(0.9, 1).Wq')).toBeCloseTo(9, 12);
    expect(value('mmcPriority([0.5, 0.3], 1, 1).classes[1].Wq')).toBeCloseTo(8, 12);
    expect(value('sqrt(16) + max(1, 2)')).toBe(6);
  });

  it('combines series point by point, and at / avg read them on their grid', () => {
    const roots = { s: { P: new Sampled([0, 1, 2], [0, 5, 9]), C: new Sampled([0, 1, 2], [0, 3, 8]) } };
    const gap = value('s.P - s.C', roots) as Sampled;
    expect(Array.from(gap.y)).toEqual([0, 2, 1]);
    expect(value('at(s.P - s.C, 1)', roots)).toBe(2);
    expect(value('avg(s.P, 1, 2)', roots)).toBe(7);
    expect(value('firstAtOrBelow(s.P - s.C, 1, 1)', roots)).toBe(2);
    expect(() => value('at(s.P, 1.5)', roots)).toThrow('t = 1.5 is not on the series\' sample grid');
  });

  it('says what is wrong, with the expression', () => {
    expect(() => parseExpr('1 +')).toThrow(ExprSyntaxError);
    expect(() => parseExpr('mm1(0.9 1)')).toThrow('expected "," or ")" but found "1" at position 9');
    expect(() => parseExpr('a.')).toThrow('expected a field name after "." at position 2');
    expect(() => value('x.y', { x: { z: 1 } })).toThrow('x has no field y (it has: z)');
    expect(() => value('nope')).toThrow('nope is not available here');
    expect(() => value('mm1(1)')).toThrow('mm1(lambda, mu) takes 2 arguments, got 1');
    expect(() => value('m * 2', { m: { mean: 1, ci95: [0, 2] } })).toThrow(ExprEvalError);
    expect(() => value('mm1(-1, 1)')).toThrow('mm1(-1, 1): mm1: lambda must be a finite number >= 0, got -1');
  });

  it('knows its roots, whether it is a plain path, and prints itself back', () => {
    const e = parseExpr('replications.totals.duplicates / replications.totals.produced + mm1(value, 1).W');
    expect([...rootNames(e)].sort()).toEqual(['replications', 'value']);
    expect(isPath(parseExpr('summary.queues.q.meanWait'))).toBe(true);
    expect(isPath(parseExpr('summary.queues.q.meanWait * 2'))).toBe(false);
    expect(show(parseExpr('summary.queues["a-b"].meanWait'))).toBe('summary.queues["a-b"].meanWait');
    expect(show(parseExpr('(1 + 2) * -x'))).toBe('(1 + 2) * -x');
  });
});
