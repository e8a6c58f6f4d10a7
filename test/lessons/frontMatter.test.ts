import { describe, expect, it } from 'vitest';
import { FrontMatterError, parseFrontMatter, splitFrontMatter } from '../../src/lessons/frontMatter.ts';

const parse = (text: string) => parseFrontMatter(text.split('\n'));
const problem = (text: string) => {
  try {
    parse(text);
  } catch (err) {
    expect(err).toBeInstanceOf(FrontMatterError);
    return (err as Error).message;
  }
  throw new Error('expected a FrontMatterError');
};

describe('parseFrontMatter(lines)', () => {
  it('reads scalars as YAML does: numbers, booleans, null, quoted and plain text', () => {
    expect(parse('a: 1\nb: -2.5e-3\nc: true\nd: null\ne: ~\nf: "x # y"\ng: \'it\'\'s\'\nh: mm1(0.9, 1).Wq')).toEqual({
      a: 1,
      b: -2.5e-3,
      c: true,
      d: null,
      e: null,
      f: 'x # y',
      g: "it's",
      h: 'mm1(0.9, 1).Wq',
    });
  });

  it('reads nested mappings, lists of scalars and lists of mappings', () => {
    const text = [
      'id: x',
      'vary:',
      '  path: producers[0].interarrival.rate',
      '  values: [0.2, 0.5, round-robin]',
      'checks:',
      '  - label: one',
      '    metric: summary.queues["a-b"].meanWait   # a comment',
      '  - label: two',
      '    at: [1, 2]',
      'list:',
      '- a',
      '- b',
    ].join('\n');
    expect(parse(text)).toEqual({
      id: 'x',
      vary: { path: 'producers[0].interarrival.rate', values: [0.2, 0.5, 'round-robin'] },
      checks: [
        { label: 'one', metric: 'summary.queues["a-b"].meanWait' },
        { label: 'two', at: [1, 2] },
      ],
      list: ['a', 'b'],
    });
  });

  it('reads flow mappings and empty collections', () => {
    expect(parse('v: {path: a.b, values: [1, "x, y"]}\ne: []\nf: {}')).toEqual({ v: { path: 'a.b', values: [1, 'x, y'] }, e: [], f: {} });
  });

  it('names the line and the rule of every problem', () => {
    expect(problem('a: 1\na: 2')).toBe('line 2: key "a" appears twice');
    expect(problem('a: 1\n   b: 2')).toBe('line 2: unexpected indentation before "b: 2"');
    expect(problem('a: "open')).toBe('line 1: unclosed double quote');
    expect(problem('a: [1, 2')).toBe('line 1: expected "," or "]" in the list "[1, 2"');
    expect(problem('just text')).toBe('line 1: expected "key: value", got "just text"');
    expect(problem('\ta: 1')).toBe('line 1: indent with spaces, not tabs');
  });

  it('refuses plain values that YAML would read differently', () => {
    expect(problem('below: > 3')).toBe('line 1: quote the value > 3 (YAML reads it differently)');
    expect(problem('label: a: b')).toBe('line 1: quote the value a: b (YAML reads it differently)');
    expect(problem('x: *alias')).toBe('line 1: quote the value *alias (YAML reads it differently)');
    expect(parse('below: "> 3"\nx: -1\ny: -x')).toEqual({ below: '> 3', x: -1, y: '-x' });
  });
});

describe('splitFrontMatter(text)', () => {
  it('splits the front matter from the Markdown body', () => {
    const s = splitFrontMatter('---\nid: x\n---\n\n# Title\ntext\n');
    expect(s.frontMatter).toEqual(['id: x']);
    expect(s.firstLine).toBe(2);
    expect(s.body).toBe('# Title\ntext\n');
  });

  it('requires both fences', () => {
    expect(() => splitFrontMatter('id: x')).toThrow('line 1: a lesson starts with a front matter: a line "---"');
    expect(() => splitFrontMatter('---\nid: x\n')).toThrow('the front matter has no closing "---" line');
  });

  it('counts lines from the top of the file', () => {
    const s = splitFrontMatter('---\nid: x\nid: y\n---\n');
    expect(() => parseFrontMatter(s.frontMatter, s.firstLine)).toThrow('line 3: key "id" appears twice');
  });
});
