import { describe, expect, it } from 'vitest';
import { parseValues } from '../../../src/sim/sweep/values.ts';

describe('parseValues(spec)', () => {
  it('A:B:STEP includes both ends and rounds away binary noise', () => {
    expect(parseValues('0.1:0.9:0.2')).toEqual([0.1, 0.3, 0.5, 0.7, 0.9]);
    expect(parseValues('0.1:0.4:0.1')).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(parseValues('1:10:4')).toEqual([1, 5, 9]);
    expect(parseValues('5:1:-2')).toEqual([5, 3, 1]);
    expect(parseValues('2:2:1')).toEqual([2]);
  });

  it('a comma list holds JSON values, and bare words as strings', () => {
    expect(parseValues('1, 2.5,1e3')).toEqual([1, 2.5, 1000]);
    expect(parseValues('fifo,lifo,"priority"')).toEqual(['fifo', 'lifo', 'priority']);
    expect(parseValues('null,true,7')).toEqual([null, true, 7]);
    expect(parseValues('3')).toEqual([3]);
  });

  it('says what is wrong with a bad spec', () => {
    expect(() => parseValues('')).toThrow('no values');
    expect(() => parseValues('0:1:0')).toThrow('STEP of A:B:STEP must not be 0');
    expect(() => parseValues('0:x:1')).toThrow('B of A:B:STEP must be a number (got "x")');
    expect(() => parseValues('1:0:1')).toThrow('STEP 1 does not lead from 1 to 0');
    expect(() => parseValues('0:1e6:1')).toThrow('gives 1000001 values, more than 10000');
    expect(() => parseValues('1,,2')).toThrow('empty item');
    expect(() => parseValues('1:3')).toThrow('A:B:STEP needs three numbers (got 2: "1:3"), e.g. 1:3:1');
    expect(() => parseValues('0:1:0.5:2')).toThrow('A:B:STEP needs three numbers (got 4: "0:1:0.5:2")');
    expect(parseValues('a:b')).toEqual(['a:b']); // a word with a colon is still a word
  });
});
